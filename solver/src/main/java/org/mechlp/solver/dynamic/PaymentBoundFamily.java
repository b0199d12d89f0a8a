package org.mechlp.solver.dynamic;

import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/** -Z <= P[y, r] <= Z for every payment (2Lk rows): with "minimize Z" the smallest largest |P| (bounded transfers). */
final class PaymentBoundFamily implements ConstraintFamily {
  private final BlockData data;
  private final int boundColumn;

  PaymentBoundFamily(BlockData data, int boundColumn) {
    this.data = data;
    this.boundColumn = boundColumn;
  }

  @Override
  public String id() {
    return "bound";
  }

  @Override
  public String title() {
    return "every contingent payment lies within [-Z, Z]";
  }

  @Override
  public long rowCount() {
    return 2L * data.reports() * data.outcomes();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    int n = data.reports() * data.outcomes();
    for (int c = 0; c < n; c++) {
      sink.accept(new Row(this, new int[] {c, 0}, new int[] {c, boundColumn},
          new BigFraction[] {BigFraction.ONE, BigFraction.MINUS_ONE}, Sense.LE, BigFraction.ZERO));
      sink.accept(new Row(this, new int[] {c, 1}, new int[] {c, boundColumn},
          new BigFraction[] {BigFraction.ONE, BigFraction.ONE}, Sense.GE, BigFraction.ZERO));
    }
  }

  @Override
  public String rowName(int[] key) {
    return "bound[" + key[0] + (key[1] == 0 ? "<=Z" : ">=-Z") + "]";
  }

  @Override
  public String describe(int[] key) {
    return "payment column " + key[0] + (key[1] == 0 ? " is at most Z" : " is at least -Z");
  }
}
