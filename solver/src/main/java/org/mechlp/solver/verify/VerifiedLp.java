package org.mechlp.solver.verify;

import java.util.Locale;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;
import org.mechlp.solver.verify.SolutionVerifier;

/**
 * Solves a linear program and verifies the backend's point independently, the step every mechlp LP goes through.
 * OPTIMAL is kept only when the backend claims optimality, every row and bound holds within tolerance and the
 * recomputed objective agrees with the backend's; otherwise the status is NUMERICAL_FAILURE with the numbers in the
 * message.
 *
 * @param status the verified status
 * @param objective the objective recomputed from the point, or null without a point
 * @param result what the backend returned
 * @param verification the verification, or null without a point
 * @param regretPerAgent per agent, the largest IC violation (all zeros without a point)
 * @param verifyNanos time spent verifying
 * @param message the backend's note plus any verification failure, or empty
 */
public record VerifiedLp(
    SolveStatus status,
    Double objective,
    LpResult result,
    Verification verification,
    double[] regretPerAgent,
    long verifyNanos,
    String message) {

  /** Solves {@code lp} with {@code backend} and verifies the point. */
  public static VerifiedLp solve(LinearProgram lp, LpSolver backend, SolveOptions options, int agentCount) {
    LpResult result = backend.solve(lp, options.solver());
    SolveStatus status =
        switch (result.status()) {
          case OPTIMAL -> SolveStatus.OPTIMAL;
          case INFEASIBLE -> SolveStatus.INFEASIBLE;
          case UNBOUNDED -> SolveStatus.UNBOUNDED;
          case LIMIT_REACHED -> SolveStatus.TIME_LIMIT;
          case FAILED -> SolveStatus.NUMERICAL_FAILURE;
        };
    if (result.primal() == null) {
      return new VerifiedLp(status, null, result, null, new double[agentCount], 0, result.message());
    }
    long verifyStart = System.nanoTime();
    SolutionVerifier.Result verified =
        SolutionVerifier.verify(
            lp, result.primal(), result.duals(), options.tolerance(), options.maxListedRows(), agentCount);
    long verifyNanos = System.nanoTime() - verifyStart;
    return judge(status, result, verified, verifyNanos, options.tolerance());
  }

  /**
   * The verdict on a backend's point once it has been verified: the backend's {@code status} stands only when every
   * row and bound holds within {@code tolerance} and the recomputed objective agrees with the backend's.
   */
  public static VerifiedLp judge(
      SolveStatus status, LpResult result, SolutionVerifier.Result verified, long verifyNanos, double tolerance) {
    double recomputed = verified.verification().objectiveRecomputed();
    String message = result.message();
    double maxViolation = verified.verification().maxViolation();
    double objectiveGap = Math.abs(recomputed - result.objective());
    if (maxViolation > tolerance) {
      status = SolveStatus.NUMERICAL_FAILURE;
      message =
          join(
              message,
              String.format(
                  Locale.ROOT,
                  "the solver's point violates %s by %.3g (tolerance %.3g)",
                  verified.verification().worstRow(),
                  maxViolation,
                  tolerance));
    } else if (!(objectiveGap <= tolerance * Math.max(1, Math.abs(recomputed)))) {
      // Written as a negated <= so that a NaN objective from the backend fails too.
      status = SolveStatus.NUMERICAL_FAILURE;
      message =
          join(
              message,
              String.format(
                  Locale.ROOT,
                  "the recomputed objective %.12g differs from the solver's %.12g",
                  recomputed,
                  result.objective()));
    }
    return new VerifiedLp(
        status,
        recomputed,
        result,
        verified.verification(),
        verified.regretPerAgent(),
        verifyNanos,
        message);
  }

  private static String join(String a, String b) {
    return a.isEmpty() ? b : a + "; " + b;
  }
}
