package org.mechlp.solver.certify;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BasisStatus;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.SolverSettings;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/** Certification of the hand-solved textbook LP ({@link TextbookLp}): optimum 5, duals 1/2 and 1/2, exactly. */
class CertifierTest {
  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"GLOP", "CLP"})
  void certifiesTheTextbookOptimumExactly(Backend backend) {
    LinearProgram lp = TextbookLp.program(true);
    LpResult result = new OrToolsLpSolver().solve(lp, new SolverSettings(backend, null, 1));

    Certification c = Certifier.certify(lp, result.basis(), null);

    assertThat(c.certified()).as(c.reason()).isTrue();
    assertThat(c.objective()).isEqualTo(new BigFraction(5));
    assertThat(c.certificate().primal()).containsExactly(TextbookLp.fractions("3", "1", "0"));
    assertThat(c.certificate().duals()).containsExactly(TextbookLp.fractions("1/2", "1/2"));
    assertThat(c.basisDimension()).isEqualTo(2);
  }

  @Test
  void aSuboptimalBasisIsNotCertified() {
    // Basis {x basic, row 2 basic}: row 1 tight gives x = 4, y = z = 0, objective 4 < 5; the dual y1 = 1 leaves
    // d_y = 2 - 1 = 1 > 0 while y has no upper bound, so the basis is not dual feasible and must not be certified.
    LinearProgram lp = TextbookLp.program(true);
    LpBasis basis =
        new LpBasis(
            new BasisStatus[] {BasisStatus.BASIC, BasisStatus.AT_LOWER, BasisStatus.AT_LOWER},
            new BasisStatus[] {BasisStatus.AT_UPPER, BasisStatus.BASIC});

    Certification c = Certifier.certify(lp, basis, null);

    assertThat(c.status()).isEqualTo(Certification.Status.FAILED);
    assertThat(c.certificate()).isNull();
    assertThat(c.reason()).contains("x1: reduced cost 1 would improve the objective without bound");
  }

  @Test
  void aBadBasisIsRepairedByTheReSolve() {
    // The same suboptimal basis, then the re-solver's (GLOP's) basis: certified at 5.
    LinearProgram lp = TextbookLp.program(true);
    LpBasis basis =
        new LpBasis(
            new BasisStatus[] {BasisStatus.BASIC, BasisStatus.AT_LOWER, BasisStatus.AT_LOWER},
            new BasisStatus[] {BasisStatus.AT_UPPER, BasisStatus.BASIC});

    Certification c =
        Certifier.certify(lp, basis, p -> OrToolsLpSolver.solveForExactBasis(p, SolverSettings.defaults()));

    assertThat(c.certified()).as(c.reason()).isTrue();
    assertThat(c.objective()).isEqualTo(new BigFraction(5));
    assertThat(c.reason()).contains("re-solved");
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
