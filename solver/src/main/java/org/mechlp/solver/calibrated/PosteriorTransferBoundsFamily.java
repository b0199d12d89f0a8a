package org.mechlp.solver.calibrated;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Transfer bounds in scaled form: {@code lower <= τ_g(θ) <= upper} becomes
 * {@code T_g(θ) - lower lambda_g >= 0} and {@code upper lambda_g - T_g(θ) >= 0} for every posterior and type.
 */
final class PosteriorTransferBoundsFamily implements ConstraintFamily {
  private final PosteriorLayout layout;

  PosteriorTransferBoundsFamily(PosteriorLayout layout) {
    this.layout = layout;
  }

  static boolean applies(CalibratedData data) {
    return data.transfers && (data.lowerTransfer != null || data.upperTransfer != null);
  }

  @Override
  public String id() {
    return "transfer-bounds";
  }

  @Override
  public String title() {
    return "transfer bounds";
  }

  @Override
  public long rowCount() {
    int ends = (layout.data.lowerTransfer != null ? 1 : 0) + (layout.data.upperTransfer != null ? 1 : 0);
    return (long) layout.count() * layout.data.types * ends;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    CalibratedData d = layout.data;
    for (int g = 0; g < layout.count(); g++) {
      for (int t = 0; t < d.types; t++) {
        if (d.lowerTransfer != null) {
          Map<Integer, BigFraction> terms = new HashMap<>();
          PosteriorLayout.add(terms, layout.transfer(g, t), BigFraction.ONE);
          PosteriorLayout.add(terms, layout.weight(g), d.lowerTransfer.negate());
          sink.accept(PosteriorLayout.row(this, new int[] {g, t, 0}, terms, Sense.GE, BigFraction.ZERO));
        }
        if (d.upperTransfer != null) {
          Map<Integer, BigFraction> terms = new HashMap<>();
          PosteriorLayout.add(terms, layout.transfer(g, t), BigFraction.MINUS_ONE);
          PosteriorLayout.add(terms, layout.weight(g), d.upperTransfer);
          sink.accept(PosteriorLayout.row(this, new int[] {g, t, 1}, terms, Sense.GE, BigFraction.ZERO));
        }
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    return "transfer-" + (key[2] == 0 ? "min" : "max") + "[" + layout.names.get(key[0]) + "|"
        + layout.data.typeName(key[1]) + "]";
  }

  @Override
  public String describe(int[] key) {
    CalibratedData d = layout.data;
    return "Transfer bound: after signal " + layout.names.get(key[0]) + " the payment of type " + d.typeName(key[1])
        + " is " + (key[2] == 0 ? "at least " + Fractions.format(d.lowerTransfer)
            : "at most " + Fractions.format(d.upperTransfer));
  }
}
