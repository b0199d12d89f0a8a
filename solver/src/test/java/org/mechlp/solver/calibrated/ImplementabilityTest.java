package org.mechlp.solver.calibrated;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.Problem;
import org.mechlp.model.StateMechanism;
import org.mechlp.solver.calibrated.Implementability.Verdict;
import org.mechlp.solver.options.CheckOptions;

/** The outcome-level check C2 (docs/THEORY.md, Checking a calibrated mechanism), and how it can disagree with C1. */
class ImplementabilityTest {
  static BigFraction f(long num, long den) {
    return new BigFraction(num, den);
  }

  /**
   * The outcome of example C's optimal two-stage mechanism at prior 1/2, written as a state-dependent mechanism by
   * hand: signal "zero" (sent with probability 1/2 in state 0) leads to posterior 0 and price 3 (only t0 buys);
   * signal "pooled" (probability 1/2 in state 0, 1 in state 1) leads to posterior 2/3 and price 5/3 (both buy).
   * Averaging over signals: in state 0, t0 buys surely and pays 1/2 * 3 + 1/2 * 5/3 = 7/3, t1 buys with
   * probability 1/2 and pays 5/6; in state 1 both buy and pay 5/3.
   */
  static StateMechanism exampleCOutcome() {
    BigFraction[] allocation = {
      BigFraction.ZERO, BigFraction.ONE, f(1, 2), f(1, 2), BigFraction.ZERO, BigFraction.ONE,
      BigFraction.ZERO, BigFraction.ONE
    };
    BigFraction[] transfers = {f(7, 3), f(5, 6), f(5, 3), f(5, 3)};
    return new StateMechanism(2, 2, 2, allocation, transfers);
  }

  @Test
  void theOptimalTwoStageOutcomeIsImplementableThoughItsDirectFormFailsC1() {
    Problem c = CalibratedExamples.exampleC(f(1, 2), CalibrationSpec.optimal());

    Implementability c2 = Implementability.check(c, exampleCOutcome(), new CheckOptions(0, 10));
    CalibrationCheck c1 = CalibrationCheck.check(c, exampleCOutcome(), new CheckOptions(0, 10));

    assertThat(c2.verdict()).isEqualTo(Verdict.YES);
    // The reason names a witness (the split need not be unique, so only its form is checked).
    assertThat(c2.reason()).contains("discloses the posteriors (w0: ", " with probability ");
    // Used directly, the rules differ across states, so the agent learns the state; in state 0, t1 (value 1) then
    // pays 5/6 for the good with probability 1/2: IR fails by 1/3. C1 and C2 disagree, as docs/THEORY.md, Checking a
    // calibrated mechanism warns.
    assertThat(c1.passed()).isFalse();
    assertThat(c1.calibrated().violations())
        .anyMatch(v -> v.rowName().equals("ir-interim@w0[t1]") && v.exactAmount().equals(f(1, 3)));
  }

  @Test
  void underPrivateValuesTheAnswerIsExact() {
    Problem a = CalibratedExamples.exampleA(CalibrationSpec.optimal());

    Implementability extraction =
        Implementability.check(a, CalibrationCheckTest.alwaysSell(CalibrationCheckTest.CREMER_MCLEAN),
            new CheckOptions(0, 10));

    // Full extraction asks type 1 for 5 in state H: not IR on its own, so no calibrated mechanism produces it.
    assertThat(extraction.verdict()).isEqualTo(Verdict.NO);
    assertThat(extraction.reason()).contains("private values");
  }
}
