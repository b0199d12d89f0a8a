package org.mechlp.solver.datadriven;

import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/** A linear expression being built: exact coefficients by column plus a constant; becomes a {@link Row}. */
final class Terms {
  private final TreeMap<Integer, BigFraction> coefficients = new TreeMap<>();
  private BigFraction constant = BigFraction.ZERO;

  /** Adds {@code c * column}. */
  Terms add(int column, BigFraction c) {
    if (!Fractions.isZero(c)) {
      coefficients.merge(column, c, BigFraction::add);
    }
    return this;
  }

  /** Adds a constant. */
  Terms addConstant(BigFraction c) {
    constant = constant.add(c);
    return this;
  }

  /** The constant part. */
  BigFraction constant() {
    return constant;
  }

  /** The coefficient of a column (0 when absent). */
  BigFraction coefficient(int column) {
    return coefficients.getOrDefault(column, BigFraction.ZERO);
  }

  /** The row {@code expression (sense) rhs}, the constant moved to the right-hand side. */
  Row row(ConstraintFamily family, int[] key, Sense sense, BigFraction rhs) {
    int n = 0;
    for (BigFraction c : coefficients.values()) {
      if (!Fractions.isZero(c)) {
        n++;
      }
    }
    int[] columns = new int[n];
    BigFraction[] values = new BigFraction[n];
    int k = 0;
    for (Map.Entry<Integer, BigFraction> e : coefficients.entrySet()) {
      if (!Fractions.isZero(e.getValue())) {
        columns[k] = e.getKey();
        values[k] = e.getValue();
        k++;
      }
    }
    return new Row(family, key, columns, values, sense, rhs.subtract(constant));
  }
}
