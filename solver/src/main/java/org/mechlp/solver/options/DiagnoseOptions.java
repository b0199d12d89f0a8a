package org.mechlp.solver.options;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits on the work of a diagnosis, so that "why infeasible?" never costs much more than the solve itself.
 *
 * @param maxLpRowsForRowLevel above this many LP rows only the family level and the relaxations run
 * @param maxCandidateRows the largest Farkas support the row deletion filter reduces; a larger one is reported as a
 *     conflicting set that is not irreducible
 * @param timeBudget the wall-clock time after which the row deletion filter stops (and says so)
 */
public record DiagnoseOptions(long maxLpRowsForRowLevel, int maxCandidateRows, Duration timeBudget) {
  /** The default row-level limit on the LP size. */
  public static final long DEFAULT_MAX_LP_ROWS = 50_000;

  /** The default cap on rows the deletion filter reduces. */
  public static final int DEFAULT_MAX_CANDIDATE_ROWS = 400;

  /** The default time budget of the row deletion filter. */
  public static final Duration DEFAULT_TIME_BUDGET = Duration.ofSeconds(30);

  public DiagnoseOptions {
    Objects.requireNonNull(timeBudget, "timeBudget");
    if (maxLpRowsForRowLevel < 0 || maxCandidateRows < 0) {
      throw new IllegalArgumentException("limits must be non-negative");
    }
  }

  /** 50,000 LP rows, 400 candidate rows, 30 seconds. */
  public static DiagnoseOptions defaults() {
    return new DiagnoseOptions(DEFAULT_MAX_LP_ROWS, DEFAULT_MAX_CANDIDATE_ROWS, DEFAULT_TIME_BUDGET);
  }
}
