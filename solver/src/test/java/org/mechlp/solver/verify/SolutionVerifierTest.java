package org.mechlp.solver.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.BitSet;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.ortools.HandFamily;
import org.mechlp.solver.report.Verification;

/** The verifier on hand-written rows: violations, slacks, bounds, exact arithmetic, caps and counts. */
class SolutionVerifierTest {
  /** x + y <= 4, x + 3y <= 6, x - y = 0 over x, y >= 0; maximize x + 2y. */
  static LinearProgram lp() {
    return new HandFamily()
        .row(new long[] {1, 1}, Sense.LE, 4)
        .row(new long[] {1, 3}, Sense.LE, 6)
        .row(new long[] {1, -1}, Sense.EQ, 0)
        .program(List.of(ColumnBounds.NON_NEGATIVE, ColumnBounds.NON_NEGATIVE), new long[] {1, 2}, true);
  }

  @Test
  void aFeasiblePointHasNoViolationAndItsBindingRowsAreListed() {
    // x = y = 1.5: row 0 has slack 1, row 1 binds (1.5 + 4.5 = 6), row 2 holds with equality.
    Verification v = SolutionVerifier.verify(lp(), new double[] {1.5, 1.5}, null, 1e-9, 10, 0).verification();

    assertThat(v.maxViolation()).isZero();
    assertThat(v.violationCount()).isZero();
    assertThat(v.rowsChecked()).isEqualTo(3 + 2);
    assertThat(v.binding()).extracting(r -> r.rowName()).containsExactly("hand[1]");
    assertThat(v.objectiveRecomputed()).isCloseTo(4.5, within(1e-12));
  }

  @Test
  void aPerturbedPointIsCaughtByExactlyThePerturbation() {
    // x = 1.5 + 1e-3, y = 1.5: row 1 exceeds 6 by 1e-3, row 2 is off by 1e-3.
    Verification v =
        SolutionVerifier.verify(lp(), new double[] {1.501, 1.5}, null, 1e-9, 10, 0).verification();

    assertThat(v.maxViolation()).isCloseTo(1e-3, within(1e-12));
    assertThat(v.violationCount()).isEqualTo(2);
    assertThat(v.violations()).extracting(r -> r.rowName()).containsExactlyInAnyOrder("hand[1]", "hand[2]");
  }

  @Test
  void columnBoundsAreChecked() {
    Verification v = SolutionVerifier.verify(lp(), new double[] {-0.25, -0.25}, null, 1e-9, 10, 0).verification();

    assertThat(v.maxViolation()).isCloseTo(0.25, within(1e-12));
    assertThat(v.violations()).extracting(r -> r.family()).containsOnly("column-bounds");
  }

  @Test
  void exactModeGivesExactViolations() {
    // x = 5/3, y = 3/2: row 0 holds (19/6 <= 4); row 1: 5/3 + 9/2 = 37/6 exceeds 6 by 1/6; row 2 is off by 1/6.
    BigFraction[] x = {new BigFraction(5, 3), new BigFraction(3, 2)};
    Verification v = SolutionVerifier.verifyExact(lp(), x, 0, 10, 0).verification();

    assertThat(v.exact()).isTrue();
    assertThat(v.exactMaxViolation()).isEqualTo(new BigFraction(1, 6));
    assertThat(v.violations()).extracting(r -> r.exactAmount()).containsOnly(new BigFraction(1, 6));
    assertThat(v.violationCount()).isEqualTo(2);
  }

  @Test
  void listsAreCappedButCountsAreComplete() {
    BigFraction[] x = {new BigFraction(5, 3), new BigFraction(3, 2)};
    Verification v = SolutionVerifier.verifyExact(lp(), x, 0, 1, 0).verification();

    assertThat(v.violations()).hasSize(1);
    assertThat(v.violationCount()).isEqualTo(2);
  }

  @Test
  void exactModeComparesTheExactViolationWithTheTolerance() {
    // x = y = 3/2 + 10^-12: row 1 is 6 + 4 * 10^-12 > 6, and the equality x - y = 0 holds.
    BigFraction tiny = new BigFraction(1, 1_000_000_000_000L);
    BigFraction xy = new BigFraction(3, 2).add(tiny);
    BigFraction[] x = {xy, xy};

    Verification lenient = SolutionVerifier.verifyExact(lp(), x, 1e-9, 10, 0).verification();
    Verification strict = SolutionVerifier.verifyExact(lp(), x, 0, 10, 0).verification();

    assertThat(lenient.violationCount()).isZero();
    assertThat(lenient.exactMaxViolation()).isEqualTo(tiny.multiply(4));
    assertThat(lenient.worstRow()).isEqualTo("hand[1]");
    assertThat(strict.violationCount()).isEqualTo(1);
    assertThat(strict.violations()).extracting(r -> r.exactAmount()).containsExactly(tiny.multiply(4));
  }

  @Test
  void theExactWorstRowIsTheExactArgmaxEvenBelowDoublePrecision() {
    // Rows x <= 0 and y <= 0 at x = 1/3, y = 1/3 + 10^-30: both violations round to the same double.
    LinearProgram two =
        new HandFamily()
            .row(new long[] {1, 0}, Sense.LE, 0)
            .row(new long[] {0, 1}, Sense.LE, 0)
            .program(List.of(ColumnBounds.FREE, ColumnBounds.FREE), new long[] {0, 0}, true);
    BigFraction third = new BigFraction(1, 3);
    BigFraction more = third.add(new BigFraction(BigInteger.ONE, BigInteger.TEN.pow(30)));

    Verification v = SolutionVerifier.verifyExact(two, new BigFraction[] {third, more}, 0, 10, 0).verification();

    assertThat(v.exactMaxViolation()).isEqualTo(more);
    assertThat(v.worstRow()).isEqualTo("hand[1]");
  }

  @Test
  void aNanCoordinateIsAnInfiniteViolation() {
    Verification v =
        SolutionVerifier.verify(lp(), new double[] {Double.NaN, 1.5}, null, 1e-9, 10, 0).verification();

    assertThat(v.maxViolation()).isInfinite();
    // Every row uses x, and so does x's bound.
    assertThat(v.violationCount()).isEqualTo(3 + 1);
  }

  @Test
  void exactColumnBoundViolationsAreExact() {
    // x = -1/3 is below its bound 0 by exactly 1/3; y = 0 is fine; rows: x + y <= 4 holds, x - y = 0 is off by 1/3.
    BigFraction[] x = {new BigFraction(-1, 3), BigFraction.ZERO};
    Verification v = SolutionVerifier.verifyExact(lp(), x, 0, 10, 0).verification();

    assertThat(v.violations())
        .filteredOn(r -> r.family().equals("column-bounds"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rowName()).isEqualTo("x0");
              assertThat(r.exactAmount()).isEqualTo(new BigFraction(1, 3));
              assertThat(r.description()).contains("[0, +inf]");
            });
  }

  @Test
  void bindingRowsCarryTheirDualsAndTheListIsCappedByLargestDual() {
    // x = 3, y = 1 makes rows 0 and 1 bind (4 = 4, 6 = 6); row 2 (x >= 0) has slack 3. Cap 1: the larger dual stays.
    LinearProgram twoBinding =
        new HandFamily()
            .row(new long[] {1, 1}, Sense.LE, 4)
            .row(new long[] {1, 3}, Sense.LE, 6)
            .row(new long[] {1, 0}, Sense.GE, 0)
            .program(List.of(ColumnBounds.NON_NEGATIVE, ColumnBounds.NON_NEGATIVE), new long[] {1, 2}, true);
    double[] duals = {0.25, 0.75, 0};

    Verification v =
        SolutionVerifier.verify(twoBinding, new double[] {3, 1}, duals, 1e-9, 1, 0).verification();

    assertThat(v.bindingCountByFamily()).containsEntry("hand", 2L);
    assertThat(v.binding())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.rowName()).isEqualTo("hand[1]");
              assertThat(r.dual()).isEqualTo(0.75);
            });
    assertThat(v.objectiveRecomputed()).isCloseTo(5, within(1e-12));
  }

  @Test
  void aFractionalIntegerColumnIsAViolationNamedAfterTheColumn() {
    // y integer: x = y = 1.5 satisfies every row (see above) but y is 1/2 away from the nearest integer; x is
    // continuous, so only y is reported.
    BitSet integer = new BitSet();
    integer.set(1);
    LinearProgram mip = lp().withIntegerColumns(integer);

    Verification v = SolutionVerifier.verify(mip, new double[] {1.5, 1.5}, null, 1e-9, 10, 0).verification();
    Verification exact =
        SolutionVerifier.verifyExact(
                mip, new BigFraction[] {new BigFraction(4, 3), new BigFraction(4, 3)}, 0, 10, 0)
            .verification();

    assertThat(v.violationCount()).isEqualTo(1);
    assertThat(v.violations()).extracting(r -> r.family()).containsExactly("integrality");
    assertThat(v.violations()).extracting(r -> r.rowName()).containsExactly(mip.columnName(1));
    assertThat(v.maxViolation()).isCloseTo(0.5, within(1e-12));
    // 4/3 is 1/3 above 1 and 2/3 below 2: exactly 1/3 from the nearest integer. Rows: 8/3 <= 4, 16/3 <= 6, 0 = 0.
    assertThat(exact.exactMaxViolation()).isEqualTo(new BigFraction(1, 3));
    assertThat(exact.violations()).extracting(r -> r.family()).containsExactly("integrality");
  }

  @Test
  void integralValuesOfIntegerColumnsPass() {
    BitSet integer = new BitSet();
    integer.set(0, 2);
    // x = y = 1 (negative zero noise allowed within the tolerance): rows 2 <= 4, 4 <= 6, 0 = 0 hold.
    Verification v =
        SolutionVerifier.verify(lp().withIntegerColumns(integer), new double[] {1 + 1e-12, 1}, null, 1e-9, 10, 0)
            .verification();

    assertThat(v.violationCount()).isZero();
  }
}
