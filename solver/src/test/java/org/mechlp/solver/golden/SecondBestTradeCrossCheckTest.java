package org.mechlp.solver.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.testing.Expected;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The second-best bilateral trade optimum of instances/bilateral-trade.json, cross-checked against an independent
 * formulation: the same economics written out by hand in this test in interim form (no mechlp model, no constraint
 * families, no ex post transfers) and solved with ojAlgo's pure-Java simplex instead of OR-Tools.
 *
 * <p>Apache Commons Math's SimplexSolver was tried first and is unusable here: with unrestricted variables it
 * returned a point violating its own rows by 2.5, and with split variables it cycled past 10^6 iterations even
 * under Bland's rule (MATH-1108).
 */
class SecondBestTradeCrossCheckTest {
  private static final int K = 10;

  /**
   * Max E[(v - c) q] s.t. BIC, interim IR for both traders and E[t_s + t_b] >= 0, with values j/9 uniform. With
   * independent types only the interim payments T_s(c) = E_v[t_s(c, v)] and T_b(v) = E_c[t_b(c, v)] enter the
   * constraints, so they are the variables instead of ex post transfers.
   */
  static double independentSecondBest() {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[][] q = new Variable[K][K];
    for (int s = 0; s < K; s++) {
      for (int b = 0; b < K; b++) {
        q[s][b] = model.addVariable("q_" + s + "_" + b).lower(0).upper(1).weight((b - s) / 9.0 / (K * K));
      }
    }
    Variable[] sellerPays = new Variable[K];
    Variable[] buyerPays = new Variable[K];
    for (int j = 0; j < K; j++) {
      sellerPays[j] = model.addVariable("Ts_" + j);
      buyerPays[j] = model.addVariable("Tb_" + j);
    }
    for (int s = 0; s < K; s++) {
      double cost = s / 9.0;
      // Seller of cost c reporting r: interim utility -c Q_s(r) - T_s(r), with Q_s(r) = (1/K) sum_b q(r, b).
      Expression ir = model.addExpression("ir_s_" + s).lower(0);
      addSeller(ir, q, sellerPays, s, cost, 1);
      for (int r = 0; r < K; r++) {
        if (r != s) {
          Expression ic = model.addExpression("ic_s_" + s + "_" + r).lower(0);
          addSeller(ic, q, sellerPays, s, cost, 1);
          addSeller(ic, q, sellerPays, r, cost, -1);
        }
      }
    }
    for (int b = 0; b < K; b++) {
      double value = b / 9.0;
      Expression ir = model.addExpression("ir_b_" + b).lower(0);
      addBuyer(ir, q, buyerPays, b, value, 1);
      for (int r = 0; r < K; r++) {
        if (r != b) {
          Expression ic = model.addExpression("ic_b_" + b + "_" + r).lower(0);
          addBuyer(ic, q, buyerPays, b, value, 1);
          addBuyer(ic, q, buyerPays, r, value, -1);
        }
      }
    }
    Expression budget = model.addExpression("budget").lower(0);
    for (int j = 0; j < K; j++) {
      budget.set(sellerPays[j], 1);
      budget.set(buyerPays[j], 1);
    }
    Optimisation.Result result = model.maximise();
    assertThat(result.getState().isOptimal()).as("ojAlgo state %s", result.getState()).isTrue();
    return result.getValue();
  }

  private static void addSeller(Expression row, Variable[][] q, Variable[] pays, int report, double cost, int sign) {
    for (int b = 0; b < K; b++) {
      add(row, q[report][b], -sign * cost / K);
    }
    add(row, pays[report], -sign);
  }

  private static void addBuyer(Expression row, Variable[][] q, Variable[] pays, int report, double value, int sign) {
    for (int s = 0; s < K; s++) {
      add(row, q[s][report], sign * value / K);
    }
    add(row, pays[report], -sign);
  }

  private static void add(Expression row, Variable variable, double coefficient) {
    java.math.BigDecimal old = row.get(variable);
    row.set(variable, (old == null ? 0 : old.doubleValue()) + coefficient);
  }

  @Test
  void mechlpMatchesTheIndependentLp() throws Exception {
    double expected = independentSecondBest();
    SolveReport report = GoldenInstancesTest.solve("bilateral-trade");

    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(expected, within(1e-7));
    // The golden value of the instance's expect block is this independent optimum.
    assertThat(Expected.objective("bilateral-trade")).isCloseTo(expected, within(1e-7));
    // Second best lies strictly below the first-best gains E[(v-c)^+] = 11/60 (Myerson-Satterthwaite).
    assertThat(report.objective()).isLessThan(11.0 / 60 - 1e-6);
  }
}
