package org.mechlp.solver.reduced;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/**
 * The separation claim (Border 1991; Cai, Daskalakis and Weinberg 2012): for a single item with independent types,
 * an interim allocation violates some Border inequality exactly when it violates one over the common-threshold sets
 * {θ_i : Q_i(θ_i) >= x}. Checked against brute force over every profile of subsets on 2-3 bidders with 2-3 types.
 */
class BorderSeparationTest {
  @Test
  void twoUniformBiddersCannotBothWinForSure() {
    // Q = 1 for both of two equally likely types of each of two bidders: the full sets give lhs 2, rhs 1 - 0 = 1.
    double[][] f = {{0.5, 0.5}, {0.5, 0.5}};
    double[][] q = {{1, 1}, {1, 1}};

    assertThat(BorderSeparation.maxViolation(f, q)).isEqualTo(1.0);
  }

  @Test
  void secondPriceInterimRuleIsFeasible() {
    // Efficient allocation with ties split, values {1,2} uniform, 2 bidders: Q(low) = 1/2 * 1/2 = 1/4,
    // Q(high) = 1/2 + 1/2 * 1/2 = 3/4; it is implemented ex post, so no Border set may be violated.
    double[][] f = {{0.5, 0.5}, {0.5, 0.5}};
    double[][] q = {{0.25, 0.75}, {0.25, 0.75}};

    assertThat(BorderSeparation.maxViolation(f, q)).isLessThanOrEqualTo(1e-15);
  }

  @Property(tries = 300)
  void thresholdSetsFindAViolationWheneverAnySetIsViolated(@ForAll @LongRange(min = 0, max = 1L << 40) long seed) {
    Random random = new Random(seed);
    int n = 2 + random.nextInt(2);
    double[][] f = new double[n][];
    double[][] q = new double[n][];
    double scale = 0.3 + 1.2 * random.nextDouble();
    for (int i = 0; i < n; i++) {
      int k = 2 + random.nextInt(2);
      f[i] = new double[k];
      q[i] = new double[k];
      double total = 0;
      for (int t = 0; t < k; t++) {
        f[i][t] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(4);
        total += f[i][t];
        q[i][t] = Math.min(1, scale * random.nextDouble());
      }
      if (total == 0) {
        f[i][0] = 1;
        total = 1;
      }
      for (int t = 0; t < k; t++) {
        f[i][t] /= total;
      }
    }

    double brute = bruteForceMaxViolation(f, q);
    double threshold = BorderSeparation.maxViolation(f, q);

    // Threshold sets are among all sets, so they never find more; and a violation anywhere shows in them.
    assertThat(threshold).isLessThanOrEqualTo(Math.max(0, brute) + 1e-12);
    if (brute > 1e-9) {
      assertThat(threshold).as("brute force found %s", brute).isGreaterThan(0);
    }
  }

  private static double bruteForceMaxViolation(double[][] f, double[][] q) {
    int n = f.length;
    int[] masks = new int[n];
    double worst = Double.NEGATIVE_INFINITY;
    while (true) {
      boolean[][] members = new boolean[n][];
      for (int i = 0; i < n; i++) {
        members[i] = new boolean[f[i].length];
        for (int t = 0; t < f[i].length; t++) {
          members[i][t] = (masks[i] >> t & 1) == 1;
        }
      }
      worst = Math.max(worst, BorderSeparation.violation(f, q, members));
      int i = 0;
      while (i < n && ++masks[i] == 1 << f[i].length) {
        masks[i] = 0;
        i++;
      }
      if (i == n) {
        return worst;
      }
    }
  }
}
