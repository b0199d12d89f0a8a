package org.mechlp.solver.golden;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.datadriven.DataDrivenCheck;
import org.mechlp.solver.datadriven.DataDrivenChecker;
import org.mechlp.solver.datadriven.DataDrivenData;
import org.mechlp.solver.datadriven.DataDrivenReport;
import org.mechlp.solver.datadriven.DataDrivenSolver;
import org.mechlp.solver.datadriven.DataDrivenVcg;
import org.mechlp.solver.options.SolveOptions;

/** The shipped data-driven instances: both LPs certified exactly, and data-driven VCG's epsilon per agent. */
class DataDrivenGoldenTest {
  /** One data-driven golden case. */
  record Golden(
      String instance,
      BigFraction objective,
      String messageDriven,
      DataDrivenVcg.H h,
      Map<String, BigFraction> epsilon,
      String source) {
    @Override
    public String toString() {
      return instance;
    }
  }

  static final List<Golden> CASES =
      List.of(
          new Golden("data-driven-impossibility", BigFraction.ZERO, "INFEASIBLE", DataDrivenVcg.H.CLARKE,
              Map.of("a", BigFraction.ZERO, "b", BigFraction.ZERO),
              "message-driven infeasible by the two IC rows derived by hand in the description; epsilon 0 by full"
                  + " revelation"),
          new Golden("data-driven-pairs", BigFraction.ZERO, "INFEASIBLE", DataDrivenVcg.H.CLARKE,
              Map.of("a", BigFraction.ZERO, "b", BigFraction.ZERO),
              "data-driven-impossibility written as (preference, signal) pairs: the same joint prior, so the same"
                  + " answers"),
          new Golden("data-driven-ad-auction", new BigFraction(443, 512), "OPTIMAL", DataDrivenVcg.H.CLARKE,
              Map.of("a1", BigFraction.ZERO, "a2", BigFraction.ZERO),
              "welfare E[max_x E[v_x CTR_x | signals]] computed independently with exact fractions; epsilon 0:"
                  + " affine in an unbiased estimator"),
          new Golden("data-driven-biased", BigFraction.ZERO, "OPTIMAL", DataDrivenVcg.H.ZERO,
              Map.of("agent", new BigFraction(3, 20)), "epsilon = 7/5 - 5/4, derived by hand in the description"),
          new Golden("data-driven-consistent", BigFraction.ZERO, "OPTIMAL", DataDrivenVcg.H.ZERO,
              Map.of("agent", new BigFraction(289, 4096)),
              "epsilon_8 = P(Bin(8, 3/4) < 4) + P(Bin(8, 3/4) = 4) / 2 = 289/4096 (description, exact binomial"
                  + " sums)"));

  static List<Golden> cases() {
    return CASES;
  }

  @ParameterizedTest
  @MethodSource("cases")
  void solvesAndChecksAsDerived(Golden golden) throws Exception {
    DataDrivenProblem problem = DataDrivenProblem.of(
        ProblemReader.read(GoldenInstancesTest.instancesDir().resolve(golden.instance() + ".json")));
    DataDrivenReport report = DataDrivenSolver.solve(problem, SolveOptions.defaults(), true);
    assertThat(report.dataDriven().exactObjective()).as(golden.source()).isEqualTo(golden.objective());
    assertThat(report.messageDriven().status().name()).as(golden.source()).isEqualTo(golden.messageDriven());
    DataDrivenData data = new DataDrivenData(problem);
    DataDrivenCheck check = DataDrivenChecker.check(data, DataDrivenVcg.build(data, golden.h()), 0);
    for (DataDrivenCheck.AgentGain gain : check.gains()) {
      assertThat(gain.epsilon()).as(golden.source()).isEqualTo(golden.epsilon().get(gain.agent()));
    }
  }
}
