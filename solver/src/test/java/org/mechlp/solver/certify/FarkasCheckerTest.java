package org.mechlp.solver.certify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.HandFamily;

/**
 * {@link FarkasChecker} accepts exact Farkas certificates and rejects tampered ones; {@link InfeasibilityProver}
 * finds them for the shipped infeasible instances.
 */
class FarkasCheckerTest {
  /**
   * x <= 1 and x >= 2 with x free. By hand: y = (1, -1) has the right signs (>= 0 on the <= row, <= 0 on the >= row);
   * the combined row is (1 - 1) x = 0 x <= 1 * 1 + (-1) * 2 = -1, and 0 x is 0 everywhere, so 0 <= -1: no x.
   */
  private static LinearProgram tiny() {
    return new HandFamily()
        .row(new long[] {1}, Sense.LE, 1)
        .row(new long[] {1}, Sense.GE, 2)
        .program(List.of(ColumnBounds.FREE), new long[] {0}, false);
  }

  private static InfeasibilityCertificate of(String... y) {
    return new InfeasibilityCertificate(TextbookLp.fractions(y));
  }

  @Test
  void acceptsTheHandDerivedCertificateOfTheTinyLp() {
    FarkasCheck check = FarkasChecker.check(tiny(), of("1", "-1"));

    assertThat(check.valid()).as(check.summary()).isTrue();
    assertThat(check.combinedRhs()).isEqualTo(new BigFraction(-1));
    assertThat(check.combinedMinimum()).isEqualTo(BigFraction.ZERO);
    assertThat(check.nonZeros()).isEqualTo(2);
  }

  @Test
  void rejectsAMultiplierOfTheWrongSign() {
    // y = (-1, 1): the same combined row with both sides negated, but -1 on a <= row is not a valid multiplier.
    FarkasCheck check = FarkasChecker.check(tiny(), of("-1", "1"));

    assertThat(check.valid()).isFalse();
    assertThat(check.failedName()).isEqualTo("hand[0]");
    assertThat(check.failure()).contains("wrong sign");
  }

  @Test
  void rejectsAPerturbedMultiplier() {
    // y = (1, -999/1000): the combined row is (1/1000) x <= 1 - 1998/1000 on a free x, which has no least value.
    FarkasCheck check = FarkasChecker.check(tiny(), of("1", "-999/1000"));

    assertThat(check.valid()).isFalse();
    assertThat(check.failure()).contains("no lower bound");
  }

  @Test
  void rejectsMultipliersWithoutAContradiction() {
    // On x in [0, 10]: y = (1, -1/1000) combines to (999/1000) x <= 1 - 2/1000; its least value 0 is below 998/1000.
    LinearProgram boxed =
        new HandFamily()
            .row(new long[] {1}, Sense.LE, 1)
            .row(new long[] {1}, Sense.GE, 2)
            .program(List.of(new ColumnBounds(BigFraction.ZERO, new BigFraction(10))), new long[] {0}, false);

    FarkasCheck check = FarkasChecker.check(boxed, of("1", "-1/1000"));

    assertThat(check.valid()).isFalse();
    assertThat(check.failure()).contains("no contradiction");
  }

  @Test
  void rejectsTheWrongNumberOfMultipliers() {
    assertThat(FarkasChecker.check(tiny(), of("1")).valid()).isFalse();
  }

  @Test
  void provesTheTinyLpInfeasible() {
    InfeasibilityCertification proof = prove(tiny());

    assertThat(proof.certified()).as(proof.reason()).isTrue();
    // Elastic LP: min e1 + e2 s.t. x - e1 <= 1, x + e2 >= 2, so e1 + e2 >= (x - 1) + (2 - x) = 1, reached at any x in
    // [1, 2]: optimum 1. Its duals (d optimum / d rhs) are -1 and +1, so y = (1, -1), the hand-derived certificate.
    assertThat(proof.totalViolation()).isEqualTo(BigFraction.ONE);
    assertThat(proof.certificate().multipliers()).containsExactly(TextbookLp.fractions("1", "-1"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"bilateral-trade-ms.json", "public-good-dsic-strong-bb.json"})
  void provesTheShippedInfeasibleInstancesAndRejectsTamperedCertificates(String file) throws Exception {
    LinearProgram lp = instance(file);
    InfeasibilityCertification proof = prove(lp);
    assertThat(proof.certified()).as(proof.reason()).isTrue();
    BigFraction[] y = proof.certificate().multipliers();
    assertThat(FarkasChecker.check(lp, proof.certificate()).valid()).isTrue();

    // Flip the sign of a multiplier on an inequality row: the checker must name that row.
    List<Row> rows = ExactBasis.rows(lp);
    int inequality = -1;
    for (int i = 0; i < y.length && inequality < 0; i++) {
      if (y[i].getNumerator().signum() != 0 && rows.get(i).sense() != Sense.EQ) {
        inequality = i;
      }
    }
    assertThat(inequality).as("a non-zero multiplier on an inequality row").isNotNegative();
    BigFraction[] flipped = y.clone();
    flipped[inequality] = y[inequality].negate();
    FarkasCheck wrongSign = FarkasChecker.check(lp, new InfeasibilityCertificate(flipped));
    assertThat(wrongSign.valid()).isFalse();
    assertThat(wrongSign.failedName()).isEqualTo(rows.get(inequality).name());

    // Perturb by 1/1000 a multiplier of a row that holds a free column (a transfer): the combined row then has a
    // non-zero coefficient on that free column (other rows cancelled it exactly), so it has no least value.
    int onFree = -1;
    for (int i = 0; i < y.length && onFree < 0; i++) {
      if (y[i].getNumerator().signum() != 0 && touchesFreeColumn(lp, rows.get(i))) {
        onFree = i;
      }
    }
    assertThat(onFree).as("a non-zero multiplier on a row with a transfer").isNotNegative();
    BigFraction[] perturbed = y.clone();
    BigFraction step = new BigFraction(1, 1000);
    perturbed[onFree] = y[onFree].getNumerator().signum() > 0 ? y[onFree].add(step) : y[onFree].subtract(step);
    FarkasCheck off = FarkasChecker.check(lp, new InfeasibilityCertificate(perturbed));
    assertThat(off.valid()).isFalse();
    assertThat(off.failure()).containsAnyOf("no lower bound", "no upper bound");
  }

  private static boolean touchesFreeColumn(LinearProgram lp, Row row) {
    for (int j : row.columns()) {
      ColumnBounds b = lp.bounds().get(j);
      if (b.lower() == null && b.upper() == null) {
        return true;
      }
    }
    return false;
  }

  static LinearProgram instance(String file) throws Exception {
    return LpCompiler.compile(ProblemReader.read(Path.of(System.getProperty("instances.dir"), file))).lp();
  }

  static InfeasibilityCertification prove(LinearProgram lp) {
    var settings = SolveOptions.defaults().solver();
    return InfeasibilityProver.prove(
        lp,
        new org.mechlp.solver.ortools.OrToolsLpSolver(),
        settings,
        p -> org.mechlp.solver.ortools.OrToolsLpSolver.solveForExactBasis(p, settings));
  }
}
