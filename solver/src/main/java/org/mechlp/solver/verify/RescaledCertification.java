package org.mechlp.solver.verify;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.certify.CertificateCheck;
import org.mechlp.solver.certify.CertificateChecker;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Certifier;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/**
 * Exact certification for an LP on which every simplex code fails or wrongly answers UNBOUNDED (badly scaled data):
 * first from a basis found on the LP rescaled by powers of two ({@link EquilibratedProgram}); failing that through
 * a bounded re-solve, every infinite column bound replaced by a box 100 times wider than the LP's largest
 * coefficient: the boxed (and rescaled) LP gives a basis, and its exact optimum is accepted only when {@link
 * CertificateChecker} accepts it as a certificate of the original LP, which it does exactly when no column sits on
 * the box.
 */
public final class RescaledCertification {
  private RescaledCertification() {}

  /** Certifies {@code lp}'s optimum from a rescaled or boxed copy, or says why not. */
  public static Certification certify(LinearProgram lp, BackendSettings settings) {
    long start = System.nanoTime();
    // First the LP itself, rescaled: its basis is a basis of the LP. GLOP, then CLP (measured: on two bidders with
    // values 1e-6 and 1e10, GLOP answers UNBOUNDED on the rescaled LP too, CLP finds the optimum).
    LinearProgram equilibrated = EquilibratedProgram.of(lp);
    for (Backend backend : new Backend[] {Backend.GLOP, Backend.CLP}) {
      LpResult rescaled =
          new OrToolsLpSolver().solve(equilibrated, new BackendSettings(backend, settings.timeLimit(), 1));
      if (rescaled.status() != LpStatus.OPTIMAL || rescaled.basis() == null) {
        continue;
      }
      Certification exact = Certifier.certify(lp, rescaled.basis(), null);
      if (exact.certified()) {
        return new Certification(
            Certification.Status.CERTIFIED,
            "exact basic solution of a basis found on the LP rescaled by powers of two (" + exact.reason() + ")",
            exact.objective(),
            exact.certificate(),
            exact.basisDimension(),
            exact.fillIn(),
            System.nanoTime() - start);
      }
    }
    int digits = (int) Math.ceil(Math.log10(Math.max(1, Scaling.of(lp).largest()))) + 2;
    BigFraction box = new BigFraction(BigInteger.TEN.pow(Math.max(0, digits)));
    List<ColumnBounds> bounds = new ArrayList<>();
    for (ColumnBounds b : lp.bounds()) {
      bounds.add(new ColumnBounds(b.lower() == null ? box.negate() : b.lower(), b.upper() == null ? box : b.upper()));
    }
    LinearProgram boxed = new LinearProgram(bounds, lp::columnName, lp.objective(), lp.families());
    // A default solve first (GLOP, CLP when GLOP fails), GLOP without presolve as the second basis.
    LpResult first =
        new OrToolsLpSolver()
            .solve(EquilibratedProgram.of(boxed), new BackendSettings(Backend.CLP, settings.timeLimit(), 1));
    Certification exact =
        Certifier.certify(
            boxed,
            first.status() == LpStatus.OPTIMAL ? first.basis() : null,
            program -> OrToolsLpSolver.solveForExactBasis(program, settings));
    String how = "free columns boxed within ±1e" + digits;
    if (!exact.certified()) {
      return failed(exact, start, how + ": " + exact.reason());
    }
    CertificateCheck check = CertificateChecker.check(lp, exact.certificate());
    if (!check.valid()) {
      return failed(exact, start, how + ", but the boxed optimum does not certify the LP: " + check.summary());
    }
    return new Certification(
        Certification.Status.CERTIFIED,
        "exact basic solution of a bounded re-solve (" + how + ", no column at the box)",
        exact.objective(),
        exact.certificate(),
        exact.basisDimension(),
        exact.fillIn(),
        System.nanoTime() - start);
  }

  private static Certification failed(Certification exact, long start, String reason) {
    return new Certification(
        Certification.Status.FAILED, reason, null, null, exact.basisDimension(), exact.fillIn(),
        System.nanoTime() - start);
  }
}
