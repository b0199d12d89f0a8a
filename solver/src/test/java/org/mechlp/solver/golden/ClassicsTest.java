package org.mechlp.solver.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.FixedAllocation;
import org.mechlp.model.Mechanism;
import org.mechlp.model.MechanismSpec;
import org.mechlp.model.Problem;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/** The classical mechanisms shipped in proposals/ checked against their problems, and related facts. */
class ClassicsTest {
  static Path repo() {
    return GoldenInstancesTest.instancesDir().getParent();
  }

  static Problem problem(String name) throws Exception {
    return ProblemReader.read(GoldenInstancesTest.instancesDir().resolve(name + ".json"));
  }

  static CheckReport check(String problemName, String proposal) throws Exception {
    Problem problem = problem(problemName);
    Mechanism mechanism = MechanismJson.read(repo().resolve("proposals").resolve(proposal + ".json"), problem);
    return MechanismChecker.check(problem, mechanism, CheckOptions.defaults());
  }

  @Test
  void clarkePivotPassesExactlyAndEarnsTheOptimalRevenue() throws Exception {
    CheckReport report = check("public-project-pivot", "public-project-pivot");

    assertThat(report.exact()).isTrue();
    assertThat(report.passed()).isTrue();
    // Hand derivation in instances/public-project-pivot.json: pivot payments sum to 8 over 9 profiles.
    assertThat(report.exactObjective()).isEqualTo(new BigFraction(8, 9));
  }

  @Test
  void postedPricePassesTheSecondBestConstraints() throws Exception {
    CheckReport report = check("bilateral-trade", "posted-price");

    assertThat(report.exact()).isTrue();
    assertThat(report.passed()).isTrue();
    assertThat(report.largestRegretPerAgent()).containsOnly(0.0);
  }

  @Test
  void splitTheDifferenceIsNotIncentiveCompatible() throws Exception {
    CheckReport report = check("bilateral-trade", "split-the-difference");

    assertThat(report.passed()).isFalse();
    List<RowCheck> violations = report.verification().violations();
    assertThat(violations).isNotEmpty().allMatch(v -> v.family().startsWith("ic-"));
    // Hand derivation: the buyer of value 1 facing a uniform seller. Truthfully it trades with the 9 sellers of
    // cost c < 1 at price (1 + c)/2, a gain of (1 - c)/2 each: sum_{s=0..8} (9 - s)/18 / 10 = 45/180 = 1/4.
    // Reporting 5/9 it trades with the 5 sellers c < 5/9 at (5/9 + c)/2: sum_{s=0..4} (1 - (5+s)/18) / 10
    // = (5 - 35/18) / 10 = 55/180 = 11/36. Gain 11/36 - 1/4 = 1/18.
    RowCheck buyerTopToMiddle =
        violations.stream()
            .filter(v -> v.rowName().equals("ic-bic[buyer:v9->v5]"))
            .findFirst()
            .orElseThrow();
    assertThat(buyerTopToMiddle.exactAmount()).isEqualTo(new BigFraction(1, 18));
  }

  @Test
  void theBestDeterministicMenuEarnsLessThanTheLottery() throws Exception {
    Problem lottery = problem("lottery-two-items");
    int types = lottery.agents().get(0).typeCount();
    int outcomes = lottery.outcomeCount();
    double best = Double.NEGATIVE_INFINITY;
    // Enumerate every deterministic allocation rule (an outcome per type), each solved with transfers only.
    int rules = (int) Math.pow(outcomes, types);
    for (int rule = 0; rule < rules; rule++) {
      List<List<BigFraction>> lotteries = new ArrayList<>();
      for (int type = 0, code = rule; type < types; type++, code /= outcomes) {
        List<BigFraction> row = new ArrayList<>();
        for (int o = 0; o < outcomes; o++) {
          row.add(o == code % outcomes ? BigFraction.ONE : BigFraction.ZERO);
        }
        lotteries.add(row);
      }
      MechanismSpec spec = lottery.mechanism();
      MechanismSpec fixed =
          new MechanismSpec(
              spec.ic(),
              spec.ir(),
              spec.outsideOptions(),
              spec.budget(),
              spec.budgetAmount(),
              spec.transfers(),
              new FixedAllocation("table", lotteries));
      Problem deterministic =
          new Problem(
              lottery.name(),
              lottery.description(),
              lottery.agents(),
              lottery.states(),
              lottery.statesGiven(),
              lottery.outcomes(),
              lottery.prior(),
              lottery.valuations(),
              lottery.designerValue(),
              fixed,
              lottery.objective());
      SolveReport report = MechanismSolver.solve(deterministic, SolveOptions.defaults());
      if (report.status() == SolveStatus.OPTIMAL) {
        best = Math.max(best, report.objective());
      }
    }
    // Hand derivation in instances/lottery-two-items.json: deterministic menus earn at most 8/5.
    assertThat(best).isCloseTo(8.0 / 5, within(1e-7));
    SolveReport randomized = MechanismSolver.solve(lottery, SolveOptions.defaults());
    assertThat(randomized.objective()).isCloseTo(9.0 / 5, within(1e-7));
  }
}
