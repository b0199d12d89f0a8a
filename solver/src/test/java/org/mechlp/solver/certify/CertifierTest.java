package org.mechlp.solver.certify;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.BasisStatus;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/** Certification of the hand-solved textbook LP ({@link TextbookLp}): optimum 5, duals 1/2 and 1/2, exactly. */
class CertifierTest {
  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"GLOP", "CLP"})
  void certifiesTheTextbookOptimumExactly(Backend backend) {
    LinearProgram lp = TextbookLp.program(true);
    LpResult result = new OrToolsLpSolver().solve(lp, new BackendSettings(backend, null, 1));

    Certification c = Certifier.certify(lp, result.basis(), null);

    assertThat(c.certified()).as(c.reason()).isTrue();
    assertThat(c.objective()).isEqualTo(new BigFraction(5));
    assertThat(c.certificate().primal()).containsExactly(TextbookLp.fractions("3", "1", "0"));
    assertThat(c.certificate().duals()).containsExactly(TextbookLp.fractions("1/2", "1/2"));
    assertThat(c.basisDimension()).isEqualTo(2);
  }

  /**
   * Basis {x basic, row 2 basic}: row 1 tight gives x = 4, y = z = 0, objective 4 < 5; its dual y1 = 1 leaves
   * d_y = 2 - 1 = 1 > 0 while y has no upper bound, so the exact basic solution fails the check.
   */
  private static LpBasis suboptimalBasis() {
    return new LpBasis(
        new BasisStatus[] {BasisStatus.BASIC, BasisStatus.AT_LOWER, BasisStatus.AT_LOWER},
        new BasisStatus[] {BasisStatus.AT_UPPER, BasisStatus.BASIC});
  }

  @Test
  void aSuboptimalBasisFailsTheCheckOnItsOwn() throws Exception {
    LinearProgram lp = TextbookLp.program(true);
    ExactBasis.BasicSolution s = ExactBasis.solve(lp, ExactBasis.rows(lp), suboptimalBasis());

    CertificateCheck check = CertificateChecker.check(lp, s.certificate());

    assertThat(check.valid()).isFalse();
    assertThat(check.primalObjective()).isEqualTo(new BigFraction(4));
    assertThat(check.summary()).contains("x1: reduced cost 1 would improve the objective without bound");
  }

  @Test
  void aSuboptimalBasisIsRepairedByExactPivots() {
    // Bland's rule: y enters (d_y = 1 > 0, increasing); the ratio test stops at row 2 (x + 3y = 6 with x = 4 - y
    // gives y = 1) before x reaches 0 (y = 4), so row 2 becomes tight: the optimal basis, x = 3, y = 1, value 5.
    LinearProgram lp = TextbookLp.program(true);

    Certification c = Certifier.certify(lp, suboptimalBasis(), null);

    assertThat(c.certified()).as(c.reason()).isTrue();
    assertThat(c.objective()).isEqualTo(new BigFraction(5));
    assertThat(c.certificate().duals()).containsExactly(TextbookLp.fractions("1/2", "1/2"));
    assertThat(c.reason()).contains("after 1 exact simplex pivot ");
  }

  @Test
  void aPrimalInfeasibleBasisFallsBackToTheReSolve() {
    // Basis {y basic, row 2 basic}, x and z at 0: row 1 tight gives y = 4, so row 2 reads 3 * 4 = 12 > 6. The
    // basic solution is not primal feasible, primal pivots do not apply, and GLOP's re-solved basis certifies 5.
    LinearProgram lp = TextbookLp.program(true);
    LpBasis infeasible =
        new LpBasis(
            new BasisStatus[] {BasisStatus.AT_LOWER, BasisStatus.BASIC, BasisStatus.AT_LOWER},
            new BasisStatus[] {BasisStatus.AT_UPPER, BasisStatus.BASIC});

    Certification without = Certifier.certify(lp, infeasible, null);
    Certification with =
        Certifier.certify(lp, infeasible, p -> OrToolsLpSolver.solveForExactBasis(p, BackendSettings.defaults()));

    assertThat(without.certified()).isFalse();
    assertThat(without.reason()).contains("hand[1]").contains("not primal feasible");
    assertThat(with.certified()).as(with.reason()).isTrue();
    assertThat(with.objective()).isEqualTo(new BigFraction(5));
    assertThat(with.reason()).contains("re-solved");
  }

  @Test
  void aNonSquareBasisFailsWithTheReason() {
    LinearProgram lp = TextbookLp.program(true);
    LpBasis basis =
        new LpBasis(
            new BasisStatus[] {BasisStatus.BASIC, BasisStatus.BASIC, BasisStatus.BASIC},
            new BasisStatus[] {BasisStatus.AT_UPPER, BasisStatus.BASIC});

    Certification c = Certifier.certify(lp, basis, null);

    assertThat(c.certified()).isFalse();
    assertThat(c.reason()).contains("not square");
  }
}
