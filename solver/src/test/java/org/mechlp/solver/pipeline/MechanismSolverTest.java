package org.mechlp.solver.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.InterimRow;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/** The solve and check pipelines end to end on a one-buyer problem small enough to solve by hand. */
class MechanismSolverTest {
  /** One buyer, values 1 and 2 with probability 1/2 each, one good. */
  static Problem postedPrice(String ir) throws Exception {
    return postedPrice("\"ir\": \"%s\"".formatted(ir), "revenue");
  }

  /** The one-buyer problem with DSIC, the given extra mechanism fields and objective. */
  static Problem postedPrice(String mechanismFields, String objective) throws Exception {
    return ProblemReader.read(
        """
        {"format": "mechlp/1", "name": "posted-price",
         "agents": [{"name": "buyer", "types": [{"name": "low", "value": 1}, {"name": "high", "value": 2}],
                     "prior": ["1/2", "1/2"]}],
         "outcomes": {"shortcut": "single-item"},
         "mechanism": {"ic": "dsic", %s},
         "objective": "%s"}
        """
            .formatted(mechanismFields, objective),
        "posted-price");
  }

  /** A backend that answers {@code result} without looking at the LP. */
  static LpSolver answering(LpResult result) {
    return (lp, settings) -> result;
  }

  /** The optimal point of the posted-price LP at price 1 (x order: x(no|low), x(buyer|low), x(..|high), t). */
  static final double[] PRICE_ONE = {0, 1, 0, 1, 1, 1};

  @Test
  void solvesThePostedPriceProblem() throws Exception {
    SolveReport report = MechanismSolver.solve(postedPrice("expost"), SolveOptions.defaults());

    // By hand: with one buyer the optimum is a posted price; price 1 sells always (revenue 1), price 2 sells
    // half the time (revenue 1), and lotteries cannot beat the best price (Riley-Zeckhauser), so the optimum is 1.
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(1, within(1e-9));
    assertThat(report.verification().maxViolation()).isLessThanOrEqualTo(1e-9);
    assertThat(report.size().rows()).isEqualTo(2 + 2 + 2);
    assertThat(report.size().columns()).isEqualTo(2 * 2 + 2);
    // The high type's interim utility is its IC slack over the low type's allocation.
    InterimRow high = report.interim().get(1);
    assertThat(high.expectedUtility())
        .isCloseTo(2 * high.outcomeProbabilities()[1] - high.expectedTransfer(), within(1e-9));
  }

  @Test
  void revenueWithoutParticipationIsUnbounded() throws Exception {
    SolveReport report = MechanismSolver.solve(postedPrice("none"), SolveOptions.defaults());

    assertThat(report.status()).isEqualTo(SolveStatus.UNBOUNDED);
    assertThat(report.mechanism()).isNull();
  }

  @Test
  void aPointTheVerifierRejectsIsANumericalFailureEvenIfTheBackendSaysOptimal() throws Exception {
    Problem problem = postedPrice("expost");
    // A backend that claims optimality for a point that sells to both types at price 2: the low type's IR fails.
    LpSolver liar =
        (lp, settings) ->
            new LpResult(
                LpStatus.OPTIMAL, 2, new double[] {0, 1, 0, 1, 2, 2}, null, "liar", 0, 0, 0, 0, "");

    SolveReport report = MechanismSolver.solve(problem, SolveOptions.defaults(), liar);

    assertThat(report.status()).isEqualTo(SolveStatus.NUMERICAL_FAILURE);
    assertThat(report.verification().maxViolation()).isCloseTo(1, within(1e-12));
    assertThat(report.message()).contains("ir-expost");
  }

  @Test
  void checkReportsTheExactGainOfAMisreport() throws Exception {
    Problem problem = postedPrice("expost");
    // Price 1/2 for the low type and 2 for the high type: the high type gains 2 - 1/2 - 0 = 3/2 by reporting low.
    Mechanism mechanism =
        MechanismJson.read(
            """
            {"profiles": [
              {"types": {"buyer": "low"}, "allocation": {"buyer": 1}, "transfers": {"buyer": "1/2"}},
              {"types": {"buyer": "high"}, "allocation": {"buyer": 1}, "transfers": {"buyer": 2}}]}
            """,
            "proposal",
            problem);

    CheckReport report = MechanismChecker.check(problem, mechanism, CheckOptions.defaults());

    assertThat(report.exact()).isTrue();
    assertThat(report.passed()).isFalse();
    assertThat(report.verification().violations()).hasSize(1);
    assertThat(report.verification().violations().get(0).exactAmount()).isEqualTo(new BigFraction(3, 2));
    assertThat(report.largestRegretPerAgent()).containsExactly(1.5);
    assertThat(report.exactObjective()).isEqualTo(new BigFraction(5, 4));
  }

  @Test
  void bindingRowsOfAGlopSolveCarryDualsAndHighsSolvesCarryNone() throws Exception {
    Problem problem = postedPrice("expost");

    SolveReport glop = MechanismSolver.solve(problem, SolveOptions.defaults());
    SolveReport highs =
        MechanismSolver.solve(
            problem, new SolveOptions(new BackendSettings(Backend.HIGHS, null, 1), 1e-6, 200));

    assertThat(glop.verification().binding())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.dual()).isNotNull());
    assertThat(highs.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(highs.verification().binding())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.dual()).isNull());
  }

  @Test
  void anInfeasibleProblemIsInfeasibleWithoutAMechanism() throws Exception {
    // Every transfer is at least 3 but the values are at most 2, so ex post IR cannot hold at any profile.
    Problem problem = postedPrice("\"ir\": \"expost\", \"transfers\": {\"min\": 3}", "revenue");

    SolveReport report = MechanismSolver.solve(problem, SolveOptions.defaults());

    assertThat(report.status()).isEqualTo(SolveStatus.INFEASIBLE);
    assertThat(report.mechanism()).isNull();
    assertThat(report.verification()).isNull();
    assertThat(report.objective()).isNull();
  }

  @Test
  void backendStatusesMapToReportStatuses() throws Exception {
    Problem problem = postedPrice("expost");

    SolveReport limit =
        MechanismSolver.solve(
            problem,
            SolveOptions.defaults(),
            answering(new LpResult(LpStatus.LIMIT_REACHED, Double.NaN, null, null, "x", 0, 0, 0, 0, "limit")));
    SolveReport failed =
        MechanismSolver.solve(
            problem,
            SolveOptions.defaults(),
            answering(new LpResult(LpStatus.FAILED, Double.NaN, null, null, "x", 0, 0, 0, 0, "ABNORMAL")));

    assertThat(limit.status()).isEqualTo(SolveStatus.TIME_LIMIT);
    assertThat(limit.message()).isEqualTo("limit");
    assertThat(failed.status()).isEqualTo(SolveStatus.NUMERICAL_FAILURE);
    assertThat(failed.mechanism()).isNull();
  }

  @Test
  void aBackendObjectiveThatDisagreesWithThePointIsANumericalFailure() throws Exception {
    // The point is the optimal price-1 mechanism (revenue 1/2 * 1 + 1/2 * 1 = 1) but the backend claims 1.5.
    SolveReport report =
        MechanismSolver.solve(
            postedPrice("expost"),
            SolveOptions.defaults(),
            answering(new LpResult(LpStatus.OPTIMAL, 1.5, PRICE_ONE, null, "x", 0, 0, 0, 0, "")));

    assertThat(report.status()).isEqualTo(SolveStatus.NUMERICAL_FAILURE);
    assertThat(report.verification().maxViolation()).isZero();
    assertThat(report.objective()).isCloseTo(1, within(1e-12));
    assertThat(report.message()).contains("differs from the solver's 1.5");
  }

  @Test
  void aNanPointOrObjectiveIsANumericalFailure() throws Exception {
    double[] nanPoint = PRICE_ONE.clone();
    nanPoint[4] = Double.NaN;

    SolveReport badPoint =
        MechanismSolver.solve(
            postedPrice("expost"),
            SolveOptions.defaults(),
            answering(new LpResult(LpStatus.OPTIMAL, 1, nanPoint, null, "x", 0, 0, 0, 0, "")));
    SolveReport badObjective =
        MechanismSolver.solve(
            postedPrice("expost"),
            SolveOptions.defaults(),
            answering(new LpResult(LpStatus.OPTIMAL, Double.NaN, PRICE_ONE, null, "x", 0, 0, 0, 0, "")));

    assertThat(badPoint.status()).isEqualTo(SolveStatus.NUMERICAL_FAILURE);
    assertThat(badPoint.verification().maxViolation()).isInfinite();
    assertThat(badObjective.status()).isEqualTo(SolveStatus.NUMERICAL_FAILURE);
  }

  @Test
  void theFakeBackendsOptimalPointIsAcceptedWhenHonest() throws Exception {
    // Guards the two tests above: the same point with the right objective passes verification.
    SolveReport report =
        MechanismSolver.solve(
            postedPrice("expost"),
            SolveOptions.defaults(),
            answering(new LpResult(LpStatus.OPTIMAL, 1, PRICE_ONE, null, "x", 0, 0, 0, 0, "")));

    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.mechanism().transfer(1, 0)).isEqualTo(1);
  }

  @Test
  void chargesInAProblemWithoutTransfersAreViolations() throws Exception {
    Problem problem = postedPrice("\"ir\": \"expost\", \"transfers\": false", "welfare");
    // Always sell, and charge the high type 1/3: without money in the problem the charge is itself the violation.
    Mechanism mechanism =
        MechanismJson.read(
            """
            {"profiles": [
              {"types": {"buyer": "low"}, "allocation": {"buyer": 1}},
              {"types": {"buyer": "high"}, "allocation": {"buyer": 1}, "transfers": {"buyer": "1/3"}}]}
            """,
            "proposal",
            problem);

    CheckReport report = MechanismChecker.check(problem, mechanism, CheckOptions.defaults());

    assertThat(report.passed()).isFalse();
    assertThat(report.verification().violations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.family()).isEqualTo("no-transfers");
              assertThat(r.rowName()).isEqualTo("no-transfers[buyer|buyer=high]");
              assertThat(r.exactAmount()).isEqualTo(new BigFraction(1, 3));
              assertThat(r.agent()).isZero();
            });
    // Welfare of always selling: 1/2 * 1 + 1/2 * 2 = 3/2; the charge does not enter it.
    assertThat(report.exactObjective()).isEqualTo(new BigFraction(3, 2));
  }

  @Test
  void theSameMechanismWithoutChargesPasses() throws Exception {
    Problem problem = postedPrice("\"ir\": \"expost\", \"transfers\": false", "welfare");
    Mechanism mechanism =
        MechanismJson.read(
            """
            {"profiles": [
              {"types": {"buyer": "low"}, "allocation": {"buyer": 1}},
              {"types": {"buyer": "high"}, "allocation": {"buyer": 1}}]}
            """,
            "proposal",
            problem);

    CheckReport report = MechanismChecker.check(problem, mechanism, CheckOptions.defaults());

    assertThat(report.passed()).isTrue();
    assertThat(report.verification().violationCount()).isZero();
  }

  @Test
  void aFloatingPointMechanismIsJudgedWithTheTolerance() throws Exception {
    Problem problem = postedPrice("expost");
    // Price 1 + 1e-12 to both types: the low type's IR is short by 1e-12, within the default 1e-9.
    double price = 1 + 1e-12;
    Mechanism nearly = Mechanism.ofDoubles(2, 2, 1, new double[] {0, 1, 0, 1}, new double[] {price, price});
    Mechanism clearly = Mechanism.ofDoubles(2, 2, 1, new double[] {0, 1, 0, 1}, new double[] {1.1, 1.1});

    CheckReport near = MechanismChecker.check(problem, nearly, CheckOptions.defaults());
    CheckReport far = MechanismChecker.check(problem, clearly, CheckOptions.defaults());

    assertThat(near.exact()).isFalse();
    assertThat(near.passed()).isTrue();
    assertThat(near.verification().maxViolation()).isCloseTo(1e-12, within(1e-15));
    assertThat(far.passed()).isFalse();
    assertThat(far.verification().violations())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.family()).isEqualTo("ir-expost");
              assertThat(r.amount()).isCloseTo(0.1, within(1e-12));
            });
  }

  @Test
  void anExactMechanismIsJudgedOnItsExactViolationsAndToleranceZeroIsStrict() throws Exception {
    Problem problem = postedPrice("expost");
    // Price 1 + 10^-12 written exactly: the low type's IR is short by exactly 10^-12, within the default 1e-9.
    Mechanism mechanism =
        MechanismJson.read(
            """
            {"profiles": [
              {"types": {"buyer": "low"}, "allocation": {"buyer": 1}, "transfers": {"buyer": "1.000000000001"}},
              {"types": {"buyer": "high"}, "allocation": {"buyer": 1}, "transfers": {"buyer": "1.000000000001"}}]}
            """,
            "proposal",
            problem);

    CheckReport lenient = MechanismChecker.check(problem, mechanism, CheckOptions.defaults());
    CheckReport strict = MechanismChecker.check(problem, mechanism, new CheckOptions(0, 200));

    BigFraction shortfall = new BigFraction(1, 1_000_000_000_000L);
    assertThat(lenient.exact()).isTrue();
    assertThat(lenient.passed()).isTrue();
    assertThat(lenient.verification().exactMaxViolation()).isEqualTo(shortfall);
    assertThat(strict.passed()).isFalse();
    assertThat(strict.verification().violations())
        .singleElement()
        .satisfies(r -> assertThat(r.exactAmount()).isEqualTo(shortfall));
  }
}
