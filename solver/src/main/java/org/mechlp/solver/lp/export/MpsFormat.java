package org.mechlp.solver.lp.export;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;

/**
 * Writes a linear program in free MPS format ({@code NAME}, {@code OBJSENSE}, {@code ROWS}, {@code COLUMNS} with
 * integer markers, {@code RHS}, {@code BOUNDS}, {@code ENDATA}), with readable names and numbers written by
 * {@link Decimals}. Every column's bounds are written explicitly, since readers differ in their defaults for
 * integer columns.
 */
public final class MpsFormat {
  private MpsFormat() {}

  /** The free-MPS text of {@code lp}; {@code name} goes into the NAME line (spaces become underscores). */
  public static String write(LinearProgram lp, String name) {
    ExportedLp e = new ExportedLp(lp);
    StringBuilder sb = new StringBuilder();
    sb.append("* written by mechlp: ").append(e.rows.size()).append(" rows, ").append(e.columnCount())
        .append(" columns; numbers exact where the decimal terminates, else to 17 significant digits\n");
    if (e.columnNames.contains(ExportedLp.CONSTANT_COLUMN)) {
      sb.append("* the column ").append(ExportedLp.CONSTANT_COLUMN)
          .append(" is fixed at 1 and carries the objective's constant\n");
    }
    sb.append("* OBJSENSE as CPLEX, HiGHS, SCIP and OR-Tools read it; for GLPK remove it and run glpsol --max\n");
    sb.append("NAME ").append(name.isBlank() ? "mechlp" : name.trim().replaceAll("\\s+", "_")).append('\n');
    sb.append("OBJSENSE\n    ").append(e.maximize ? "MAX" : "MIN").append('\n');
    sb.append("ROWS\n N obj\n");
    for (int i = 0; i < e.rows.size(); i++) {
      sb.append(' ').append(switch (e.rows.get(i).sense()) {
        case LE -> 'L';
        case GE -> 'G';
        case EQ -> 'E';
      }).append(' ').append(e.rowNames.get(i)).append('\n');
    }
    sb.append("COLUMNS\n");
    List<List<int[]>> entries = byColumn(e);
    boolean inInteger = false;
    int markers = 0;
    for (int j = 0; j < e.columnCount(); j++) {
      if (e.integer.get(j) != inInteger) {
        sb.append(" MARKER").append(markers++).append(" 'MARKER' ").append(inInteger ? "'INTEND'" : "'INTORG'")
            .append('\n');
        inInteger = e.integer.get(j);
      }
      String column = e.columnNames.get(j);
      BigFraction c = e.objective.get(j);
      boolean written = false;
      if (c.getNumerator().signum() != 0) {
        sb.append(' ').append(column).append(" obj ").append(Decimals.format(c)).append('\n');
        written = true;
      }
      for (int[] entry : entries.get(j)) {
        Row row = e.rows.get(entry[0]);
        sb.append(' ').append(column).append(' ').append(e.rowNames.get(entry[0])).append(' ')
            .append(Decimals.format(row.coefficients()[entry[1]])).append('\n');
        written = true;
      }
      if (!written) {
        // A column in no row and not in the objective must still be declared.
        sb.append(' ').append(column).append(" obj 0\n");
      }
    }
    if (inInteger) {
      sb.append(" MARKER").append(markers).append(" 'MARKER' 'INTEND'\n");
    }
    sb.append("RHS\n");
    for (int i = 0; i < e.rows.size(); i++) {
      BigFraction rhs = e.rows.get(i).rhs();
      if (rhs.getNumerator().signum() != 0) {
        sb.append(" RHS ").append(e.rowNames.get(i)).append(' ').append(Decimals.format(rhs)).append('\n');
      }
    }
    sb.append("BOUNDS\n");
    for (int j = 0; j < e.columnCount(); j++) {
      bounds(sb, e.columnNames.get(j), e.bounds.get(j));
    }
    sb.append("ENDATA\n");
    return sb.toString();
  }

  /** Per column, the (row index, position in the row) of its non-zero coefficients, in row order. */
  private static List<List<int[]>> byColumn(ExportedLp e) {
    List<List<int[]>> entries = new ArrayList<>(e.columnCount());
    for (int j = 0; j < e.columnCount(); j++) {
      entries.add(new ArrayList<>());
    }
    for (int i = 0; i < e.rows.size(); i++) {
      Row row = e.rows.get(i);
      for (int k = 0; k < row.columns().length; k++) {
        if (row.coefficients()[k].getNumerator().signum() != 0) {
          entries.get(row.columns()[k]).add(new int[] {i, k});
        }
      }
    }
    return entries;
  }

  private static void bounds(StringBuilder sb, String column, ColumnBounds b) {
    if (b.lower() == null && b.upper() == null) {
      sb.append(" FR BND ").append(column).append('\n');
      return;
    }
    if (b.lower() != null && b.upper() != null && b.lower().equals(b.upper())) {
      sb.append(" FX BND ").append(column).append(' ').append(Decimals.format(b.lower())).append('\n');
      return;
    }
    if (b.lower() == null) {
      sb.append(" MI BND ").append(column).append('\n');
    } else {
      sb.append(" LO BND ").append(column).append(' ').append(Decimals.format(b.lower())).append('\n');
    }
    if (b.upper() == null) {
      sb.append(" PL BND ").append(column).append('\n');
    } else {
      sb.append(" UP BND ").append(column).append(' ').append(Decimals.format(b.upper())).append('\n');
    }
  }
}
