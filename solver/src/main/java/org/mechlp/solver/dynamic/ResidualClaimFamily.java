package org.mechlp.solver.dynamic;

import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/** Lemma A.3 (i): delta * sum_y m_theta(y) P[y, theta] = e(theta) for every theta (k rows). */
final class ResidualClaimFamily implements ConstraintFamily {
  private final BlockData data;
  private final String[] reportNames;

  ResidualClaimFamily(BlockData data, String[] reportNames) {
    this.data = data;
    this.reportNames = reportNames;
  }

  @Override
  public String id() {
    return "claim";
  }

  @Override
  public String title() {
    return "the truthful agent receives the others' utility in expectation (Lemma A.3 (i))";
  }

  @Override
  public long rowCount() {
    return data.reports();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    int l = data.outcomes();
    for (int theta = 0; theta < data.reports(); theta++) {
      int[] columns = new int[l];
      BigFraction[] coefficients = new BigFraction[l];
      for (int y = 0; y < l; y++) {
        columns[y] = data.column(y, theta);
        coefficients[y] = data.discount().multiply(data.law()[theta][y]);
      }
      sink.accept(new Row(this, new int[] {theta}, columns, coefficients, Sense.EQ, data.target()[theta]));
    }
  }

  @Override
  public String rowName(int[] key) {
    return "claim[" + reportNames[key[0]] + "]";
  }

  @Override
  public String describe(int[] key) {
    return "a truthful report " + reportNames[key[0]] + " receives e(" + reportNames[key[0]] + ") in expectation";
  }
}
