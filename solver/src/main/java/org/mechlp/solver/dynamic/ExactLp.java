package org.mechlp.solver.dynamic;

import java.util.function.Predicate;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Certifier;
import org.mechlp.solver.certify.InfeasibilityCertification;
import org.mechlp.solver.certify.InfeasibilityProver;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/**
 * Solves a small LP with GLOP and turns the answer into a proof: an optimum is certified in exact arithmetic
 * (exact basis, checked certificate), an infeasibility by a checked Farkas certificate.
 *
 * @param status optimal (certified), infeasible (proven) or failed
 * @param primal the exact optimal point, or null
 * @param objective the exact optimum, or null
 * @param note how it was proven, or why not
 */
record ExactLp(LpStatus status, BigFraction[] primal, BigFraction objective, String note) {
  private static final OrToolsLpSolver BACKEND = new OrToolsLpSolver();
  private static final BackendSettings SETTINGS = BackendSettings.defaults();

  static ExactLp solve(LinearProgram lp) {
    return solve(lp, null);
  }

  /**
   * Like {@link #solve(LinearProgram)}, but first reads GLOP's point back as simple fractions and keeps it when
   * {@code accept} (an exact check of the caller's own) passes: much cheaper than an exact basis, and the point is
   * still verified exactly. The objective's optimality is then GLOP's word, not a certificate.
   */
  static ExactLp solve(LinearProgram lp, Predicate<BigFraction[]> accept) {
    LpResult result = BACKEND.solve(lp, SETTINGS);
    if (result.status() == LpStatus.OPTIMAL && accept != null) {
      BigFraction[] rounded = new BigFraction[result.primal().length];
      for (int j = 0; j < rounded.length; j++) {
        rounded[j] = Fractions.rationalize(result.primal()[j]);
      }
      if (accept.test(rounded)) {
        return new ExactLp(LpStatus.OPTIMAL, rounded, lp.objective().value(rounded),
            "GLOP's point read back as exact fractions");
      }
    }
    if (result.status() == LpStatus.OPTIMAL) {
      Certification c = Certifier.certify(lp, result.basis(), x -> OrToolsLpSolver.solveForExactBasis(x, SETTINGS));
      if (c.certified()) {
        return new ExactLp(LpStatus.OPTIMAL, c.certificate().primal(), c.objective(), "exact optimum certified");
      }
      return new ExactLp(LpStatus.FAILED, null, null, "GLOP's optimum was not certified: " + c.reason());
    }
    if (result.status() == LpStatus.INFEASIBLE) {
      InfeasibilityCertification proof = InfeasibilityProver.prove(lp, BACKEND, SETTINGS,
          x -> OrToolsLpSolver.solveForExactBasis(x, SETTINGS));
      if (proof.certified()) {
        return new ExactLp(LpStatus.INFEASIBLE, null, null, "infeasible, proven by a checked Farkas certificate");
      }
      return new ExactLp(LpStatus.FAILED, null, null, "GLOP says infeasible, not confirmed: " + proof.reason());
    }
    return new ExactLp(LpStatus.FAILED, null, null, "GLOP ended " + result.status()
        + (result.message().isEmpty() ? "" : ": " + result.message()));
  }
}
