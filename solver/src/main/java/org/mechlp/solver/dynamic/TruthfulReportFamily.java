package org.mechlp.solver.dynamic;

import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Lemma A.3 (ii): sum_y m_theta(y) (P[y, r] - P[y, theta]) >= margin for every theta and r != theta (k(k-1) rows):
 * truth minimizes the expected contingent payment. With a margin column the rows subtract it (max margin).
 */
final class TruthfulReportFamily implements ConstraintFamily {
  private final BlockData data;
  private final String[] reportNames;
  private final int marginColumn;

  /** {@code marginColumn} is -1 without a margin. */
  TruthfulReportFamily(BlockData data, String[] reportNames, int marginColumn) {
    this.data = data;
    this.reportNames = reportNames;
    this.marginColumn = marginColumn;
  }

  @Override
  public String id() {
    return "truth";
  }

  @Override
  public String title() {
    return "truth minimizes the expected contingent payment (Lemma A.3 (ii))";
  }

  @Override
  public boolean isIncentiveConstraint() {
    return true;
  }

  @Override
  public long rowCount() {
    return (long) data.reports() * (data.reports() - 1);
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    int k = data.reports();
    int l = data.outcomes();
    for (int theta = 0; theta < k; theta++) {
      BigFraction[] negated = new BigFraction[l];
      for (int y = 0; y < l; y++) {
        negated[y] = data.law()[theta][y].negate();
      }
      for (int r = 0; r < k; r++) {
        if (r == theta) {
          continue;
        }
        int size = 2 * l + (marginColumn >= 0 ? 1 : 0);
        int[] columns = new int[size];
        BigFraction[] coefficients = new BigFraction[size];
        for (int y = 0; y < l; y++) {
          columns[2 * y] = data.column(y, r);
          coefficients[2 * y] = data.law()[theta][y];
          columns[2 * y + 1] = data.column(y, theta);
          coefficients[2 * y + 1] = negated[y];
        }
        if (marginColumn >= 0) {
          columns[size - 1] = marginColumn;
          coefficients[size - 1] = BigFraction.MINUS_ONE;
        }
        sink.accept(new Row(this, new int[] {theta, r}, columns, coefficients, Sense.GE, BigFraction.ZERO));
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    return "truth[" + reportNames[key[0]] + "->" + reportNames[key[1]] + "]";
  }

  @Override
  public String describe(int[] key) {
    return "with signal " + reportNames[key[0]] + ", reporting " + reportNames[key[1]]
        + " must not lower the expected contingent payment";
  }
}
