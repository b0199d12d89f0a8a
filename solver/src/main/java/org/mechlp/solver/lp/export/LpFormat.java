package org.mechlp.solver.lp.export;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;

/**
 * Writes a linear program in the CPLEX LP format: objective, {@code Subject To}, {@code Bounds}, {@code General}
 * (integer columns), {@code End}, with readable row and column names and numbers written by {@link Decimals}.
 */
public final class LpFormat {
  /** Terms per line; LP readers limit line lengths (CPLEX to 560 characters). */
  private static final int TERMS_PER_LINE = 6;

  private LpFormat() {}

  /** The LP-format text of {@code lp}; {@code title} goes into the header comment. */
  public static String write(LinearProgram lp, String title) {
    ExportedLp e = new ExportedLp(lp);
    StringBuilder sb = new StringBuilder();
    sb.append("\\ ").append(title.replace('\n', ' ')).append('\n');
    sb.append("\\ written by mechlp: ").append(e.rows.size()).append(" rows, ").append(e.columnCount())
        .append(" columns; numbers exact where the decimal terminates, else to 17 significant digits\n");
    if (e.columnNames.contains(ExportedLp.CONSTANT_COLUMN)) {
      sb.append("\\ the column ").append(ExportedLp.CONSTANT_COLUMN)
          .append(" is fixed at 1 and carries the objective's constant\n");
    }
    sb.append(e.maximize ? "Maximize\n" : "Minimize\n");
    sb.append(" obj:");
    int terms = 0;
    for (int j = 0; j < e.columnCount(); j++) {
      BigFraction c = e.objective.get(j);
      if (c.getNumerator().signum() != 0) {
        terms = term(sb, c, e.columnNames.get(j), terms);
      }
    }
    if (terms == 0) {
      // An objective needs a term: a zero coefficient on the first column (a feasibility problem).
      sb.append(" 0 ").append(e.columnCount() > 0 ? e.columnNames.get(0) : "");
    }
    sb.append("\nSubject To\n");
    for (int i = 0; i < e.rows.size(); i++) {
      Row row = e.rows.get(i);
      sb.append(' ').append(e.rowNames.get(i)).append(':');
      int rowTerms = 0;
      for (int k = 0; k < row.columns().length; k++) {
        if (row.coefficients()[k].getNumerator().signum() != 0) {
          rowTerms = term(sb, row.coefficients()[k], e.columnNames.get(row.columns()[k]), rowTerms);
        }
      }
      if (rowTerms == 0) {
        sb.append(" 0 ").append(e.columnNames.get(0));
      }
      sb.append(' ').append(row.sense().symbol()).append(' ').append(Decimals.format(row.rhs())).append('\n');
    }
    sb.append("Bounds\n");
    for (int j = 0; j < e.columnCount(); j++) {
      bound(sb, e.columnNames.get(j), e.bounds.get(j));
    }
    boolean anyInteger = e.integer.contains(true);
    if (anyInteger) {
      sb.append("General\n");
      for (int j = 0; j < e.columnCount(); j++) {
        if (e.integer.get(j)) {
          sb.append(' ').append(e.columnNames.get(j)).append('\n');
        }
      }
    }
    sb.append("End\n");
    return sb.toString();
  }

  /** Appends {@code + c name} or {@code - |c| name}, starting a new line every few terms; returns the term count. */
  private static int term(StringBuilder sb, BigFraction c, String name, int terms) {
    if (terms > 0 && terms % TERMS_PER_LINE == 0) {
      sb.append("\n   ");
    }
    sb.append(c.getNumerator().signum() < 0 ? " - " : " + ").append(Decimals.format(c.abs())).append(' ')
        .append(name);
    return terms + 1;
  }

  /** The bounds line of a column; LP's default is [0, +inf), written too, so that every column is listed. */
  private static void bound(StringBuilder sb, String name, ColumnBounds b) {
    sb.append(' ');
    if (b.lower() == null && b.upper() == null) {
      sb.append(name).append(" free");
    } else if (b.lower() != null && b.upper() != null && b.lower().equals(b.upper())) {
      sb.append(name).append(" = ").append(Decimals.format(b.lower()));
    } else if (b.upper() == null) {
      sb.append(name).append(" >= ").append(Decimals.format(b.lower()));
    } else {
      sb.append(b.lower() == null ? "-inf" : Decimals.format(b.lower())).append(" <= ").append(name);
      sb.append(" <= ").append(Decimals.format(b.upper()));
    }
    sb.append('\n');
  }
}
