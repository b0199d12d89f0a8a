package org.mechlp.solver;

/**
 * Options of a check.
 *
 * @param tolerance the largest violation tolerated when the mechanism is given in floating point (exact mechanisms
 *     are checked exactly: any violation fails)
 * @param maxListedRows the most violated rows a report lists (counts are always complete)
 */
public record CheckOptions(double tolerance, int maxListedRows) {
  public CheckOptions {
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
    }
    if (maxListedRows < 0) {
      throw new IllegalArgumentException("maxListedRows must be >= 0, got " + maxListedRows);
    }
  }

  /** Tolerance 1e-9 (for floating-point mechanisms), 200 listed rows. */
  public static CheckOptions defaults() {
    return new CheckOptions(1e-9, SolveOptions.DEFAULT_MAX_LISTED_ROWS);
  }
}
