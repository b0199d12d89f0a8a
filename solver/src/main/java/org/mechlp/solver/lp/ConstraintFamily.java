package org.mechlp.solver.lp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * One family of linear constraints of a compiled problem (feasibility, an IC variant, an IR variant, a budget
 * variant, transfer bounds, a fixed allocation). A family is pure: the same problem gives the same rows in the same
 * order. It streams its rows rather than returning a list, so a verifier can scan millions of rows and keep only the
 * violated ones, and each row can be named and described from its key alone.
 */
public interface ConstraintFamily {
  /** Short stable identifier used in row names and reports, for example {@code "ic-dsic"}. */
  String id();

  /** What the family enforces, in a few words, for example "dominant-strategy incentive compatibility". */
  String title();

  /** The exact number of rows {@link #forEachRow} emits. */
  long rowCount();

  /** Emits every row, in a deterministic order. */
  void forEachRow(Consumer<Row> sink);

  /** The stable, readable name of the row with this key. */
  String rowName(int[] key);

  /** The row with this key in words. */
  String describe(int[] key);

  /** The agent the row with this key protects (IC, IR), or -1 when it concerns no single agent. */
  default int agentOf(int[] key) {
    return -1;
  }

  /** Whether the rows are incentive constraints (their violation is a gain from misreporting). */
  default boolean isIncentiveConstraint() {
    return false;
  }

  /**
   * Receives the rows a {@link #scan} finds. The key array may be reused by the family after the call returns, so a
   * sink that keeps it must copy it.
   */
  @FunctionalInterface
  interface ScanSink {
    /**
     * One row whose shortfall exceeds the threshold.
     *
     * @param key the row's key (valid during the call only)
     * @param shortfall how far the point is on the wrong side of the row: the violation when positive, minus the
     *     slack otherwise (so a binding row has shortfall 0)
     */
    void accept(int[] key, double shortfall);
  }

  /**
   * Calls {@code sink} for every row whose shortfall at {@code x} exceeds {@code threshold}: {@code threshold = 0}
   * finds the violated rows, {@code threshold = -tol} also the rows binding within {@code tol}. The default streams
   * the rows; families with millions of rows override it with a floating-point path that never builds a {@link Row}
   * (see {@link #hasFastScan}), which agrees with the row stream up to rounding.
   */
  default void scan(double[] x, double threshold, ScanSink sink) {
    forEachRow(
        row -> {
          double shortfall = -row.slack(x);
          if (!(shortfall <= threshold)) { // NaN included: a broken point must not pass
            sink.accept(row.key(), shortfall);
          }
        });
  }

  /** Whether {@link #scan} is a fast path that builds no rows, so scanning 10^8 rows takes seconds. */
  default boolean hasFastScan() {
    return false;
  }

  /**
   * The row with this key, built alone (so violated rows found by a {@link #scan} can be added to an LP). The
   * default streams every row until it finds the key; families with fast scans override it.
   */
  default Row rowOf(int[] key) {
    Row[] found = new Row[1];
    forEachRow(
        row -> {
          if (found[0] == null && Arrays.equals(row.key(), key)) {
            found[0] = row;
          }
        });
    if (found[0] == null) {
      throw new IllegalArgumentException(id() + " has no row " + Arrays.toString(key));
    }
    return found[0];
  }

  /** The sense of the row with this key; families with fast scans override it so that no row is built. */
  default Sense senseOf(int[] key) {
    return rowOf(key).sense();
  }

  /**
   * For an incentive family: emits the key of every row saying that {@code agent} of true type {@code type} must not
   * gain by reporting {@code misreport} (one per profile of the others for ex post IC, one for BIC, none when the
   * type has no rows). Other families emit nothing.
   */
  default void misreportKeys(int agent, int type, int misreport, Consumer<int[]> sink) {}

  /** All rows, materialized; for small problems and tests. */
  default List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    forEachRow(rows::add);
    return rows;
  }
}
