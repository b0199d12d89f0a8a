package org.mechlp.solver.dynamic;

import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * The rows of the A2 distance LP for column theta: sum_{r != theta} lambda_r m_r(y) + s+_y - s-_y = m_theta(y) for
 * every y, and sum lambda = 1. Columns: lambda_r (k - 1, in order of r skipping theta), then s+ and s- (L each).
 */
final class HullFamily implements ConstraintFamily {
  private final BigFraction[][] law;
  private final int column;

  HullFamily(BigFraction[][] law, int column) {
    this.law = law;
    this.column = column;
  }

  @Override
  public String id() {
    return "hull";
  }

  @Override
  public String title() {
    return "a convex combination of the other columns, up to the L1 slack";
  }

  @Override
  public long rowCount() {
    return law[0].length + 1L;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    int k = law.length;
    int l = law[0].length;
    for (int y = 0; y < l; y++) {
      int[] columns = new int[k - 1 + 2];
      BigFraction[] coefficients = new BigFraction[k - 1 + 2];
      int c = 0;
      for (int r = 0; r < k; r++) {
        if (r != column) {
          columns[c] = c;
          coefficients[c++] = law[r][y];
        }
      }
      columns[c] = k - 1 + y;
      coefficients[c++] = BigFraction.ONE;
      columns[c] = k - 1 + l + y;
      coefficients[c] = BigFraction.MINUS_ONE;
      sink.accept(new Row(this, new int[] {y}, columns, coefficients, Sense.EQ, law[column][y]));
    }
    int[] columns = new int[k - 1];
    BigFraction[] ones = new BigFraction[k - 1];
    for (int c = 0; c < k - 1; c++) {
      columns[c] = c;
      ones[c] = BigFraction.ONE;
    }
    sink.accept(new Row(this, new int[] {-1}, columns, ones, Sense.EQ, BigFraction.ONE));
  }

  @Override
  public String rowName(int[] key) {
    return key[0] < 0 ? "weights" : "hull[" + key[0] + "]";
  }

  @Override
  public String describe(int[] key) {
    return key[0] < 0 ? "the weights sum to 1" : "coordinate " + key[0] + " of the combination";
  }
}
