package org.mechlp.solver.certify;

import java.util.Arrays;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.lp.WrappedFamily;

/**
 * A family whose rows each get their own elastic columns (non-negative, numbered from {@code firstColumn} in row
 * order) that absorb any violation: {@code a x - e <= b}, {@code a x + e >= b}, {@code a x + e' - e'' = b}. Rows
 * keep their names, so the elastic LP's duals map back to the original rows one to one.
 */
final class ElasticFamily extends WrappedFamily {
  private final int firstColumn;
  private final int elasticColumns;

  /** {@code family} with elastic columns from {@code firstColumn} on. */
  ElasticFamily(ConstraintFamily family, int firstColumn) {
    super(family);
    this.firstColumn = firstColumn;
    int[] count = {0};
    family.forEachRow(row -> count[0] += columnsFor(row.sense()));
    this.elasticColumns = count[0];
  }

  /** Elastic columns a row of this sense gets: one for an inequality, two for an equation. */
  static int columnsFor(Sense sense) {
    return sense == Sense.EQ ? 2 : 1;
  }

  /** How many elastic columns this family's rows use. */
  int elasticColumns() {
    return elasticColumns;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    int[] next = {firstColumn};
    family().forEachRow(
        row -> {
          int n = row.columns().length;
          int extra = columnsFor(row.sense());
          int[] columns = Arrays.copyOf(row.columns(), n + extra);
          BigFraction[] coefficients = Arrays.copyOf(row.coefficients(), n + extra);
          columns[n] = next[0]++;
          coefficients[n] = row.sense() == Sense.LE ? BigFraction.MINUS_ONE : BigFraction.ONE;
          if (extra == 2) {
            columns[n + 1] = next[0]++;
            coefficients[n + 1] = BigFraction.MINUS_ONE;
          }
          sink.accept(new Row(this, row.key(), columns, coefficients, row.sense(), row.rhs()));
        });
  }
}
