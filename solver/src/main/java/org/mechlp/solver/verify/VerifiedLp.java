package org.mechlp.solver.verify;

import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.certify.Certificate;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Certifier;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.Optimality;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;

/**
 * Solves a linear program and verifies the backend's answer independently, the step every mechlp LP goes through.
 * OPTIMAL is kept only when the backend claims optimality, every row and bound holds within tolerance, the
 * recomputed objective agrees with the backend's, and the point is shown optimal (from the duals, or in exact
 * arithmetic); a feasible point that is not is NOT_VERIFIED_OPTIMAL with the duality gap, a point that is not
 * feasible NUMERICAL_FAILURE with the numbers in the message. INFEASIBLE and UNBOUNDED are reported only when
 * confirmed by a second method.
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

  /**
   * Solves {@code lp} with {@code backend} and verifies the answer: a point against every row and bound and for
   * optimality ({@link OptimalityCheck}, then exact certification when the duals do not show it and the LP is small),
   * an INFEASIBLE or UNBOUNDED claim by a second method ({@link ClaimCheck}).
   */
  public static VerifiedLp solve(LinearProgram lp, LpSolver backend, SolveOptions options, int agentCount) {
    LpResult result = backend.solve(lp, options.solver());
    boolean saysNo = result.status() == LpStatus.INFEASIBLE || result.status() == LpStatus.UNBOUNDED;
    if (saysNo && !lp.hasIntegerColumns()) {
      return confirmNo(lp, result, options, agentCount);
    }
    return verify(lp, result, options, agentCount);
  }

  /** Verifies a backend's answer that is not a "no": its point's feasibility, then its optimality. */
  private static VerifiedLp verify(LinearProgram lp, LpResult result, SolveOptions options, int agentCount) {
    SolveStatus status = statusOf(result.status());
    if (result.primal() == null) {
      if (result.status() == LpStatus.FAILED && badlyScaledButSmall(lp)) {
        return exactFallback(lp, result, options, agentCount, "the backend failed (" + result.message() + ")", null);
      }
      return new VerifiedLp(status, null, result, null, new double[agentCount], 0, result.message());
    }
    long verifyStart = System.nanoTime();
    SolutionVerifier.Result verified =
        SolutionVerifier.verify(
            lp, result.primal(), result.duals(), options.tolerance(), options.maxListedRows(), agentCount);
    long verifyNanos = System.nanoTime() - verifyStart;
    VerifiedLp judged = judge(status, result, verified, verifyNanos, options.tolerance());
    if (lp.hasIntegerColumns()) {
      // A mixed-integer program's optimality is the backend's proven bound (the MIP gap in the report).
      return judged;
    }
    if (judged.status() == SolveStatus.NUMERICAL_FAILURE && badlyScaledButSmall(lp)) {
      return exactFallback(lp, result, options, agentCount, "the point failed verification", judged);
    }
    double[] duals = result.duals();
    return judged.checkOptimality(
        lp,
        duals == null ? null : OptimalityCheck.allRows(lp, duals),
        options,
        agentCount);
  }

  /**
   * This verdict, if OPTIMAL, with its point checked for optimality: from {@code duals} ({@link OptimalityCheck}),
   * then, if they do not show it (or are null) and the LP is small, by exact certification; NOT_VERIFIED_OPTIMAL with
   * the gap otherwise. Every solver of an LP calls this once its point is verified feasible.
   */
  public VerifiedLp checkOptimality(
      LinearProgram lp, OptimalityCheck.RowDuals duals, SolveOptions options, int agentCount) {
    if (status != SolveStatus.OPTIMAL || lp.hasIntegerColumns()) {
      return this;
    }
    long optimalityStart = System.nanoTime();
    Optimality optimality =
        duals == null
            ? Optimality.unchecked("the backend reports no duals")
            : OptimalityCheck.check(lp, result.primal(), duals, objective, options.tolerance());
    long optimalityNanos = System.nanoTime() - optimalityStart;
    VerifiedLp checked = withOptimality(optimality, optimalityNanos);
    if (optimality.verified()) {
      return checked;
    }
    String doubt = doubt(optimality);
    if (ClaimCheck.exactIsCheap(lp)) {
      return exactFallback(lp, result, options, agentCount, doubt, checked);
    }
    return checked.notVerified(doubt + "; the LP is too large for exact certification");
  }

  /**
   * Whether a failed backend or a rejected point on {@code lp} is worth an exact solve: on a well-scaled LP such a
   * failure says something about the backend (PDLP's point is polished instead, a broken backend is reported), on a
   * badly scaled one it is what double precision does, and exact arithmetic answers.
   */
  private static boolean badlyScaledButSmall(LinearProgram lp) {
    return ClaimCheck.exactIsCheap(lp) && Scaling.of(lp).isBad();
  }

  /** Why the duals did not show optimality, with the numbers. */
  private static String doubt(Optimality optimality) {
    if (optimality.method() == Optimality.Method.NONE) {
      return optimality.note();
    }
    return String.format(
        Locale.ROOT,
        "optimality not verified from the duals: largest dual violation %.3g%s, duality gap %.3g",
        optimality.maxDualViolation(),
        optimality.worstDual() == null ? "" : " (" + optimality.worstDual() + ")",
        optimality.gap());
  }

  /**
   * Certifies the optimum exactly after a doubt (failed optimality check, failed verification, failed backend):
   * OPTIMAL at the certified point when it succeeds; otherwise {@code fallback} (NOT_VERIFIED_OPTIMAL when it was an
   * unverified optimum), or a NUMERICAL_FAILURE without a point.
   */
  private static VerifiedLp exactFallback(
      LinearProgram lp, LpResult result, SolveOptions options, int agentCount, String doubt, VerifiedLp fallback) {
    BackendSettings settings = options.solver();
    Certification exact =
        Certifier.certify(lp, result.basis(), program -> OrToolsLpSolver.solveForExactBasis(program, settings));
    if (!exact.certified()) {
      Certification boxed = RescaledCertification.certify(lp, settings);
      exact =
          boxed.certified()
              ? boxed
              : new Certification(exact.status(), exact.reason() + "; " + boxed.reason(), null, null,
                  exact.basisDimension(), exact.fillIn(), exact.certifyNanos() + boxed.certifyNanos());
    }
    if (!exact.certified()) {
      String failed = doubt + "; exact certification failed: " + exact.reason();
      if (fallback == null) {
        return new VerifiedLp(SolveStatus.NUMERICAL_FAILURE, null, result, null, new double[agentCount], 0,
            join(result.message(), failed));
      }
      return fallback.status() == SolveStatus.OPTIMAL
          ? fallback.notVerified(failed)
          : fallback.withMessage(join(fallback.message(), failed));
    }
    Certificate certificate = exact.certificate();
    double optimum = certificate.objective().doubleValue();
    if (fallback != null
        && fallback.status() == SolveStatus.OPTIMAL
        && Math.abs(optimum - fallback.objective()) <= options.tolerance() * Math.max(1, Math.abs(optimum))) {
      // The feasible point reaches the proven optimum: it is optimal, and it stays the answer.
      Optimality matched =
          new Optimality(
              Optimality.Method.EXACT,
              true,
              0,
              null,
              Math.abs(optimum - fallback.objective()),
              "the point's objective equals the optimum certified in exact arithmetic, " + certificate.objective());
      return fallback
          .withOptimality(matched, exact.certifyNanos())
          .withMessage(
              join(fallback.message(), doubt + "; the objective equals the optimum certified in exact arithmetic"));
    }
    double[] x = doubles(certificate.primal());
    double[] y = doubles(certificate.duals());
    Scaling scaling = Scaling.of(lp);
    String note =
        join(
            doubt,
            "certified optimal in exact arithmetic ("
                + exact.reason()
                + (scaling.isBad() ? "; " + scaling.describe() : "")
                + ")");
    LpResult certified =
        new LpResult(
            LpStatus.OPTIMAL,
            optimum,
            x,
            y,
            result.solverName(),
            result.iterations(),
            result.nonZeros(),
            result.buildNanos(),
            result.solveNanos(),
            join(result.message(), note),
            result.basis(),
            Double.NaN);
    long verifyStart = System.nanoTime();
    SolutionVerifier.Result verified =
        SolutionVerifier.verify(lp, x, y, options.tolerance(), options.maxListedRows(), agentCount);
    long verifyNanos = System.nanoTime() - verifyStart + exact.certifyNanos();
    VerifiedLp judged = judge(SolveStatus.OPTIMAL, certified, verified, verifyNanos, options.tolerance());
    Optimality proven = new Optimality(Optimality.Method.EXACT, true, 0, null, 0, exact.reason());
    return judged.withOptimality(proven, 0);
  }

  /**
   * A backend's INFEASIBLE or UNBOUNDED, checked by {@link ClaimCheck}. A confirmed claim stands; otherwise the
   * second backend solves the LP: its answer is verified like any other, and a claim it repeats stands only when the
   * check did not refute it.
   */
  private static VerifiedLp confirmNo(LinearProgram lp, LpResult result, SolveOptions options, int agentCount) {
    boolean unbounded = result.status() == LpStatus.UNBOUNDED;
    BackendSettings requested = options.solver();
    // OR-Tools' GLOP failures are answered by CLP: the claim is the answering backend's.
    Backend claimant = answering(result, requested.backend());
    BackendSettings settings = new BackendSettings(claimant, requested.timeLimit(), requested.threads());
    ClaimCheck.Outcome outcome =
        unbounded
            ? ClaimCheck.unbounded(lp, settings, options.tolerance(), agentCount)
            : ClaimCheck.infeasible(lp, settings, options.tolerance(), agentCount);
    String claim = claimant.cliName() + " answered " + result.status();
    SolveStatus status = statusOf(result.status());
    if (outcome.verdict() == ClaimCheck.Verdict.CONFIRMED) {
      return new VerifiedLp(status, null, result, null, new double[agentCount], 0,
          join(result.message(), claim + ", confirmed: " + outcome.how()));
    }
    String verdict =
        claim
            + (outcome.verdict() == ClaimCheck.Verdict.REFUTED ? ", which is wrong: " : ", not confirmed: ")
            + outcome.how();
    BackendSettings second =
        new BackendSettings(ClaimCheck.secondBackend(claimant), requested.timeLimit(), requested.threads());
    LpResult again = new OrToolsLpSolver().solve(lp, second);
    String secondName = second.backend().cliName();
    if (again.status() == result.status()) {
      if (outcome.verdict() == ClaimCheck.Verdict.UNDECIDED) {
        return new VerifiedLp(status, null, result, null, new double[agentCount], 0,
            join(result.message(), claim + ", confirmed by " + secondName + " (" + outcome.how() + ")"));
      }
      String repeated = join(result.message(), verdict + "; " + secondName + " answered " + again.status());
      if (ClaimCheck.exactIsCheap(lp)) {
        // Both simplex codes are wrong on this LP (bad scaling, as a rule): exact arithmetic from a third basis.
        return exactFallback(lp, result.withMessage(""), options, agentCount, repeated, null);
      }
      return new VerifiedLp(SolveStatus.NUMERICAL_FAILURE, null, result, null, new double[agentCount], 0,
          repeated + " as well");
    }
    LpResult answered = again.withMessage(join(verdict + "; answered by " + secondName, again.message()));
    if (again.status() == LpStatus.INFEASIBLE || again.status() == LpStatus.UNBOUNDED) {
      // The backends disagree on which "no": neither is confirmed.
      return new VerifiedLp(SolveStatus.NUMERICAL_FAILURE, null, answered, null, new double[agentCount], 0,
          answered.message());
    }
    return verify(lp, answered, options, agentCount);
  }

  /** The backend whose answer {@code result} is: CLP when OR-Tools' GLOP failed and CLP answered. */
  private static Backend answering(LpResult result, Backend requested) {
    String name = result.solverName() == null ? "" : result.solverName().toLowerCase(Locale.ROOT);
    if (name.startsWith("clp")) {
      return Backend.CLP;
    }
    if (name.startsWith("glop")) {
      return Backend.GLOP;
    }
    return requested;
  }

  private static SolveStatus statusOf(LpStatus status) {
    return switch (status) {
      case OPTIMAL -> SolveStatus.OPTIMAL;
      case INFEASIBLE -> SolveStatus.INFEASIBLE;
      case UNBOUNDED -> SolveStatus.UNBOUNDED;
      case LIMIT_REACHED -> SolveStatus.TIME_LIMIT;
      case FAILED -> SolveStatus.NUMERICAL_FAILURE;
    };
  }

  private static double[] doubles(BigFraction[] values) {
    double[] out = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = values[i].doubleValue();
    }
    return out;
  }

  /** This verdict with the optimality check recorded in its verification. */
  private VerifiedLp withOptimality(Optimality optimality, long extraNanos) {
    return new VerifiedLp(status, objective, result, verification.withOptimality(optimality), regretPerAgent,
        verifyNanos + extraNanos, message);
  }

  /** This verdict with another message. */
  private VerifiedLp withMessage(String newMessage) {
    return new VerifiedLp(status, objective, result, verification, regretPerAgent, verifyNanos, newMessage);
  }

  /** This feasible point reported as not verified optimal, with the reason. */
  private VerifiedLp notVerified(String why) {
    return new VerifiedLp(SolveStatus.NOT_VERIFIED_OPTIMAL, objective, result, verification, regretPerAgent,
        verifyNanos, join(message, why));
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
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : a + "; " + b;
  }
}
