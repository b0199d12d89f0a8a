package org.mechlp.solver.lazy;

import java.util.Arrays;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;

/**
 * For every agent and type, the types whose valuations are nearest: the misreports whose IC rows start the lazy
 * loop. A type's valuation vector lists ū_i(o, (θ_i, θ_-i)) over every profile of the others and every outcome, and
 * types are compared by Euclidean distance between these vectors. No order of types is assumed: for one-dimensional
 * ordered types the nearest are the adjacent ones, on a two-item value grid the grid neighbours.
 *
 * <p>Each type gets its {@value #NEAREST} nearest types, plus any tied with the last of them, at most {@value
 * #MOST} (on a two-item grid with outcomes none, A, B, AB the axis and anti-diagonal neighbours tie). The lazy loop
 * starts from the {@link #downward} ones only, those whose valuation vector sums to less than the type's own: where
 * types are ordered, the IC rows that bind are the local downward ones (a high type must not gain by posing as a
 * lower one). On the two-item grid that is (a - 1, b) and (a, b - 1): 19,800 rows at N = 100 instead of 59,212,
 * and the first LP is then already optimal for the full problem (measured at N = 20, 50 and 100).
 */
public final class NearestTypes {
  /** Nearest types per type. */
  static final int NEAREST = 4;

  /** Most types per type when ties are kept. */
  static final int MOST = 8;

  private NearestTypes() {}

  /** Per agent, per type, the nearest other types, nearest first. */
  static int[][][] of(Problem problem) {
    return of(problem, false);
  }

  /**
   * Per agent, per type, the nearest other types whose valuations sum to less than the type's own (the downward
   * misreports, the ones that bind when types are ordered), nearest first.
   */
  public static int[][][] downward(Problem problem) {
    return of(problem, true);
  }

  private static int[][][] of(Problem problem, boolean downward) {
    TypeProfiles profiles = problem.profiles();
    int[][][] nearest = new int[problem.agentCount()][][];
    for (int i = 0; i < nearest.length; i++) {
      nearest[i] = forAgent(problem, profiles, i, downward);
    }
    return nearest;
  }

  /** An upper bound on how many misreports {@link #of} gives a type of an agent with {@code types} types. */
  static int bound(int types) {
    return Math.min(types - 1, MOST);
  }

  private static int[][] forAgent(Problem problem, TypeProfiles profiles, int agent, boolean downward) {
    int k = profiles.typeCount(agent);
    int m = problem.outcomeCount();
    int others = profiles.count() / k;
    // Profiles with a given own type, in increasing order, list the others' profiles in the same order.
    double[][] vectors = new double[k][others * m];
    int[] filled = new int[k];
    for (int p = 0; p < profiles.count(); p++) {
      int t = profiles.typeOf(p, agent);
      int base = filled[t]++ * m;
      for (int o = 0; o < m; o++) {
        vectors[t][base + o] = problem.expectedValue(agent, o, p, profiles).doubleValue();
      }
    }
    double[] sums = new double[k];
    for (int t = 0; t < k; t++) {
      for (double v : vectors[t]) {
        sums[t] += v;
      }
    }
    int[][] nearest = new int[k][];
    double[] bestDistance = new double[MOST];
    int[] bestType = new int[MOST];
    for (int t = 0; t < k; t++) {
      int size = 0;
      for (int r = 0; r < k; r++) {
        if (r == t) {
          continue;
        }
        double d = squaredDistance(vectors[t], vectors[r]);
        if (size == MOST && !(d < bestDistance[MOST - 1])) {
          continue;
        }
        // Insert (d, r) keeping the list sorted by distance, then by type index (r increases, so ties go last).
        int at = size == MOST ? MOST - 1 : size++;
        while (at > 0 && bestDistance[at - 1] > d) {
          bestDistance[at] = bestDistance[at - 1];
          bestType[at] = bestType[at - 1];
          at--;
        }
        bestDistance[at] = d;
        bestType[at] = r;
      }
      int keep = Math.min(size, NEAREST);
      while (keep < size && bestDistance[keep] <= bestDistance[NEAREST - 1] * (1 + 1e-12)) {
        keep++;
      }
      if (downward) {
        int lower = 0;
        for (int j = 0; j < keep; j++) {
          if (sums[bestType[j]] < sums[t]) {
            bestType[lower++] = bestType[j];
          }
        }
        keep = lower;
      }
      nearest[t] = Arrays.copyOf(bestType, keep);
    }
    return nearest;
  }

  private static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      double d = a[j] - b[j];
      sum += d * d;
    }
    return sum;
  }
}
