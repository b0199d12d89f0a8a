package org.mechlp.solver.options;

/**
 * Options of a check.
 *
 * @param tolerance the largest violation tolerated; for an exact mechanism the exact violation is compared with it,
 *     so 0 demands that every row hold exactly (a positive value forgives the floating-point noise in the decimals
 *     of a mechanism copied from a solve report)
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

  /** The solver's default tolerance (1e-6) and 200 listed rows. */
  public static CheckOptions defaults() {
    return new CheckOptions(SolveOptions.DEFAULT_TOLERANCE, SolveOptions.DEFAULT_MAX_LISTED_ROWS);
  }
}
