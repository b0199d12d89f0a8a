package org.mechlp.solver.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.WrappedFamily;

/**
 * A badly scaled LP rescaled exactly by powers of two (geometric-mean equilibration: each row, then each column,
 * divided by the geometric mean of its smallest and largest coefficient), for a double-precision backend to find a
 * basis on. Positive row and column scaling changes no basis: a basis of the rescaled LP is a basis of the original,
 * and exact certification then works on the original LP. For small LPs only (the row scales are held).
 */
final class EquilibratedProgram {
  private EquilibratedProgram() {}

  /** The rescaled copy of {@code lp}. */
  static LinearProgram of(LinearProgram lp) {
    int n = lp.columnCount();
    List<Row> rows = new ArrayList<>();
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(rows::add);
    }
    int[] rowExponent = new int[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      double[] range = range(rows.get(i).coefficients());
      rowExponent[i] = range == null ? 0 : -midExponent(range);
    }
    double[] columnMin = new double[n];
    double[] columnMax = new double[n];
    java.util.Arrays.fill(columnMin, Double.POSITIVE_INFINITY);
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      for (int k = 0; k < row.columns().length; k++) {
        double a = Math.abs(row.coefficients()[k].doubleValue()) * Math.scalb(1.0, rowExponent[i]);
        if (a > 0) {
          int j = row.columns()[k];
          columnMin[j] = Math.min(columnMin[j], a);
          columnMax[j] = Math.max(columnMax[j], a);
        }
      }
    }
    int[] columnExponent = new int[n];
    for (int j = 0; j < n; j++) {
      columnExponent[j] = columnMax[j] == 0 ? 0 : -midExponent(new double[] {columnMin[j], columnMax[j]});
    }
    List<ColumnBounds> bounds = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      // x = s x': bounds divide by s.
      BigFraction inverse = power(-columnExponent[j]);
      ColumnBounds b = lp.bounds().get(j);
      bounds.add(
          new ColumnBounds(
              b.lower() == null ? null : b.lower().multiply(inverse),
              b.upper() == null ? null : b.upper().multiply(inverse)));
    }
    BigFraction[] c = lp.objective().coefficients();
    BigFraction[] scaledObjective = new BigFraction[n];
    for (int j = 0; j < n; j++) {
      scaledObjective[j] = c[j].multiply(power(columnExponent[j]));
    }
    List<ConstraintFamily> families = new ArrayList<>();
    int[] first = {0};
    for (ConstraintFamily family : lp.families()) {
      families.add(new Scaled(family, first[0], rowExponent, columnExponent));
      first[0] += (int) family.rowCount();
    }
    return new LinearProgram(
        bounds,
        lp::columnName,
        new LinearObjective(lp.objective().maximize(), scaledObjective, lp.objective().constant()),
        families);
  }

  /** A family's rows times 2^rowExponent, their columns times 2^columnExponent. */
  private static final class Scaled extends WrappedFamily {
    private final int firstRow;
    private final int[] rowExponent;
    private final int[] columnExponent;

    Scaled(ConstraintFamily family, int firstRow, int[] rowExponent, int[] columnExponent) {
      super(family);
      this.firstRow = firstRow;
      this.rowExponent = rowExponent;
      this.columnExponent = columnExponent;
    }

    @Override
    public void forEachRow(Consumer<Row> sink) {
      int[] index = {firstRow};
      family()
          .forEachRow(
              row -> {
                int r = rowExponent[index[0]++];
                BigFraction[] a = new BigFraction[row.coefficients().length];
                for (int k = 0; k < a.length; k++) {
                  a[k] = row.coefficients()[k].multiply(power(r + columnExponent[row.columns()[k]]));
                }
                sink.accept(new Row(this, row.key(), row.columns(), a, row.sense(), row.rhs().multiply(power(r))));
              });
    }
  }

  private static double[] range(BigFraction[] values) {
    double min = Double.POSITIVE_INFINITY;
    double max = 0;
    for (BigFraction v : values) {
      double a = Math.abs(v.doubleValue());
      if (a > 0) {
        min = Math.min(min, a);
        max = Math.max(max, a);
      }
    }
    return max == 0 ? null : new double[] {min, max};
  }

  /** The power of two nearest the geometric mean of the range. */
  private static int midExponent(double[] range) {
    return (int) Math.round((Math.log(range[0]) + Math.log(range[1])) / 2 / Math.log(2));
  }

  private static BigFraction power(int exponent) {
    return exponent >= 0
        ? new BigFraction(java.math.BigInteger.ONE.shiftLeft(exponent))
        : new BigFraction(java.math.BigInteger.ONE, java.math.BigInteger.ONE.shiftLeft(-exponent));
  }
}
