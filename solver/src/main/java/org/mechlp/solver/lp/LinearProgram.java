package org.mechlp.solver.lp;

import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A solver-neutral linear program: columns with bounds and names, an objective, and rows supplied by constraint
 * families. Rows are not held here: backends and verifiers stream them from the families, so row {@code r} is the
 * r-th row emitted when the families are walked in order.
 */
public final class LinearProgram {
  private final List<ColumnBounds> bounds;
  private final IntFunction<String> columnNames;
  private final LinearObjective objective;
  private final List<ConstraintFamily> families;

  /** A program over {@code bounds.size()} columns. */
  public LinearProgram(
      List<ColumnBounds> bounds,
      IntFunction<String> columnNames,
      LinearObjective objective,
      List<ConstraintFamily> families) {
    this.bounds = List.copyOf(bounds);
    this.columnNames = Objects.requireNonNull(columnNames, "columnNames");
    this.objective = Objects.requireNonNull(objective, "objective");
    this.families = List.copyOf(families);
    if (objective.coefficients().length != bounds.size()) {
      throw new IllegalArgumentException("one objective coefficient per column expected");
    }
  }

  /** Number of columns. */
  public int columnCount() {
    return bounds.size();
  }

  /** The bounds of every column. */
  public List<ColumnBounds> bounds() {
    return bounds;
  }

  /** The readable name of a column. */
  public String columnName(int column) {
    return columnNames.apply(column);
  }

  /** The objective. */
  public LinearObjective objective() {
    return objective;
  }

  /** The constraint families, in row order. */
  public List<ConstraintFamily> families() {
    return families;
  }

  /** Total number of rows over all families. */
  public long rowCount() {
    long rows = 0;
    for (ConstraintFamily f : families) {
      rows += f.rowCount();
    }
    return rows;
  }
}
