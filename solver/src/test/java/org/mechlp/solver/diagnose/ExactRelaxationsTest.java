package org.mechlp.solver.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.diagnose.InfeasibilityReport.Relaxation;
import org.mechlp.solver.diagnose.InfeasibilityReport.RelaxationKind;
import org.mechlp.solver.options.DiagnoseOptions;
import org.mechlp.solver.options.SolveOptions;

/** {@link InfeasibilityDiagnosis#diagnoseExact}: the least relaxations are certified exact optima. */
class ExactRelaxationsTest {
  private static InfeasibilityReport diagnose(String file) throws Exception {
    Problem problem = ProblemReader.read(Path.of(System.getProperty("instances.dir"), file));
    return InfeasibilityDiagnosis.diagnoseExact(problem, SolveOptions.defaults(), DiagnoseOptions.defaults())
        .orElseThrow();
  }

  private static Relaxation of(InfeasibilityReport report, RelaxationKind kind) {
    return report.relaxations().stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
  }

  /**
   * Myerson-Satterthwaite on the 10-point grid: the least subsidy is exactly 1/12, the closed form in
   * instances/bilateral-trade-subsidy.json's description ((1/9) sum_{d=1..9} (10-d)(2-d) / 100 = -1/12 is the best
   * budget surplus with efficient trade, BIC and interim IR). The least IR shortfall is exactly half of it, 1/24 (the
   * hand derivation in MyersonSatterthwaiteDiagnosisTest: each of the two agents can pay s more). The IC epsilon has
   * no closed form here: only its certification is asserted.
   */
  @Test
  void bilateralTradeNeedsACertifiedSubsidyOfOneTwelfth() throws Exception {
    InfeasibilityReport report = diagnose("bilateral-trade-ms.json");

    Relaxation budget = of(report, RelaxationKind.BUDGET);
    assertThat(budget.certified()).as(budget.words()).isTrue();
    assertThat(budget.exact()).isEqualTo(new BigFraction(1, 12));
    assertThat(budget.words()).contains("needs an expected subsidy of at least 1/12 (certified)");
    Relaxation ir = of(report, RelaxationKind.IR);
    assertThat(ir.certified()).as(ir.words()).isTrue();
    assertThat(ir.exact()).isEqualTo(new BigFraction(1, 24));
    Relaxation ic = of(report, RelaxationKind.IC);
    assertThat(ic.certified()).as(ic.words()).isTrue();
    assertThat(ic.exact().getNumerator().signum()).isPositive();
  }

  /**
   * Public good with DSIC and ex post strong budget balance on the 6-point grid: the least expected subsidy is
   * exactly 7/90, which PublicGoodDiagnosisTest cross-checks with an LP written from the formulas and solved by
   * ojAlgo (no mechlp model, families or OR-Tools).
   */
  @Test
  void publicGoodNeedsACertifiedSubsidyOfSevenNinetieths() throws Exception {
    InfeasibilityReport report = diagnose("public-good-dsic-strong-bb.json");

    Relaxation budget = of(report, RelaxationKind.BUDGET);
    assertThat(budget.certified()).as(budget.words()).isTrue();
    assertThat(budget.exact()).isEqualTo(new BigFraction(7, 90));
    assertThat(budget.words()).contains("at least 7/90 (certified)");
  }
}
