package org.mechlp.solver.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mechlp.solver.certify.TextbookLp.fractions;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mechlp.solver.lp.LinearProgram;

/**
 * The certificate checker on the hand-solved textbook LP (see {@link TextbookLp}): the hand-derived certificate is
 * accepted, and every tampered variant is rejected with the failing row named.
 */
class CertificateCheckerTest {
  private final LinearProgram max = TextbookLp.program(true);

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void acceptsTheHandDerivedCertificate(boolean maximize) {
    // Reduced costs d = c - A^T y = (1 - 1, 2 - 2, -1) for the maximization; z sits at its lower bound 0, so the
    // dual bound is 4/2 + 6/2 + (-1)(0) = 5 = the objective at (3, 1, 0). The minimization mirrors every sign.
    CertificateCheck check = CertificateChecker.check(TextbookLp.program(maximize), TextbookLp.optimal(maximize));

    assertThat(check.valid()).as(check.summary()).isTrue();
    assertThat(check.primalObjective()).isEqualTo(new BigFraction(maximize ? 5 : -5));
    assertThat(check.dualObjective()).isEqualTo(check.primalObjective());
  }

  @Test
  void rejectsADualPerturbedByOneThousandth() {
    // y1 = 1/2 + 1/1000 makes d_x = d_y = -1/1000 (both at lower bound 0), so the dual bound is
    // 4 (501/1000) + 6/2 = 5.004, not 5: the equality that proves optimality fails.
    Certificate tampered =
        new Certificate(true, new BigFraction(5), fractions("3", "1", "0"), fractions("501/1000", "1/2"));

    CertificateCheck check = CertificateChecker.check(max, tampered);

    assertThat(check.valid()).isFalse();
    assertThat(check.dualObjective()).isEqualTo(new BigFraction(5004, 1000));
    assertThat(check.failure()).contains("differs from the dual bound 1251/250");
  }

  @Test
  void rejectsAPrimalOffByOneThousandth() {
    // x = 3 + 1/1000 gives x + y = 4.001 > 4: row hand[0] is violated by exactly 1/1000.
    Certificate tampered =
        new Certificate(true, new BigFraction(5), fractions("3001/1000", "1", "0"), fractions("1/2", "1/2"));

    CertificateCheck check = CertificateChecker.check(max, tampered);

    assertThat(check.valid()).isFalse();
    assertThat(check.failedName()).isEqualTo("hand[0]");
    assertThat(check.failure()).startsWith("violated by 1/1000");
    assertThat(check.failedDescription()).isEqualTo("hand-written row 0");
  }

  @Test
  void rejectsAFeasibleButSuboptimalPrimal() {
    // x = 3 - 1/1000 is feasible with objective 4.999 < 5 = the dual bound: not proven optimal.
    Certificate tampered =
        new Certificate(true, new BigFraction(4999, 1000), fractions("2999/1000", "1", "0"), fractions("1/2", "1/2"));

    CertificateCheck check = CertificateChecker.check(max, tampered);

    assertThat(check.valid()).isFalse();
    assertThat(check.failure()).contains("the primal objective 4999/1000 differs from the dual bound 5");
  }

  @Test
  void rejectsAWrongObjective() {
    // Primal and dual agree on 5; a claim of 9/2 is not what they prove.
    Certificate tampered =
        new Certificate(true, new BigFraction(9, 2), fractions("3", "1", "0"), fractions("1/2", "1/2"));

    CertificateCheck check = CertificateChecker.check(max, tampered);

    assertThat(check.valid()).isFalse();
    assertThat(check.failure()).contains("claimed objective 9/2");
  }

  @Test
  void rejectsADualOfTheWrongSign() {
    // In a maximization a <= row's dual (d objective / d rhs) cannot be negative.
    Certificate tampered =
        new Certificate(true, new BigFraction(5), fractions("3", "1", "0"), fractions("-1/2", "1/2"));

    CertificateCheck check = CertificateChecker.check(max, tampered);

    assertThat(check.valid()).isFalse();
    assertThat(check.failedName()).isEqualTo("hand[0]");
    assertThat(check.failure()).contains("wrong sign for a <= row of a maximization");
  }

  @Test
  void rejectsAReducedCostWithoutABound() {
    // y = (0, 0) leaves d_x = 1 > 0 while x has no upper bound: the duals bound nothing.
    Certificate tampered =
        new Certificate(true, new BigFraction(5), fractions("3", "1", "0"), fractions("0", "0"));

    CertificateCheck check = CertificateChecker.check(max, tampered);

    assertThat(check.valid()).isFalse();
    assertThat(check.failedName()).isEqualTo("x0");
    assertThat(check.failure()).contains("no upper bound");
  }

  @Test
  void rejectsACertificateOfTheWrongSize() {
    Certificate tampered =
        new Certificate(true, new BigFraction(5), fractions("3", "1"), fractions("1/2", "1/2"));

    assertThat(CertificateChecker.check(max, tampered).valid()).isFalse();
  }
}
