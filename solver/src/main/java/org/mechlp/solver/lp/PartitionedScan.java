package org.mechlp.solver.lp;

/**
 * A {@link ConstraintFamily#scan fast scan} that splits into independent units (for example the true type
 * profiles), so a verifier can scan 10^9 incentive rows on several cores. Every row belongs to exactly one unit, and
 * scanning all units emits the same rows with the same shortfalls as {@link ConstraintFamily#scan}, possibly in
 * another order. The rows are {@code >=} rows (incentive constraints).
 */
public interface PartitionedScan {
  /** The number of units, 0 .. units() - 1. */
  int scanUnits();

  /**
   * Scans the rows of units {@code from} (inclusive) to {@code to} (exclusive) at {@code x}, with the shortfall of
   * {@link ConstraintFamily#scan}: emits every row whose shortfall is above 0 or NaN (violated, or binding up to
   * rounding) and only counts the rows whose shortfall lies in (-tolerance, 0] (binding, not violated), so that the
   * millions of exactly binding rows of a typical optimum cost no call. Safe to call from several threads at once on
   * disjoint ranges; each call uses its own key array.
   *
   * @return the rows counted and not emitted
   */
  long scanUnits(double[] x, double tolerance, int from, int to, ConstraintFamily.ScanSink sink);
}
