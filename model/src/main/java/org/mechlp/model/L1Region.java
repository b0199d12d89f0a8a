package org.mechlp.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The L1 ball around an empirical law, intersected with the simplex: {q >= 0, sum q = 1, sum |q - p| <= r}, and its
 * vertices, in exact arithmetic.
 */
public final class L1Region {
  /** Radii derived from a confidence level are rounded up to a multiple of this (a larger, safe region). */
  public static final BigFraction RADIUS_GRID = new BigFraction(1, 1000);

  private L1Region() {}

  /**
   * The vertices of the ball of radius {@code radius} around {@code center} within the simplex, without duplicates,
   * in a deterministic order.
   *
   * <p>Why this list is complete: a vertex is the unique minimizer of some linear function c.q with distinct
   * coefficients. Moving mass d from type j to type i changes c.q by d (c_i - c_j), so the minimizer moves as much
   * mass as allowed, h = min(r/2, 1 - p_i), to the cheapest type i, taking it from the dearest types first: it empties
   * a set S of donors and takes the rest from one more donor j. Every such point is listed (and each lies in the
   * region), so the minimum of any linear function over the region equals its minimum over the list.
   *
   * @throws IllegalArgumentException when {@code maxVertices} would be exceeded
   */
  public static List<List<BigFraction>> vertices(List<BigFraction> center, BigFraction radius, int maxVertices) {
    int k = center.size();
    BigFraction half = radius.divide(2);
    Set<List<BigFraction>> found = new LinkedHashSet<>();
    if (radius.getNumerator().signum() == 0) {
      found.add(List.copyOf(center));
      return List.copyOf(found);
    }
    for (int receiver = 0; receiver < k; receiver++) {
      BigFraction room = BigFraction.ONE.subtract(center.get(receiver));
      BigFraction moved = half.compareTo(room) < 0 ? half : room;
      List<Integer> donors = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        if (j != receiver && center.get(j).getNumerator().signum() > 0) {
          donors.add(j);
        }
      }
      if (donors.size() > 20) {
        throw new IllegalArgumentException("more than 21 types with positive counts: the region has too many vertices");
      }
      for (long mask = 0; mask < (1L << donors.size()); mask++) {
        BigFraction drained = BigFraction.ZERO;
        for (int d = 0; d < donors.size(); d++) {
          if ((mask >> d & 1) == 1) {
            drained = drained.add(center.get(donors.get(d)));
          }
        }
        int cmp = drained.compareTo(moved);
        if (cmp > 0) {
          continue;
        }
        if (cmp == 0) {
          found.add(point(center, receiver, donors, mask, -1, BigFraction.ZERO, moved));
        } else {
          BigFraction rest = moved.subtract(drained);
          for (int d = 0; d < donors.size(); d++) {
            if ((mask >> d & 1) == 0 && center.get(donors.get(d)).compareTo(rest) >= 0) {
              found.add(point(center, receiver, donors, mask, donors.get(d), rest, moved));
            }
          }
        }
        if (found.size() > maxVertices) {
          throw new IllegalArgumentException(
              "the region has more than " + maxVertices + " vertices; a smaller radius or fewer types keeps it small");
        }
      }
    }
    return List.copyOf(found);
  }

  private static List<BigFraction> point(
      List<BigFraction> center,
      int receiver,
      List<Integer> donors,
      long mask,
      int partial,
      BigFraction partialAmount,
      BigFraction moved) {
    BigFraction[] q = center.toArray(new BigFraction[0]);
    for (int d = 0; d < donors.size(); d++) {
      if ((mask >> d & 1) == 1) {
        q[donors.get(d)] = BigFraction.ZERO;
      }
    }
    if (partial >= 0) {
      q[partial] = q[partial].subtract(partialAmount);
    }
    q[receiver] = q[receiver].add(moved);
    return Arrays.asList(q);
  }

  /**
   * The radius r at which the empirical law of {@code samples} draws over {@code types} categories lies within L1
   * distance r of the true law with probability at least 1 - {@code alpha}, by Weissman, Ordentlich, Seroussi,
   * Verdú and Weinberger (2003): P(||p_n - p||_1 >= r) <= (2^k - 2) exp(-n r^2 / 2). Rounded up to a multiple of
   * {@link #RADIUS_GRID} and capped at 2 (the simplex's L1 diameter).
   */
  public static BigFraction weissmanRadius(BigInteger samples, int types, double alpha) {
    if (types <= 1) {
      return BigFraction.ZERO;
    }
    double log = Math.log(Math.pow(2, types) - 2) - Math.log(alpha);
    if (log <= 0) {
      return BigFraction.ZERO;
    }
    double r = Math.sqrt(2 * log / samples.doubleValue());
    if (!(r < 2)) {
      return BigFraction.TWO;
    }
    long steps = (long) Math.ceil(r * RADIUS_GRID.getDenominator().doubleValue());
    return new BigFraction(BigInteger.valueOf(steps), RADIUS_GRID.getDenominator());
  }
}
