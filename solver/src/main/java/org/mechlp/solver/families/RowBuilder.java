package org.mechlp.solver.families;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Accumulates the terms of one row, then emits them in increasing column order with repeated columns merged and
 * zero coefficients dropped. One builder is reused for every row a family streams, so it is not thread-safe.
 */
final class RowBuilder {
  private int[] columns = new int[16];
  private BigFraction[] coefficients = new BigFraction[16];
  private int size;

  /** Adds {@code coefficient * column}; a zero coefficient is ignored. */
  RowBuilder add(int column, BigFraction coefficient) {
    if (Fractions.isZero(coefficient)) {
      return this;
    }
    if (size == columns.length) {
      columns = Arrays.copyOf(columns, 2 * size);
      coefficients = Arrays.copyOf(coefficients, 2 * size);
    }
    columns[size] = column;
    coefficients[size] = coefficient;
    size++;
    return this;
  }

  /** The row of the terms added since the last build; the builder is empty afterwards. */
  Row build(ConstraintFamily family, int[] key, Sense sense, BigFraction rhs) {
    // Sort by (column, insertion position): columns are non-negative, so they fit the high half of a long.
    long[] order = new long[size];
    for (int k = 0; k < size; k++) {
      order[k] = ((long) columns[k] << 32) | k;
    }
    Arrays.sort(order);
    int[] cols = new int[size];
    BigFraction[] coefs = new BigFraction[size];
    int n = 0;
    for (long packed : order) {
      int column = (int) (packed >>> 32);
      BigFraction c = coefficients[(int) packed];
      if (n > 0 && cols[n - 1] == column) {
        coefs[n - 1] = coefs[n - 1].add(c);
      } else {
        cols[n] = column;
        coefs[n] = c;
        n++;
      }
    }
    // Merged terms may cancel.
    int kept = 0;
    for (int k = 0; k < n; k++) {
      if (!Fractions.isZero(coefs[k])) {
        cols[kept] = cols[k];
        coefs[kept] = coefs[k];
        kept++;
      }
    }
    Arrays.fill(coefficients, 0, size, null);
    size = 0;
    return new Row(family, key, Arrays.copyOf(cols, kept), Arrays.copyOf(coefs, kept), sense, rhs);
  }
}
