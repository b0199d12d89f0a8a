package org.mechlp.solver.reduced;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds violated Border inequalities of an interim allocation by sorting. For a single item with independent types
 * it suffices to check the sets S_i(x) = {θ_i : Q_i(θ_i) >= x} with one common threshold x among the current Q
 * values (Border 1991; Cai, Daskalakis and Weinberg 2012, ar5iv 1112.4572): sort every (agent, type) of positive
 * probability by Q, sweep from the top, and evaluate each prefix that ends at a change of value. O(N log N + N n)
 * for N types in all and n agents.
 */
public final class BorderSeparation {
  private BorderSeparation() {}

  /**
   * Every threshold set's inequality at {@code q} (indexed [agent][type]), most violated first, for types with
   * positive probability {@code f}.
   */
  public static List<BorderCut> thresholdCuts(double[][] f, double[][] q) {
    int n = f.length;
    List<int[]> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < f[i].length; t++) {
        if (f[i][t] > 0) {
          entries.add(new int[] {i, t});
        }
      }
    }
    entries.sort(Comparator.comparingDouble((int[] e) -> -q[e[0]][e[1]]));
    double[] mass = new double[n];
    boolean[][] members = new boolean[n][];
    for (int i = 0; i < n; i++) {
      members[i] = new boolean[f[i].length];
    }
    List<BorderCut> cuts = new ArrayList<>();
    double lhs = 0;
    for (int e = 0; e < entries.size(); e++) {
      int i = entries.get(e)[0];
      int t = entries.get(e)[1];
      lhs += f[i][t] * q[i][t];
      mass[i] += f[i][t];
      members[i][t] = true;
      boolean lastOfValue = e + 1 == entries.size() || q[entries.get(e + 1)[0]][entries.get(e + 1)[1]] != q[i][t];
      if (lastOfValue) {
        double none = 1;
        for (int j = 0; j < n; j++) {
          none *= 1 - Math.min(1, mass[j]);
        }
        cuts.add(new BorderCut(copy(members), lhs - (1 - none)));
      }
    }
    cuts.sort(Comparator.comparingDouble((BorderCut c) -> -c.violation()));
    return cuts;
  }

  /** The threshold cuts violated by more than {@code tolerance}, most violated first. */
  public static List<BorderCut> violated(double[][] f, double[][] q, double tolerance) {
    return thresholdCuts(f, q).stream().filter(c -> c.violation() > tolerance).toList();
  }

  /** The largest violation over all threshold sets (0 when every one holds). */
  public static double maxViolation(double[][] f, double[][] q) {
    List<BorderCut> cuts = thresholdCuts(f, q);
    return cuts.isEmpty() ? 0 : Math.max(0, cuts.get(0).violation());
  }

  /** The violation of the Border inequality of {@code members} at {@code q}. */
  public static double violation(double[][] f, double[][] q, boolean[][] members) {
    double lhs = 0;
    double none = 1;
    for (int i = 0; i < f.length; i++) {
      double mass = 0;
      for (int t = 0; t < f[i].length; t++) {
        if (members[i][t]) {
          lhs += f[i][t] * q[i][t];
          mass += f[i][t];
        }
      }
      none *= 1 - Math.min(1, mass);
    }
    return lhs - (1 - none);
  }

  private static boolean[][] copy(boolean[][] members) {
    boolean[][] c = new boolean[members.length][];
    for (int i = 0; i < members.length; i++) {
      c[i] = Arrays.copyOf(members[i], members[i].length);
    }
    return c;
  }
}
