package org.mechlp.solver.verify;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Certifier;
import org.mechlp.solver.certify.InfeasibilityCertification;
import org.mechlp.solver.certify.InfeasibilityProver;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.Optimality;

/**
 * Confirms or refutes a backend's "no" (INFEASIBLE, UNBOUNDED) by a second method, independently of the backend
 * that said it: a different LP whose optimum settles the question, solved by another simplex code, its point and
 * optimality re-checked against the problem's own rows, and certified in exact arithmetic when the floating-point
 * answer is not clear and the LP is small.
 *
 * <ul>
 *   <li>UNBOUNDED: the rows alone must have a point ({@link SolutionVerifier}), and the ray LP ({@link RayProgram})
 *       must have optimum 1: a direction that keeps every row and bound and gains a unit of objective.
 *   <li>INFEASIBLE: the elastic LP (least total violation of the rows) must have a positive optimum; exactly, this
 *       is a Farkas certificate ({@link InfeasibilityProver}).
 * </ul>
 */
public final class ClaimCheck {
  private ClaimCheck() {}

  /** Exact arithmetic is tried only on LPs with at most this many columns (sparse exact LU; about a second). */
  public static final int EXACT_MAX_COLUMNS = 3_000;

  /** ... and at most this many rows. */
  public static final long EXACT_MAX_ROWS = 20_000;

  /** Whether exact certification of {@code lp} is cheap enough to try after a floating-point doubt. */
  public static boolean exactIsCheap(LinearProgram lp) {
    return lp.columnCount() <= EXACT_MAX_COLUMNS && lp.rowCount() <= EXACT_MAX_ROWS && !lp.hasIntegerColumns();
  }

  /** What the check found. */
  public enum Verdict {
    CONFIRMED,
    REFUTED,
    UNDECIDED
  }

  /**
   * The outcome of a check.
   *
   * @param verdict whether the claim holds
   * @param how how it was settled, in words
   */
  public record Outcome(Verdict verdict, String how) {}

  /**
   * The simplex backend that checks a claim of {@code claimant}: CLP for GLOP's claims (another code), GLOP
   * otherwise.
   */
  public static Backend secondBackend(Backend claimant) {
    return claimant == Backend.GLOP ? Backend.CLP : Backend.GLOP;
  }

  /**
   * Checks that {@code lp} is unbounded ({@code agentCount} sizes the verifier's per-agent regrets), with the second
   * backend and, if that does not settle it, the other simplex code.
   */
  public static Outcome unbounded(LinearProgram lp, BackendSettings claimant, double tolerance, int agentCount) {
    Outcome first = unboundedWith(lp, second(claimant), tolerance, agentCount);
    if (first.verdict() != Verdict.UNDECIDED) {
      return first;
    }
    Outcome other = unboundedWith(lp, third(claimant), tolerance, agentCount);
    return other.verdict() != Verdict.UNDECIDED
        ? other
        : new Outcome(Verdict.UNDECIDED, first.how() + "; " + other.how());
  }

  private static Outcome unboundedWith(
      LinearProgram lp, BackendSettings settings, double tolerance, int agentCount) {
    LpSolver solver = new OrToolsLpSolver();
    LpResult rows = solver.solve(withoutObjective(lp), settings);
    if (rows.status() == LpStatus.INFEASIBLE) {
      Outcome infeasible = infeasibleWith(lp, settings, tolerance, agentCount);
      if (infeasible.verdict() == Verdict.CONFIRMED) {
        return new Outcome(Verdict.REFUTED, "the rows have no common point (" + infeasible.how() + ")");
      }
    }
    if (rows.status() != LpStatus.OPTIMAL || rows.primal() == null) {
      return new Outcome(Verdict.UNDECIDED, "the rows alone ended " + rows.status() + " with " + name(settings));
    }
    double violation =
        SolutionVerifier.verify(lp, rows.primal(), null, tolerance, 0, agentCount).verification().maxViolation();
    if (!(violation <= tolerance)) {
      return new Outcome(Verdict.UNDECIDED, String.format(Locale.ROOT,
          "the point %s found for the rows alone violates them by %.3g", name(settings), violation));
    }
    LinearProgram ray = RayProgram.of(lp);
    Settled settled = settle(ray, solver, settings, tolerance, agentCount);
    return switch (settled.verdict) {
      case CONFIRMED -> new Outcome(Verdict.CONFIRMED,
          "a feasible point and an improving ray were found by " + name(settings) + " and " + settled.how);
      case REFUTED -> new Outcome(Verdict.REFUTED,
          "no direction keeps every row and improves the objective (" + settled.how + ")");
      case UNDECIDED -> new Outcome(Verdict.UNDECIDED, "the ray LP was not settled: " + settled.how);
    };
  }

  /** Checks that {@code lp} is infeasible, like {@link #unbounded}. */
  public static Outcome infeasible(LinearProgram lp, BackendSettings claimant, double tolerance, int agentCount) {
    Outcome first = infeasibleWith(lp, second(claimant), tolerance, agentCount);
    if (first.verdict() != Verdict.UNDECIDED) {
      return first;
    }
    Outcome other = infeasibleWith(lp, third(claimant), tolerance, agentCount);
    return other.verdict() != Verdict.UNDECIDED
        ? other
        : new Outcome(Verdict.UNDECIDED, first.how() + "; " + other.how());
  }

  private static Outcome infeasibleWith(
      LinearProgram lp, BackendSettings settings, double tolerance, int agentCount) {
    LpSolver solver = new OrToolsLpSolver();
    LpResult elastic = solver.solve(InfeasibilityProver.elastic(lp), settings);
    if (elastic.status() == LpStatus.OPTIMAL && elastic.primal() != null) {
      LinearProgram elasticLp = InfeasibilityProver.elastic(lp);
      double objective = elasticLp.objective().value(elastic.primal());
      double violation =
          SolutionVerifier.verify(elasticLp, elastic.primal(), null, tolerance, 0, agentCount).verification().maxViolation();
      if (violation <= tolerance && elastic.duals() != null) {
        Optimality optimality = OptimalityCheck.check(elasticLp, elastic.primal(), elastic.duals(), objective, 0);
        double lowerBound = objective - optimality.gap();
        if (optimality.maxDualViolation() <= tolerance && lowerBound > tolerance) {
          return new Outcome(Verdict.CONFIRMED, String.format(Locale.ROOT,
              "%s: every point violates the rows by %.6g in total at least (least total violation, its duals"
                  + " re-checked)", name(settings), lowerBound));
        }
        if (objective <= tolerance) {
          return new Outcome(Verdict.REFUTED, String.format(Locale.ROOT,
              "%s found a point violating the rows by %.3g in total at most", name(settings), objective));
        }
      }
    }
    if (!exactIsCheap(lp)) {
      return new Outcome(Verdict.UNDECIDED, "the least-violation LP ended " + elastic.status() + " with "
          + name(settings) + " and the LP is too large for exact arithmetic");
    }
    InfeasibilityCertification proof = InfeasibilityProver.prove(lp, solver, settings, resolver(settings));
    if (proof.certified()) {
      return new Outcome(Verdict.CONFIRMED, "Farkas certificate checked in exact arithmetic");
    }
    return new Outcome(
        proof.reason().contains("the LP is feasible") ? Verdict.REFUTED : Verdict.UNDECIDED, proof.reason());
  }

  private record Settled(Verdict verdict, String how) {}

  /** Settles the ray LP: optimum 1 (a ray) or 0 (none), from the duals or exactly. */
  private static Settled settle(
      LinearProgram ray, LpSolver solver, BackendSettings settings, double tolerance, int agentCount) {
    LpResult result = solver.solve(ray, settings);
    if (result.status() == LpStatus.OPTIMAL && result.primal() != null) {
      double objective = ray.objective().value(result.primal());
      double violation =
          SolutionVerifier.verify(ray, result.primal(), null, tolerance, 0, agentCount).verification().maxViolation();
      if (violation <= tolerance && objective >= 1 - tolerance) {
        return new Settled(Verdict.CONFIRMED, String.format(Locale.ROOT,
            "the ray re-checked against every row (largest violation %.3g per unit of objective)", violation));
      }
      if (violation <= tolerance && result.duals() != null) {
        Optimality optimality = OptimalityCheck.check(ray, result.primal(), result.duals(), objective, tolerance);
        if (optimality.verified() && objective + optimality.gap() <= tolerance) {
          return new Settled(Verdict.REFUTED, String.format(Locale.ROOT,
              "%s, duals re-checked: the objective gains at most %.3g along any direction", name(settings),
              objective + optimality.gap()));
        }
      }
    }
    if (!exactIsCheap(ray) || result.basis() == null) {
      return new Settled(Verdict.UNDECIDED, "the ray LP ended " + result.status() + " with " + name(settings));
    }
    Certification exact = Certifier.certify(ray, result.basis(), resolver(settings));
    if (!exact.certified()) {
      return new Settled(Verdict.UNDECIDED, "exact certification of the ray LP failed: " + exact.reason());
    }
    return exact.objective().getNumerator().signum() > 0
        ? new Settled(Verdict.CONFIRMED, "the ray verified in exact arithmetic")
        : new Settled(Verdict.REFUTED, "proven in exact arithmetic");
  }

  private static BackendSettings second(BackendSettings claimant) {
    return new BackendSettings(secondBackend(claimant.backend()), claimant.timeLimit(), claimant.threads());
  }

  /** The simplex code other than the second backend (GLOP itself for GLOP's claims: on different LPs). */
  private static BackendSettings third(BackendSettings claimant) {
    Backend other = secondBackend(claimant.backend()) == Backend.GLOP ? Backend.CLP : Backend.GLOP;
    return new BackendSettings(other, claimant.timeLimit(), claimant.threads());
  }

  private static Function<LinearProgram, LpResult> resolver(BackendSettings settings) {
    return program -> OrToolsLpSolver.solveForExactBasis(program, settings);
  }

  private static String name(BackendSettings settings) {
    return settings.backend() == Backend.CLP ? "CLP" : "GLOP";
  }

  /** {@code lp} with a zero objective: its optimum is any point of its rows. */
  static LinearProgram withoutObjective(LinearProgram lp) {
    BigFraction[] zeros = new BigFraction[lp.columnCount()];
    Arrays.fill(zeros, BigFraction.ZERO);
    return lp.withObjective(new LinearObjective(true, zeros, BigFraction.ZERO));
  }
}
