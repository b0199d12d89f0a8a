package org.mechlp.solver.certify;

import java.util.List;
import java.util.function.Function;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Row;

/**
 * Turns a floating-point simplex basis into a proven optimum: the exact basic solution ({@link ExactBasis}) is
 * accepted only when {@link CertificateChecker} accepts it. When the backend's basis is not exactly optimal (a
 * reduced cost of the wrong sign by a hair, a presolve artifact), a few exact primal simplex pivots are tried
 * ({@link SimplexRepair}); failing that the LP is solved once more by the given re-solver (GLOP without presolve,
 * tight tolerances) and its basis is tried; failing that the result says why.
 */
public final class Certifier {
  private Certifier() {}

  /**
   * Certifies the optimum of {@code lp} from {@code basis}.
   *
   * @param resolver a second solve for another basis, or null for none
   */
  public static Certification certify(LinearProgram lp, LpBasis basis, Function<LinearProgram, LpResult> resolver) {
    long start = System.nanoTime();
    List<Row> rows = ExactBasis.rows(lp);
    Attempt first = attempt(lp, rows, basis);
    if (first.certification == null && basis != null && first.dimension > 0) {
      SimplexRepair.Result repaired = SimplexRepair.repair(lp, rows, basis);
      if (repaired.solution() != null) {
        Attempt fixed = certified(lp, repaired.solution());
        if (fixed.certification != null) {
          String pivots = repaired.pivots() + " exact simplex pivot" + (repaired.pivots() == 1 ? "" : "s");
          return finish(fixed, start, "exact basic solution after " + pivots + " from the solver's basis (which"
              + " failed: " + first.reason + ")");
        }
      }
      first = new Attempt(null, first.reason + "; exact pivots: " + repaired.reason(), first.dimension, first.fillIn);
    }
    if (first.certification == null && resolver != null) {
      LpResult again = resolver.apply(lp);
      if (again.status() == LpStatus.OPTIMAL && again.basis() != null) {
        Attempt second = attempt(lp, rows, again.basis());
        if (second.certification != null) {
          return finish(second, start, "exact basic solution of the re-solved basis (GLOP without presolve; the"
              + " first basis failed: " + first.reason + ")");
        }
        return failed(second, start, first.reason + "; after a re-solve without presolve: " + second.reason);
      }
      return failed(first, start, first.reason + "; the re-solve without presolve answered " + again.status());
    }
    if (first.certification == null) {
      return failed(first, start, first.reason);
    }
    return finish(first, start, "exact basic solution of the solver's basis");
  }

  private record Attempt(Certification certification, String reason, int dimension, long fillIn) {}

  private static Attempt attempt(LinearProgram lp, List<Row> rows, LpBasis basis) {
    if (basis == null) {
      return new Attempt(null, "the backend reported no basis", 0, 0);
    }
    ExactBasis.BasicSolution solution;
    try {
      solution = ExactBasis.solve(lp, rows, basis);
    } catch (ExactBasis.BasisException e) {
      return new Attempt(null, e.getMessage(), 0, 0);
    }
    return certified(lp, solution);
  }

  private static Attempt certified(LinearProgram lp, ExactBasis.BasicSolution solution) {
    CertificateCheck check = CertificateChecker.check(lp, solution.certificate());
    if (!check.valid()) {
      String more = check.failureCount() > 1 ? " (and " + (check.failureCount() - 1) + " more failures)" : "";
      return new Attempt(null, "the exact basic solution fails: " + check.summary() + more,
          solution.dimension(), solution.fillIn());
    }
    Certification ok =
        new Certification(
            Certification.Status.CERTIFIED,
            "",
            check.primalObjective(),
            solution.certificate(),
            solution.dimension(),
            solution.fillIn(),
            0);
    return new Attempt(ok, "", solution.dimension(), solution.fillIn());
  }

  private static Certification finish(Attempt a, long start, String how) {
    Certification c = a.certification;
    return new Certification(
        c.status(), how, c.objective(), c.certificate(), c.basisDimension(), c.fillIn(), System.nanoTime() - start);
  }

  private static Certification failed(Attempt a, long start, String reason) {
    return new Certification(
        Certification.Status.FAILED, reason, null, null, a.dimension, a.fillIn, System.nanoTime() - start);
  }
}
