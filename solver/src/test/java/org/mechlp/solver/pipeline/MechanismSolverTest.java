package org.mechlp.solver.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.CheckOptions;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.SolveOptions;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.InterimRow;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/** The solve and check pipelines end to end on a one-buyer problem small enough to solve by hand. */
class MechanismSolverTest {
  /** One buyer, values 1 and 2 with probability 1/2 each, one good. */
  static Problem postedPrice(String ir) throws Exception {
    return ProblemReader.read(
        """
        {"format": "mechlp/1", "name": "posted-price",
         "agents": [{"name": "buyer", "types": [{"name": "low", "value": 1}, {"name": "high", "value": 2}],
                     "prior": ["1/2", "1/2"]}],
         "outcomes": {"shortcut": "single-item"},
         "mechanism": {"ic": "dsic", "ir": "%s"},
         "objective": "revenue"}
        """
            .formatted(ir),
        "posted-price");
  }

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
}
