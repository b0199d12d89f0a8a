package org.mechlp.solver.pipeline;

import java.util.Objects;
import org.mechlp.model.Problem;
import org.mechlp.solver.options.SolveOptions;

/**
 * What to solve and how: the input of {@link SolvePipeline#solve(SolveRequest)}.
 *
 * @param problem the problem, already read and validated
 * @param options backend, tolerance, listed rows and strategy
 * @param mode the {@link SolveMode#name() name} of the mode to run, or {@value #AUTO} for the mode that fits the
 *     problem (calibrated problems the calibrated mode, others the standard one)
 * @param exact certify the optimum in exact rational arithmetic (modes that cannot certify refuse the request)
 * @param diagnose explain an infeasible answer: the conflicting families and rows and the least relaxations
 * @param maxLpRows refuse, before building it, an LP with more rows than this
 * @param curvePoints calibrated problems with two states: grid intervals of V(mu) to compute, 0 for none
 */
public record SolveRequest(
    Problem problem,
    SolveOptions options,
    String mode,
    boolean exact,
    boolean diagnose,
    long maxLpRows,
    int curvePoints) {
  /** The mode name that lets the problem choose its mode. */
  public static final String AUTO = "auto";

  /** The default limit on rows: solved in minutes by GLOP on a laptop (README performance table). */
  public static final long DEFAULT_MAX_LP_ROWS = 2_000_000;

  public SolveRequest {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(mode, "mode");
    if (maxLpRows < 0) {
      throw new InvalidRequestException("--max-lp-rows must be at least 0, got " + maxLpRows);
    }
    if (curvePoints < 0 || curvePoints > 100_000) {
      throw new InvalidRequestException("--curve-points must be from 1 to 100000, got " + curvePoints);
    }
  }

  /** The default request: the mode that fits, default options, diagnosis on, not exact. */
  public static SolveRequest of(Problem problem) {
    return new SolveRequest(problem, SolveOptions.defaults(), AUTO, false, true, DEFAULT_MAX_LP_ROWS, 0);
  }

  /** This request for another problem (a regret benchmark's own problem). */
  public SolveRequest withProblem(Problem newProblem) {
    return new SolveRequest(newProblem, options, mode, exact, diagnose, maxLpRows, curvePoints);
  }

    /** This request with another mode (a {@link SolveMode#name()}). */
  public SolveRequest withMode(String newMode) {
    return new SolveRequest(problem, options, newMode, exact, diagnose, maxLpRows, curvePoints);
  }

  /** This request with other options. */
  public SolveRequest withOptions(SolveOptions newOptions) {
    return new SolveRequest(problem, newOptions, mode, exact, diagnose, maxLpRows, curvePoints);
  }

  /** This request, certified in exact arithmetic or not. */
  public SolveRequest withExact(boolean newExact) {
    return new SolveRequest(problem, options, mode, newExact, diagnose, maxLpRows, curvePoints);
  }

  /** This request with or without the diagnosis of an infeasible answer. */
  public SolveRequest withDiagnose(boolean newDiagnose) {
    return new SolveRequest(problem, options, mode, exact, newDiagnose, maxLpRows, curvePoints);
  }
}
