package org.mechlp.solver.lp;

import java.util.ArrayList;
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

  /** All rows, materialized; for small problems and tests. */
  default List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    forEachRow(rows::add);
    return rows;
  }
}
