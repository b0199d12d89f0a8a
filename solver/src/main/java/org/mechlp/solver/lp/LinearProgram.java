package org.mechlp.solver.lp;

import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A solver-neutral linear program: columns with bounds and names, an objective, and rows supplied by constraint
 * families. Rows are not held here: backends and verifiers stream them from the families, so row {@code r} is the
 * r-th row emitted when the families are walked in order. Some columns may be integer, which makes the program a
 * mixed-integer program (deterministic mechanisms); by default every column is continuous.
 */
public final class LinearProgram {
  private final List<ColumnBounds> bounds;
  private final IntFunction<String> columnNames;
  private final LinearObjective objective;
  private final List<ConstraintFamily> families;
  private final BitSet integerColumns;

  /** A program over {@code bounds.size()} continuous columns. */
  public LinearProgram(
      List<ColumnBounds> bounds,
      IntFunction<String> columnNames,
      LinearObjective objective,
      List<ConstraintFamily> families) {
    this(bounds, columnNames, objective, families, new BitSet());
  }

  /** A program whose columns in {@code integerColumns} must take integer values (a copy is kept). */
  public LinearProgram(
      List<ColumnBounds> bounds,
      IntFunction<String> columnNames,
      LinearObjective objective,
      List<ConstraintFamily> families,
      BitSet integerColumns) {
    this.integerColumns = (BitSet) integerColumns.clone();
    if (this.integerColumns.length() > bounds.size()) {
      throw new IllegalArgumentException("integer column " + (this.integerColumns.length() - 1) + " out of range");
    }
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

  /** Whether column {@code column} must take an integer value. */
  public boolean isInteger(int column) {
    return integerColumns.get(column);
  }

  /** Whether any column is integer, i.e. whether this is a mixed-integer program. */
  public boolean hasIntegerColumns() {
    return !integerColumns.isEmpty();
  }

  /** This program with the given columns integer as well (the ones already integer stay so). */
  public LinearProgram withIntegerColumns(BitSet columns) {
    BitSet all = (BitSet) integerColumns.clone();
    all.or(columns);
    return new LinearProgram(bounds, columnNames, objective, families, all);
  }

  /** This program with another objective, keeping columns, rows and integrality. */
  public LinearProgram withObjective(LinearObjective newObjective) {
    return new LinearProgram(bounds, columnNames, newObjective, families, integerColumns);
  }
}
