package org.mechlp.solver.calibrated;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.CalibrationSpec.Disclosure;
import org.mechlp.model.Problem;
import org.mechlp.model.StateMechanism;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.report.RowCheck;

/** The calibration check C1 (docs/THEORY.md, Checking a calibrated mechanism) on docs/THEORY.md, Calibrated examples,
 * example A, with mechanisms derived by hand.
 */
class CalibrationCheckTest {
  /** Always sell; payments τ(w, θ) indexed [state L, H][type 1, 2]. */
  static StateMechanism alwaysSell(long[][] payments) {
    BigFraction[] allocation = new BigFraction[2 * 2 * 2];
    BigFraction[] transfers = new BigFraction[4];
    for (int w = 0; w < 2; w++) {
      for (int t = 0; t < 2; t++) {
        allocation[(w * 2 + t) * 2] = BigFraction.ZERO;
        allocation[(w * 2 + t) * 2 + 1] = BigFraction.ONE;
        transfers[w * 2 + t] = new BigFraction(payments[w][t]);
      }
    }
    return new StateMechanism(2, 2, 2, allocation, transfers);
  }

  /**
   * Full extraction through the state (Cremer-McLean with the state as the correlated signal), by hand: type 1
   * believes L with probability 2/3, type 2 with 1/3. Type 1 pays -1 in L and 5 in H (expected 1 = its value; as a
   * liar type 2 would expect 3 > 2); type 2 pays 2 in both. Standard BIC and interim IR hold, revenue 3/2.
   */
  static final long[][] CREMER_MCLEAN = {{-1, 2}, {5, 2}};

  static Problem exampleA(boolean observePayments) {
    return CalibratedExamples.exampleA(
        new CalibrationSpec(Disclosure.OPTIMAL, List.of(), List.of(), 20, 12, true, observePayments, false));
  }

  @Test
  void fullExtractionPassesTheStandardCheckButRevealsTheStateThroughItsPayments() {
    CalibrationCheck check =
        CalibrationCheck.check(exampleA(true), alwaysSell(CREMER_MCLEAN), new CheckOptions(0, 100));

    assertThat(check.standard().violationCount()).isZero();
    assertThat(check.cells()).containsExactly(List.of("w0"), List.of("w1"));
    assertThat(check.passed()).isFalse();
    Map<String, BigFraction> amounts =
        check.calibrated().violations().stream()
            .collect(Collectors.toMap(RowCheck::rowName, RowCheck::exactAmount));
    // By hand, knowing the state: in H type 1 pays 5 for a good worth 1 (IR short by 4) and gains 3 by reporting 2;
    // in L type 2 gains 3 by reporting 1 (it would be paid 1 instead of paying 2).
    assertThat(amounts)
        .containsOnly(
            Map.entry("ir-interim@w1[t0]", new BigFraction(4)),
            Map.entry("ic-bic@w1[t0->t1]", new BigFraction(3)),
            Map.entry("ic-bic@w0[t1->t0]", new BigFraction(3)));
  }

  @Test
  void anAgentWhoSeesOnlyAllocationsCannotTellTheStatesApart() {
    CalibrationCheck check =
        CalibrationCheck.check(exampleA(false), alwaysSell(CREMER_MCLEAN), new CheckOptions(0, 100));

    // The lotteries are the same in both states, so without payments there is one cell: the standard check.
    assertThat(check.cells()).containsExactly(List.of("w0", "w1"));
    assertThat(check.passed()).isTrue();
  }

  @Test
  void fullTransparencyPricesAreCalibrated() {
    // State L: price 1 (both types buy); state H: price 2 (type 1 does not buy). Revenue 7/6 (docs/THEORY.md,
    // Calibrated examples, example A).
    BigFraction[] allocation = {
      BigFraction.ZERO, BigFraction.ONE, BigFraction.ZERO, BigFraction.ONE,
      BigFraction.ONE, BigFraction.ZERO, BigFraction.ZERO, BigFraction.ONE
    };
    BigFraction[] transfers = {BigFraction.ONE, BigFraction.ONE, BigFraction.ZERO, BigFraction.TWO};

    CalibrationCheck check =
        CalibrationCheck.check(
            exampleA(true), new StateMechanism(2, 2, 2, allocation, transfers), new CheckOptions(0, 100));

    assertThat(check.cells()).hasSize(2);
    assertThat(check.passed()).isTrue();
    assertThat(check.standard().violationCount()).isZero();
  }
}
