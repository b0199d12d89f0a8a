package org.mechlp.solver.calibrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.CalibrationSpec.Disclosure;
import org.mechlp.model.Problem;
import org.mechlp.solver.exact.CalibratedExactSolver;
import org.mechlp.solver.exact.CalibratedExactSolver.CalibratedExactReport;
import org.mechlp.solver.certify.Certificate;
import org.mechlp.solver.certify.CertificateChecker;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.lp.BasisStatus;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveStatus;

/**
 * Exact certification of the calibrated LPs on the examples of docs/THEORY.md, Calibrated examples, whose values were
 * verified there with an independent LP: example A (7/6, full 7/6, none 1, standard 3/2) and example C at several
 * priors (table of 1.4 C; V(mu) = max(min(3 - 2mu, 1 + mu), (1/2) max(3 - 2mu, 1 + mu)), so V(0) = 3/2, V(2/3) = 5/3,
 * V(1) = 1).
 */
class CalibratedExactTest {
  private static BigFraction f(int num, int den) {
    return new BigFraction(num, den);
  }

  private static CalibratedExactReport certify(Problem problem) {
    return CalibratedExactSolver.solve(problem, SolveOptions.defaults());
  }

  @Test
  void exampleAGridValueIsCertifiedAndExactByPrivateValues() {
    CalibratedExactReport r = certify(CalibratedExamples.exampleA(CalibrationSpec.optimal()));

    // docs/THEORY.md, Calibrated examples, example A: calibrated 7/6 = full transparency (1/2 * 4/3 + 1/2 * 1), none 1,
    // standard 3/2 (= E[value], Cremer-McLean through the state).
    assertThat(r.main().certified()).as(r.main().certification().reason()).isTrue();
    assertThat(r.main().kind()).isEqualTo(CalibratedLps.GRID);
    assertThat(r.main().value()).isEqualTo(f(7, 6));
    assertThat(r.full().value()).isEqualTo(f(7, 6));
    assertThat(r.none().value()).isEqualTo(BigFraction.ONE);
    assertThat(r.standard().value()).isEqualTo(f(3, 2));
    assertThat(r.calibratedOptimum()).isEqualTo(f(7, 6));
    assertThat(r.optimumReason()).contains("private values");
    assertThat(r.report().status()).isEqualTo(SolveStatus.OPTIMAL);
  }

  @Test
  void exampleCAtOneHalfIsProvenOptimalByTheCertifiedStandardBound() {
    CalibratedExactReport r = certify(CalibratedExamples.exampleC(f(1, 2), CalibrationSpec.optimal()));

    // (1/4) V(0) + (3/4) V(2/3) = 3/8 + 5/4 = 13/8; full (1/2)(3/2) + (1/2)(1) = 5/4; none V(1/2) = 3/2.
    assertThat(r.main().value()).isEqualTo(f(13, 8));
    assertThat(r.standard().value()).isEqualTo(f(13, 8));
    assertThat(r.full().value()).isEqualTo(f(5, 4));
    assertThat(r.none().value()).isEqualTo(f(3, 2));
    assertThat(r.calibratedOptimum()).isEqualTo(f(13, 8));
    assertThat(r.optimumReason()).contains("standard BIC bound");
    assertThat(r.posteriors()).hasSize(r.report().candidatePosteriors());
  }

  @Test
  void exampleCAtOneTenthAndSevenTenths() {
    // docs/THEORY.md, Calibrated examples, example C table: at 0.1 calibrated 1.525 = 61/40 (= standard), full 1.45 =
    // 29/20, none 1.4 = 7/5; at 0.7 calibrated 1.6 = 8/5 (= standard = none: V is linear on [2/3, 1]), full 1.15 =
    // 23/20.
    CalibratedExactReport low = certify(CalibratedExamples.exampleC(f(1, 10), CalibrationSpec.optimal()));
    CalibratedExactReport high = certify(CalibratedExamples.exampleC(f(7, 10), CalibrationSpec.optimal()));

    assertThat(low.calibratedOptimum()).isEqualTo(f(61, 40));
    assertThat(low.full().value()).isEqualTo(f(29, 20));
    assertThat(low.none().value()).isEqualTo(f(7, 5));
    assertThat(high.calibratedOptimum()).isEqualTo(f(8, 5));
    assertThat(high.full().value()).isEqualTo(f(23, 20));
    assertThat(high.none().value()).isEqualTo(f(8, 5));
  }

  @Test
  void fullNoneAndFixedModesCertifyTheirOwnLp() {
    BigFraction half = f(1, 2);
    CalibratedExactReport full =
        certify(CalibratedExamples.exampleC(half, CalibratedExamples.disclosure(Disclosure.FULL)));
    CalibratedExactReport none =
        certify(CalibratedExamples.exampleC(half, CalibratedExamples.disclosure(Disclosure.NONE)));
    CalibratedExactReport fixed = certify(CalibratedExamples.exampleC(half, optimalSplit()));

    // Full 5/4 and none 3/2 as above; the fixed signal induces posteriors 0 (prob 1/4) and 2/3 (prob 3/4): 13/8.
    assertThat(full.main().kind()).isEqualTo(CalibratedLps.FULL);
    assertThat(full.calibratedOptimum()).isEqualTo(f(5, 4));
    assertThat(none.main().kind()).isEqualTo(CalibratedLps.NONE);
    assertThat(none.calibratedOptimum()).isEqualTo(f(3, 2));
    assertThat(fixed.main().kind()).isEqualTo(CalibratedLps.SIGNAL);
    assertThat(fixed.calibratedOptimum()).isEqualTo(f(13, 8));
    assertThat(fixed.posteriors()).isNull();
  }

  @Test
  void theMainLpRebuiltFromItsPosteriorsAcceptsTheCertificateAndRejectsATamperedOne() {
    Problem problem = CalibratedExamples.exampleC(f(1, 2), CalibrationSpec.optimal());
    CalibratedExactReport r = certify(problem);
    Certificate cert = r.main().certification().certificate();

    CalibratedLps.Rebuilt rebuilt = CalibratedSolver.rebuildMainLp(problem, CalibratedLps.GRID, r.posteriors());

    assertThat(rebuilt.program().columnCount()).isEqualTo(r.mainProgram().columnCount());
    assertThat(CertificateChecker.check(rebuilt.program(), cert).valid()).isTrue();
    // The claimed value off by 1/1000: the checker recomputes the objective and must refuse.
    Certificate tampered =
        new Certificate(cert.maximize(), cert.objective().add(f(1, 1000)), cert.primal(), cert.duals());
    assertThat(CertificateChecker.check(rebuilt.program(), tampered).valid()).isFalse();
    // The same certificate against the LP over fewer posteriors (the last one dropped) does not even fit.
    List<BigFraction[]> fewer = new ArrayList<>(r.posteriors().subList(0, r.posteriors().size() - 1));
    CalibratedLps.Rebuilt smaller = CalibratedSolver.rebuildMainLp(problem, CalibratedLps.GRID, fewer);
    assertThat(CertificateChecker.check(smaller.program(), cert).valid()).isFalse();
  }

  @Test
  void rebuildRefusesAWrongKindAndPosteriorsThatAreNotDistributions() {
    Problem problem = CalibratedExamples.exampleC(f(1, 2), CalibrationSpec.optimal());

    assertThatThrownBy(() -> CalibratedSolver.rebuildMainLp(problem, CalibratedLps.FULL, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("p1-grid");
    assertThatThrownBy(
            () -> CalibratedSolver.rebuildMainLp(
                problem, CalibratedLps.GRID, List.<BigFraction[]>of(new BigFraction[] {f(1, 2), f(1, 3)})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sums to 5/6");
    assertThatThrownBy(
            () -> CalibratedSolver.rebuildMainLp(
                problem, CalibratedLps.GRID, List.<BigFraction[]>of(new BigFraction[] {f(3, 2), f(-1, 2)})))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void aWrongBasisIsAFailureNeverACertificate() {
    // Every column basic and no row tight: the basis matrix is not square, so no LP can be certified from it, and the
    // stub re-solve offers no second basis.
    LpSolver wrongBasis =
        (lp, settings) -> {
          LpResult real = new OrToolsLpSolver().solve(lp, settings);
          BasisStatus[] columns = new BasisStatus[lp.columnCount()];
          BasisStatus[] rows = new BasisStatus[(int) lp.rowCount()];
          Arrays.fill(columns, BasisStatus.BASIC);
          Arrays.fill(rows, BasisStatus.BASIC);
          return new LpResult(real.status(), real.objective(), real.primal(), real.duals(), real.solverName(),
              real.iterations(), real.nonZeros(), real.buildNanos(), real.solveNanos(), real.message(),
              new LpBasis(columns, rows), real.bestBound());
        };

    CalibratedExactReport r =
        CalibratedExactSolver.solve(
            CalibratedExamples.exampleC(f(1, 2), CalibrationSpec.optimal()),
            SolveOptions.defaults(),
            wrongBasis,
            lp -> new LpResult(LpStatus.FAILED, Double.NaN, null, null, "stub", 0, 0, 0, 0, "stub failure"),
            "");

    assertThat(r.main().certification().status()).isEqualTo(Certification.Status.FAILED);
    assertThat(r.main().value()).isNull();
    assertThat(r.calibratedOptimum()).isNull();
    assertThat(r.brackets()).noneMatch(CalibratedExactSolver.CertifiedLp::certified);
    assertThat(r.report().status()).isEqualTo(SolveStatus.NUMERICAL_FAILURE);
    assertThat(r.report().exact()).isFalse();
    assertThat(r.report().message()).contains("certification failed: the basis is not square");
  }

  /** Signal "good" reveals state 0 with probability 1/2, "pooled" is sent otherwise (docs/THEORY.md, Calibrated
   * examples, example C's split).
   */
  private static CalibrationSpec optimalSplit() {
    return new CalibrationSpec(
        Disclosure.FIXED,
        List.of("good", "pooled"),
        List.of(List.of(f(1, 2), BigFraction.ZERO), List.of(f(1, 2), BigFraction.ONE)),
        20,
        12,
        true,
        true,
        false);
  }
}
