package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Candidate posteriors over w states for the posterior-grid LP (docs/THEORY.md P1): the prior, every vertex (full
 * disclosure), the uniform grid {a/K} and every posterior whose coordinates are fractions with a denominator of at
 * most D. The last set catches boundary posteriors where the value function jumps (docs/THEORY.md, Calibrated LPs, "a
 * caveat on grids"), such as 2/3 in example C, which no grid 1/K with K not divisible by 3 contains.
 */
final class PosteriorGrid {
  /** A guard against grids that would not fit in memory: binomial(K + w - 1, w - 1) grows fast in w. */
  static final int MAX_POSTERIORS = 200_000;

  private PosteriorGrid() {}

  /** The candidates, deduplicated, in a deterministic order (prior, vertices, grid, small denominators). */
  static List<BigFraction[]> candidates(BigFraction[] prior, int resolution, int maxDenominator) {
    int w = prior.length;
    Set<List<BigFraction>> seen = new LinkedHashSet<>();
    seen.add(List.of(prior));
    for (int v = 0; v < w; v++) {
      seen.add(List.of(vertex(w, v)));
    }
    addSimplex(seen, w, resolution);
    for (int d = 1; d <= maxDenominator; d++) {
      addSimplex(seen, w, d);
    }
    List<BigFraction[]> result = new ArrayList<>(seen.size());
    for (List<BigFraction> p : seen) {
      result.add(p.toArray(new BigFraction[0]));
    }
    return result;
  }

  /** The vertex that puts all weight on {@code state}. */
  static BigFraction[] vertex(int states, int state) {
    BigFraction[] p = new BigFraction[states];
    for (int i = 0; i < states; i++) {
      p[i] = i == state ? BigFraction.ONE : BigFraction.ZERO;
    }
    return p;
  }

  /** Adds every point (a_1, ..., a_w) / d with non-negative integers a summing to d. */
  private static void addSimplex(Set<List<BigFraction>> seen, int w, int d) {
    int[] a = new int[w];
    fill(seen, a, 0, d, d);
  }

  private static void fill(Set<List<BigFraction>> seen, int[] a, int index, int left, int d) {
    if (seen.size() > MAX_POSTERIORS) {
      throw new IllegalArgumentException(
          "the posterior grid has more than "
              + MAX_POSTERIORS
              + " points; lower calibration.grid or calibration.maxDenominator");
    }
    if (index == a.length - 1) {
      a[index] = left;
      List<BigFraction> p = new ArrayList<>(a.length);
      for (int v : a) {
        p.add(new BigFraction(v, d));
      }
      seen.add(List.copyOf(p));
      return;
    }
    for (int v = 0; v <= left; v++) {
      a[index] = v;
      fill(seen, a, index + 1, left - v, d);
    }
  }

  /**
   * For two states: points around each used posterior q (its first coordinate), at spacing {@code step}, within
   * {@code radius} steps on each side, clipped to [0, 1].
   */
  static List<BigFraction[]> refineTwoStates(List<BigFraction[]> used, BigFraction step, int radius) {
    List<BigFraction[]> result = new ArrayList<>();
    for (BigFraction[] q : used) {
      for (int j = -radius; j <= radius; j++) {
        BigFraction first = q[0].add(step.multiply(j));
        if (first.compareTo(BigFraction.ZERO) >= 0 && first.compareTo(BigFraction.ONE) <= 0) {
          result.add(new BigFraction[] {first, BigFraction.ONE.subtract(first)});
        }
      }
    }
    return result;
  }
}
