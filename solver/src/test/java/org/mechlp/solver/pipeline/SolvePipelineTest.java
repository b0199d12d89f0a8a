package org.mechlp.solver.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.StrategyPlan;
import org.mechlp.solver.StrategyPlanner;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.report.SolveReport;

/** The pipeline picks the mode that fits, refuses oversized LPs before building them and says why. */
class SolvePipelineTest {
  private static Problem instance(String name) throws Exception {
    return ProblemReader.read(Path.of(System.getProperty("instances.dir"), name));
  }

  @Test
  void aSmallStandardProblemIsCertifiedWithoutBeingAsked() throws Exception {
    SolveOutcome outcome = SolvePipeline.solve(SolveRequest.of(instance("myerson-two-bidders.json")));

    // Myerson's optimal auction for two bidders with values uniform on {1, 2, 3}: revenue E[max(phi_1, phi_2, 0)]
    // with discrete virtual values (-1, 1, 3), which is 18/9 = 2 (the instance's description derives it).
    assertThat(outcome).isInstanceOf(ExactSolve.class);
    ExactSolve exact = (ExactSolve) outcome;
    assertThat(exact.requested()).isFalse();
    assertThat(exact.exact().certification().objective()).isEqualTo(new BigFraction(2));
    assertThat(exact.exact().report().mechanism().isExact()).isTrue();
    assertThat(exact.exact().report().strategy().reason()).startsWith("auto: ");
    assertThat(outcome.exitCode()).isZero();
  }

  @Test
  void aFloatingPointOptimumIsWrittenAsFractionsThatHoldExactly() throws Exception {
    Problem problem = instance("myerson-two-bidders.json");
    SolveRequest lazy = SolveRequest.of(problem).withOptions(SolveOptions.defaults().withStrategy(Strategy.LAZY));

    SolveOutcome outcome = SolvePipeline.solve(lazy);

    // The lazy strategy is never certified by default: the answer is floating point, verified; its mechanism is the
    // rationalized one only because that passes the exact check with tolerance 0, checked here independently.
    assertThat(outcome).isInstanceOf(StandardSolve.class);
    SolveReport report = ((StandardSolve) outcome).report();
    assertThat(report.objective()).isCloseTo(2.0, within(1e-9));
    assertThat(report.mechanism().isExact()).isTrue();
    assertThat(MechanismChecker.check(problem, report.mechanism(), new CheckOptions(0, 0)).passed()).isTrue();
  }

  @Test
  void autoRunsTheCalibratedModeOnACalibratedProblem() throws Exception {
    SolveOutcome outcome = SolvePipeline.solve(SolveRequest.of(instance("calibrated-example-c.json")));

    assertThat(outcome).isInstanceOf(CalibratedSolve.class);
    assertThat(((CalibratedSolve) outcome).curve()).isEmpty();
  }

  @Test
  void exactRequestsAreCertified() throws Exception {
    SolveOutcome outcome =
        SolvePipeline.solve(SolveRequest.of(instance("myerson-two-bidders.json")).withExact(true));

    assertThat(outcome).isInstanceOf(ExactSolve.class);
    assertThat(((ExactSolve) outcome).exact().certification().certified()).isTrue();
  }

  @Test
  void anUnknownModeIsAnInvalidRequestListingTheModes() throws Exception {
    SolveRequest request = SolveRequest.of(instance("myerson-two-bidders.json")).withMode("dynamic-typo");

    assertThatThrownBy(() -> SolvePipeline.solve(request))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("dynamic-typo")
        .hasMessageContaining("calibrated, deterministic, range, standard");
  }

  @Test
  void aModeThatDoesNotFitTheProblemSaysWhy() throws Exception {
    SolveRequest range = SolveRequest.of(instance("myerson-two-bidders.json")).withMode("range");

    assertThatThrownBy(() -> SolvePipeline.solve(range))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageContaining("fixed mechanism \"allocation\"");
  }

  @Test
  void theStandardModeComesLastSoThatEveryOtherModeIsAskedFirst() {
    assertThat(SolveModes.names()).startsWith("calibrated").endsWith("standard");
  }

  @Test
  void anLpOverTheRowLimitIsRefusedWithItsSize() throws Exception {
    Problem problem = instance("myerson-two-bidders.json");
    SolveRequest request =
        new SolveRequest(problem, SolveOptions.defaults(), SolveRequest.AUTO, false, true, 10, 0);

    SolveOutcome outcome = SolvePipeline.solve(request);

    // 9 feasibility + 36 DSIC + 18 ex post IR rows (README worked example) and 45 columns.
    assertThat(outcome).isInstanceOf(Refused.class);
    assertThat(((Refused) outcome).reason()).contains("63 rows and 45 columns", "over the limit of 10 rows");
    assertThat(outcome.exitCode()).isEqualTo(4);
  }

  @Test
  void thePlannerNamesTheStrategyAndWhy() throws Exception {
    Problem bic = instance("myerson-two-bidders-bic.json");

    StrategyPlan reduced = StrategyPlanner.plan(bic, Strategy.REDUCED, true);
    StrategyPlan auto = StrategyPlanner.plan(bic, Strategy.AUTO, true);
    StrategyPlan notOrTools = StrategyPlanner.plan(bic, Strategy.LAZY, false);

    assertThat(reduced.strategy()).isEqualTo(Strategy.REDUCED);
    assertThat(reduced.reason()).isEqualTo("requested");
    // 9 profiles are far below the thresholds of the reduced form, the symmetry reduction and lazy rows.
    assertThat(auto.strategy()).isEqualTo(Strategy.FULL);
    assertThat(auto.reason()).startsWith("auto: ");
    assertThat(notOrTools.strategy()).isEqualTo(Strategy.FULL);
    assertThat(notOrTools.reason()).contains("not OR-Tools");
  }

  @Test
  void theReducedFormRequestedWhereItDoesNotFitIsAnInvalidRequest() throws Exception {
    SolveRequest request =
        SolveRequest.of(instance("myerson-two-bidders.json"))
            .withOptions(SolveOptions.defaults().withStrategy(Strategy.REDUCED));

    assertThatThrownBy(() -> SolvePipeline.solve(request))
        .isInstanceOf(InvalidRequestException.class)
        .hasMessageStartingWith("--strategy reduced: ");
  }
}
