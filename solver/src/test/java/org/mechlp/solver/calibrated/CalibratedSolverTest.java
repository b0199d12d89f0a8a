package org.mechlp.solver.calibrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.CalibrationSpec.Disclosure;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveStatus;

/**
 * The calibrated solver on the worked examples of docs/THEORY.md, Calibrated examples, whose numbers were verified
 * with an independent LP.
 */
class CalibratedSolverTest {
  private static final double EPS = 1e-7;

  @Test
  void exampleAPrivateValuesFullTransparencyIsOptimal() {
    CalibratedReport report =
        CalibratedSolver.solve(CalibratedExamples.exampleA(CalibrationSpec.optimal()), SolveOptions.defaults());

    // docs/THEORY.md, Calibrated examples, example A: standard 3/2 (full surplus, Cremer-McLean via the state),
    // calibrated 7/6 = full transparency (state H: price 2, revenue 4/3; state L: price 1, revenue 1), no disclosure 1.
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(7.0 / 6, within(EPS));
    assertThat(report.fullTransparency()).isCloseTo(7.0 / 6, within(EPS));
    assertThat(report.noDisclosure()).isCloseTo(1, within(EPS));
    assertThat(report.standardBound()).isCloseTo(1.5, within(EPS));
    assertThat(report.exact()).isTrue();
    assertThat(report.exactness()).contains("private values");
    // Private values need no grid and no P3.
    assertThat(report.deterministicRules()).isNull();
  }

  @ParameterizedTest(name = "mu0(1) = {0}")
  @CsvSource({
    // docs/THEORY.md, Calibrated examples, example C table: mu0(1), calibrated, full, none, standard.
    "1/10, 1.525, 1.45, 1.40, 1.525",
    "3/10, 1.575, 1.35, 1.30, 1.575",
    "1/2,  1.625, 1.25, 1.50, 1.625",
    "7/10, 1.600, 1.15, 1.60, 1.600"
  })
  void exampleCMatchesTheTable(String mu, double calibrated, double full, double none, double standard) {
    BigFraction prior = org.mechlp.model.Fractions.parse(mu).orElseThrow();
    CalibratedReport report =
        CalibratedSolver.solve(CalibratedExamples.exampleC(prior, CalibrationSpec.optimal()), SolveOptions.defaults());

    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(calibrated, within(EPS));
    assertThat(report.fullTransparency()).isCloseTo(full, within(EPS));
    assertThat(report.noDisclosure()).isCloseTo(none, within(EPS));
    assertThat(report.standardBound()).isCloseTo(standard, within(EPS));
    // Calibration does not bind here: the value reaches the standard bound, so it is exact.
    assertThat(report.exact()).isTrue();
    // The optimal rules are deterministic (a price at each posterior, docs/THEORY.md, Calibrated examples, example C),
    // so the exact LP over deterministic rules (P3; types are independent of the state) reaches the same value.
    assertThat(report.deterministicRules()).isCloseTo(calibrated, within(EPS));
  }

  @Test
  void exampleCSplitsThePriorIntoPosteriorsZeroAndTwoThirds() {
    CalibratedReport report =
        CalibratedSolver.solve(
            CalibratedExamples.exampleC(new BigFraction(1, 2), CalibrationSpec.optimal()), SolveOptions.defaults());

    // cav V at 1/2: 1/2 = (1/4) * 0 + (3/4) * 2/3, value (1/4) 1.5 + (3/4) 5/3 = 1.625 (docs/THEORY.md, Calibrated
    // examples, example C).
    assertThat(report.signals()).hasSize(2);
    assertThat(report.signals())
        .extracting(s -> s.posterior()[1])
        .containsExactlyInAnyOrder(0.0, 2.0 / 3);
    double weightAtZero =
        report.signals().stream().filter(s -> s.posterior()[1] == 0).findFirst().orElseThrow().probability();
    assertThat(weightAtZero).isCloseTo(0.25, within(EPS));
  }

  @Test
  void aFixedSignalIsSolvedExactlyAndNeverBeatsOptimalDisclosure() {
    // The signal that reveals state 0 with probability 1/2 and is silent otherwise, at prior 1/2.
    CalibrationSpec fixed =
        new CalibrationSpec(
            Disclosure.FIXED,
            List.of("good", "pooled"),
            List.of(
                List.of(new BigFraction(1, 2), BigFraction.ZERO),
                List.of(new BigFraction(1, 2), BigFraction.ONE)),
            20,
            12,
            true,
            true,
            false);
    CalibratedReport report =
        CalibratedSolver.solve(CalibratedExamples.exampleC(new BigFraction(1, 2), fixed), SolveOptions.defaults());

    // Signal "good" (probability 1/4) gives posterior 0, "pooled" (3/4) gives posterior 2/3: the optimal split,
    // so the value is 1.625 (docs/THEORY.md, Calibrated examples, example C).
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.exact()).isTrue();
    assertThat(report.objective()).isCloseTo(1.625, within(EPS));
    assertThat(report.signalStructure()[0]).containsExactly(new double[] {0.5, 0}, within(EPS));
    // Given signals keep their names (a name starting with "g" once collided with the internal grid names).
    assertThat(report.signals()).extracting(SignalRule::signal).containsExactly("good", "pooled");
  }
}
