package org.mechlp.solver.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * The second-best bilateral trade optimum of instances/bilateral-trade.json, cross-checked against an independent
 * formulation: the same economics written out by hand in this test (no mechlp model, no constraint families) and
 * solved with Apache Commons Math's pure-Java SimplexSolver instead of OR-Tools.
 */
class SecondBestTradeCrossCheckTest {
  private static final int K = 10;

  /** Max E[(v - c) q] s.t. BIC, interim IR for both traders and E[t_s + t_b] >= 0; values j/9, uniform. */
  static double independentSecondBest() {
    // Variables: q(s,b) at s*K+b; t_seller(s,b) at K*K + s*K+b; t_buyer(s,b) at 2*K*K + s*K+b.
    int n = 3 * K * K;
    double[] objective = new double[n];
    List<LinearConstraint> rows = new ArrayList<>();
    for (int s = 0; s < K; s++) {
      for (int b = 0; b < K; b++) {
        objective[s * K + b] = (b - s) / 9.0 / (K * K);
        double[] upper = new double[n];
        upper[s * K + b] = 1;
        rows.add(new LinearConstraint(upper, Relationship.LEQ, 1));
        rows.add(new LinearConstraint(upper, Relationship.GEQ, 0));
      }
    }
    for (int s = 0; s < K; s++) {
      double cost = s / 9.0;
      // Seller of cost c: utility -c q - t_seller, averaged over the buyer's K equally likely values.
      double[] ir = new double[n];
      for (int b = 0; b < K; b++) {
        ir[s * K + b] -= cost;
        ir[K * K + s * K + b] -= 1;
      }
      rows.add(new LinearConstraint(ir, Relationship.GEQ, 0));
      for (int r = 0; r < K; r++) {
        if (r == s) {
          continue;
        }
        double[] ic = new double[n];
        for (int b = 0; b < K; b++) {
          ic[s * K + b] -= cost;
          ic[K * K + s * K + b] -= 1;
          ic[r * K + b] += cost;
          ic[K * K + r * K + b] += 1;
        }
        rows.add(new LinearConstraint(ic, Relationship.GEQ, 0));
      }
    }
    for (int b = 0; b < K; b++) {
      double value = b / 9.0;
      double[] ir = new double[n];
      for (int s = 0; s < K; s++) {
        ir[s * K + b] += value;
        ir[2 * K * K + s * K + b] -= 1;
      }
      rows.add(new LinearConstraint(ir, Relationship.GEQ, 0));
      for (int r = 0; r < K; r++) {
        if (r == b) {
          continue;
        }
        double[] ic = new double[n];
        for (int s = 0; s < K; s++) {
          ic[s * K + b] += value;
          ic[2 * K * K + s * K + b] -= 1;
          ic[s * K + r] -= value;
          ic[2 * K * K + s * K + r] += 1;
        }
        rows.add(new LinearConstraint(ic, Relationship.GEQ, 0));
      }
    }
    double[] budget = new double[n];
    for (int j = K * K; j < n; j++) {
      budget[j] = 1;
    }
    rows.add(new LinearConstraint(budget, Relationship.GEQ, 0));

    PointValuePair optimum =
        new SimplexSolver(1e-9, 10, 1e-12)
            .optimize(
                new MaxIter(100_000),
                new LinearObjectiveFunction(objective, 0),
                new LinearConstraintSet(rows),
                GoalType.MAXIMIZE,
                new NonNegativeConstraint(false));
    return optimum.getValue();
  }

  @Test
  void mechlpMatchesTheIndependentLp() throws Exception {
    double expected = independentSecondBest();
    SolveReport report = GoldenInstancesTest.solve("bilateral-trade");

    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(expected, within(1e-7));
    // Second best lies strictly below the first-best gains E[(v-c)^+] = 11/60 (Myerson-Satterthwaite).
    assertThat(report.objective()).isLessThan(11.0 / 60 - 1e-6);
  }
}
