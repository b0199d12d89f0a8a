package org.mechlp.solver.compare;

import java.util.Objects;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.pipeline.SolveRequest;

/**
 * How to compare.
 *
 * @param solve the backend, time limit (one deadline for every row) and tolerance of every row's solve; the
 *     deterministic rows use SCIP with the same deadline
 * @param exact certify every optimum (and every infeasibility) in exact arithmetic
 * @param jobs how many rows are solved at once (each row's LP is independent)
 * @param maxLpRows a row whose LP would have more rows than this is refused (and shown as failed)
 * @param builtIns the built-in mechanisms to list
 */
public record CompareOptions(
    SolveOptions solve, boolean exact, int jobs, long maxLpRows, BuiltInSource builtIns) {
  public CompareOptions {
    Objects.requireNonNull(solve, "solve");
    Objects.requireNonNull(builtIns, "builtIns");
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1, got " + jobs);
    }
    if (maxLpRows < 0) {
      throw new IllegalArgumentException("maxLpRows must be at least 0, got " + maxLpRows);
    }
  }

  /** Default solve options, not exact, one job, the default row limit, the given built-in mechanisms. */
  public static CompareOptions defaults(BuiltInSource builtIns) {
    return new CompareOptions(SolveOptions.defaults(), false, 1, SolveRequest.DEFAULT_MAX_LP_ROWS, builtIns);
  }

  /** These options with {@code newJobs} threads. */
  public CompareOptions withJobs(int newJobs) {
    return new CompareOptions(solve, exact, newJobs, maxLpRows, builtIns);
  }

  /** These options, certified in exact arithmetic or not. */
  public CompareOptions withExact(boolean newExact) {
    return new CompareOptions(solve, newExact, jobs, maxLpRows, builtIns);
  }
}
