package org.mechlp.solver.full;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.testing.Toys;
import org.mechlp.solver.verify.VerifiedLp;

/** A PDLP point that fails verification is polished with GLOP on its active rows and verified against every row. */
class PdlpPolishTest {
  private static final BackendSettings PDLP = new BackendSettings(Backend.PDLP, null, 1);

  /** A backend that returns a fixed point as PDLP would, claiming optimality with the given objective. */
  private static LpSolver stub(double[] point, double claimedObjective) {
    return (lp, settings) ->
        new LpResult(LpStatus.OPTIMAL, claimedObjective, point, null, "stub PDLP", 1, 0, 0, 0, "");
  }

  @Test
  void aRealPdlpPointOutsideATightToleranceIsPolishedToTheOptimum() throws Exception {
    // Two bidders, values 1..3 (myerson-two-bidders.json): its expect block gives the optimal revenue 2, derived by
    // discrete Myerson in the file. PDLP stops at KKT error 1e-9 and violates a feasibility row by about 1.2e-9
    // (measured), so with tolerance 1e-11 its own point fails; GLOP's vertex on the active rows does not.
    Problem problem =
        ProblemReader.read(Path.of(System.getProperty("instances.dir"), "myerson-two-bidders.json"));
    SolveOptions options = new SolveOptions(PDLP, 1e-11, 10, Strategy.FULL);
    LinearProgram lp = LpCompiler.compile(problem).lp();
    VerifiedLp raw = VerifiedLp.solve(lp, new OrToolsLpSolver(), options, problem.agentCount());
    assertThat(raw.status()).isEqualTo(SolveStatus.NUMERICAL_FAILURE);
    assertThat(PdlpPolish.applies(options, raw)).isTrue();

    SolveReport report = MechanismSolver.solve(problem, options);
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(2.0, within(1e-9));
    assertThat(report.verification().maxViolation()).isLessThanOrEqualTo(1e-11);
    assertThat(report.message())
        .startsWith("PDLP's point violated ")
        .contains("polished with GLOP on ")
        .endsWith("verified against every row");
  }

  @Test
  void aStubPointViolatingIrIsPolishedOnItsActiveRows() {
    // One buyer, low value 1 (prob 1/3) or high value 3 (prob 2/3): the optimum sells to the high type at 3,
    // revenue 2/3 * 3 = 2 (selling to both at 1 gives 1). The stub returns that mechanism with the high payment
    // raised by 1e-4, so the high type's IR row (3 - t[high] >= 0) and its IC row against reporting low
    // (3 - t[high] >= 0 - 0) are both violated by 1e-4, above the tolerance 1e-6. Columns: x[low|kept],
    // x[low|sold], x[high|kept], x[high|sold], t[low], t[high].
    Problem problem = Toys.oneBuyer();
    double[] point = {1, 0, 0, 1, 0, 3 + 1e-4};
    SolveOptions options = new SolveOptions(PDLP, 1e-6, 10, Strategy.FULL);
    SolveReport report = MechanismSolver.solve(problem, options, stub(point, 2 + 2e-4 / 3));
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(2.0, within(1e-9));
    assertThat(report.verification().violationCount()).isZero();
    assertThat(report.message()).startsWith("PDLP's point violated ").contains(" by 1.00e-04 (tolerance 1.00e-06)");
    assertThat(report.message()).contains("polished with GLOP on").contains("verified against every row");
  }

  @Test
  void whenTheActiveRowsLeaveTheLpUnboundedTheFullLpIsSolvedWithGlop() {
    // The stub sells to both types for free: a feasible point (IR slack 1 and 3, IC tight both ways) but its claimed
    // objective 5 is not the recomputed 0, so verification fails. The IR rows are not active, so the restricted LP
    // (feasibility and IC rows) lets both payments grow together without bound; GLOP solves the full LP instead,
    // whose optimum is 2 (see the test above).
    Problem problem = Toys.oneBuyer();
    double[] point = {0, 1, 0, 1, 0, 0};
    SolveOptions options = new SolveOptions(PDLP, 1e-6, 10, Strategy.FULL);
    SolveReport report = MechanismSolver.solve(problem, options, stub(point, 5));
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(2.0, within(1e-9));
    assertThat(report.message())
        .startsWith("PDLP's objective 5.00000000000 differed from the one recomputed at its point, 0.00000000000")
        .contains("so the full LP was re-solved with GLOP");
  }

  @Test
  void aVerifiedPdlpPointOrAnotherBackendIsLeftAlone() {
    Problem problem = Toys.oneBuyer();
    double[] optimum = {1, 0, 0, 1, 0, 3};
    SolveOptions pdlp = new SolveOptions(PDLP, 1e-6, 10, Strategy.FULL);
    SolveReport verified = MechanismSolver.solve(problem, pdlp, stub(optimum, 2));
    assertThat(verified.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(verified.message()).doesNotContain("polished");
    // The same bad point from a backend configured as GLOP is reported as the failure it is.
    SolveOptions glop = new SolveOptions(BackendSettings.defaults(), 1e-6, 10, Strategy.FULL);
    SolveReport failed = MechanismSolver.solve(problem, glop, stub(new double[] {1, 0, 0, 1, 0, 3 + 1e-4}, 2));
    assertThat(failed.status()).isEqualTo(SolveStatus.NUMERICAL_FAILURE);
  }
}
