package org.mechlp.solver.lp;

import java.util.Objects;

/**
 * The final simplex basis a backend reported: one status per column and one per row (rows in family order). Only
 * simplex backends (GLOP, CLP) have one; exact certification rebuilds the basic solution from it in rational
 * arithmetic.
 *
 * @param columns the status of every column
 * @param rows the status of every row
 */
public record LpBasis(BasisStatus[] columns, BasisStatus[] rows) {
  public LpBasis {
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(rows, "rows");
  }

  /** How many columns and rows are basic. */
  public int basicCount() {
    int count = 0;
    for (BasisStatus s : columns) {
      if (s == BasisStatus.BASIC) {
        count++;
      }
    }
    for (BasisStatus s : rows) {
      if (s == BasisStatus.BASIC) {
        count++;
      }
    }
    return count;
  }
}
