package org.mechlp.solver.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.diagnose.InfeasibilityReport.ConflictFamily;
import org.mechlp.solver.diagnose.InfeasibilityReport.Relaxation;
import org.mechlp.solver.diagnose.InfeasibilityReport.RelaxationKind;
import org.mechlp.solver.options.DiagnoseOptions;
import org.mechlp.solver.options.SolveOptions;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * instances/public-good-dsic-strong-bb.json (public good of cost 1, values i.i.d. uniform on {0, 1/5, ..., 1},
 * efficient, DSIC, ex post strong budget balance) is infeasible; its least expected subsidy is checked against an
 * LP written here directly from the formulas and solved with ojAlgo (no mechlp model, families or OR-Tools).
 */
class PublicGoodDiagnosisTest {
  private static final int K = 6;

  /**
   * min (1/K^2) sum_{i,j} s(i,j) over payments t_a(i,j), t_b(i,j) (free) and deficits s(i,j) >= 0, where i, j are
   * the reported grid indices (values i/5, j/5) and build(i,j) = [i + j >= 5] is the efficient rule with ties built:
   *
   * <ul>
   *   <li>DSIC for a: (i/5) build(i,j) - t_a(i,j) >= (i/5) build(r,j) - t_a(r,j) for all i, r != i, j; same for b;
   *   <li>budget with subsidy: t_a(i,j) + t_b(i,j) + s(i,j) = 1 * build(i,j) (the payments plus the subsidy cover
   *       the cost exactly).
   * </ul>
   */
  static double independentLeastSubsidy() {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[][] ta = new Variable[K][K];
    Variable[][] tb = new Variable[K][K];
    Variable[][] s = new Variable[K][K];
    for (int i = 0; i < K; i++) {
      for (int j = 0; j < K; j++) {
        ta[i][j] = model.addVariable("ta_" + i + "_" + j);
        tb[i][j] = model.addVariable("tb_" + i + "_" + j);
        s[i][j] = model.addVariable("s_" + i + "_" + j).lower(0).weight(1.0 / (K * K));
        Expression budget = model.addExpression("bb_" + i + "_" + j).level(build(i, j));
        budget.set(ta[i][j], 1).set(tb[i][j], 1).set(s[i][j], 1);
      }
    }
    for (int i = 0; i < K; i++) {
      for (int r = 0; r < K; r++) {
        if (r == i) {
          continue;
        }
        for (int j = 0; j < K; j++) {
          double value = i / (K - 1.0);
          // a with value i reporting r against b's report j: t_a(r,j) - t_a(i,j) >= value (build(r,j) - build(i,j)).
          Expression a = model.addExpression("ic_a_" + i + "_" + r + "_" + j);
          a.set(ta[r][j], 1).set(ta[i][j], -1).lower(value * (build(r, j) - build(i, j)));
          Expression b = model.addExpression("ic_b_" + i + "_" + r + "_" + j);
          b.set(tb[j][r], 1).set(tb[j][i], -1).lower(value * (build(j, r) - build(j, i)));
        }
      }
    }
    Optimisation.Result result = model.minimise();
    assertThat(result.getState().isOptimal()).as("ojAlgo state %s", result.getState()).isTrue();
    return result.getValue();
  }

  private static int build(int i, int j) {
    return i + j >= K - 1 ? 1 : 0;
  }

  @Test
  void theLeastSubsidyMatchesTheIndependentLp() throws Exception {
    Problem problem =
        ProblemReader.read(Path.of(System.getProperty("instances.dir"), "public-good-dsic-strong-bb.json"));
    InfeasibilityReport report =
        InfeasibilityDiagnosis.diagnose(problem, SolveOptions.defaults(), DiagnoseOptions.defaults()).orElseThrow();

    // Green-Laffont: DSIC and strong budget balance conflict; no IR in this problem.
    assertThat(report.families()).extracting(ConflictFamily::id).containsExactly("ic-dsic", "budget-expost");
    assertThat(report.rowSet()).isEqualTo(InfeasibilityReport.RowSet.IRREDUCIBLE);
    Relaxation budget =
        report.relaxations().stream().filter(r -> r.kind() == RelaxationKind.BUDGET).findFirst().orElseThrow();
    double expected = independentLeastSubsidy();
    assertThat(expected).isGreaterThan(1e-3);
    assertThat(budget.value()).isCloseTo(expected, within(1e-7));
    // Both read back as 7/90 (the instance's description quotes it).
    assertThat(CleanFraction.of(expected)).isEqualTo(new BigFraction(7, 90));
    assertThat(budget.exact()).isEqualTo(new BigFraction(7, 90));
  }
}
