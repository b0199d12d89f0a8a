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
   * {@link ConstraintFamily#scan} restricted to the rows of units {@code from} (inclusive) to {@code to} (exclusive).
   * Safe to call from several threads at once on disjoint ranges; each call uses its own key array.
   */
  void scanUnits(double[] x, double threshold, int from, int to, ConstraintFamily.ScanSink sink);
}
