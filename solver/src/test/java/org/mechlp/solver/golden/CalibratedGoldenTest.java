package org.mechlp.solver.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.CalibratedSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.testing.Expected;

/** The shipped calibrated instances solve to the values of docs/THEORY.md, Calibrated examples (each verified there
 * with an independent LP).
 */
class CalibratedGoldenTest {
  /**
   * One calibrated golden case: the benchmarks beside the optimum (full transparency, no disclosure, standard bound)
   * and their source; the optimum itself and its source are the instance's expect block.
   */
  record Golden(
      String instance,
      double full,
      double none,
      double standard,
      boolean exact,
      String source) {
    @Override
    public String toString() {
      return instance;
    }
  }

  static final List<Golden> CASES =
      List.of(
          new Golden(
              "calibrated-example-a",
              7.0 / 6,
              1,
              1.5,
              true,
              "docs/THEORY.md, Calibrated examples, example A: private values, so full transparency (7/6) is"
                  + " optimal (T2); standard 3/2 is"
                  + " Cremer-McLean through the state"),
          new Golden(
              "calibrated-example-c",
              1.25,
              1.5,
              1.625,
              true,
              "docs/THEORY.md, Calibrated examples, example C at prior 1/2: cav V(1/2) = (1/4) V(0)"
                  + " + (3/4) V(2/3) = (1/4) 1.5 + (3/4) 5/3"),
          new Golden(
              "calibrated-two-bidders",
              14.0 / 9,
              31.0 / 18,
              31.0 / 18,
              true,
              "the instance's description: Myerson per state for full transparency (4/3, 16/9), Cremer-McLean"
                  + " across the bidders with no disclosure and through the state for the standard bound (the full"
                  + " surplus 31/18; the bound also from ojAlgo in StandardBoundTest)"));

  static Stream<Golden> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void solvesToTheValuesOfTheCalibratedExamples(Golden golden) throws Exception {
    Problem problem = ProblemReader.read(GoldenInstancesTest.instancesDir().resolve(golden.instance() + ".json"));
    CalibratedReport report = CalibratedSolver.solve(problem, SolveOptions.defaults());

    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective())
        .as(golden.source())
        .isCloseTo(Expected.objective(golden.instance()), within(1e-7));
    assertThat(report.fullTransparency()).isCloseTo(golden.full(), within(1e-7));
    assertThat(report.noDisclosure()).isCloseTo(golden.none(), within(1e-7));
    assertThat(report.standardBound()).isCloseTo(golden.standard(), within(1e-7));
    assertThat(report.exact()).isEqualTo(golden.exact());
  }
}
