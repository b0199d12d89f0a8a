package org.mechlp.solver;

import java.util.Objects;
import org.mechlp.solver.lp.SolverSettings;

/**
 * Options of a solve.
 *
 * @param solver the backend and its limits
 * @param tolerance the largest violation, in the problem's units, an answer may have and still be reported optimal
 * @param maxListedRows the most violated or binding rows a report lists (counts are always complete)
 */
public record SolveOptions(SolverSettings solver, double tolerance, int maxListedRows) {
  /** The default tolerance: GLOP's vertices are accurate to about 1e-12, PDLP with mechlp's settings to 1e-8. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  /** The default cap on listed rows. */
  public static final int DEFAULT_MAX_LISTED_ROWS = 200;

  public SolveOptions {
    Objects.requireNonNull(solver, "solver");
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
    }
    if (maxListedRows < 0) {
      throw new IllegalArgumentException("maxListedRows must be >= 0, got " + maxListedRows);
    }
  }

  /** GLOP, no time limit, tolerance 1e-6, 200 listed rows. */
  public static SolveOptions defaults() {
    return new SolveOptions(SolverSettings.defaults(), DEFAULT_TOLERANCE, DEFAULT_MAX_LISTED_ROWS);
  }
}
