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
 * Transfer bounds in scaled form: {@code lower_i <= τ_g,i(θ) <= upper_i} becomes
 * {@code T_g,i(θ) - lower_i lambda_g >= 0} and {@code upper_i lambda_g - T_g,i(θ) >= 0} for every posterior,
 * reported profile and agent with a bound.
 */
final class PosteriorTransferBoundsFamily implements ConstraintFamily {
  private final PosteriorLayout layout;

  PosteriorTransferBoundsFamily(PosteriorLayout layout) {
    this.layout = layout;
  }

  static boolean applies(CalibratedData data) {
    if (!data.transfers) {
      return false;
    }
    for (int i = 0; i < data.agents; i++) {
      if (data.agentLower[i] != null || data.agentUpper[i] != null) {
        return true;
      }
    }
    return false;
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
    CalibratedData d = layout.data;
    long ends = 0;
    for (int i = 0; i < d.agents; i++) {
      ends += (d.agentLower[i] != null ? 1 : 0) + (d.agentUpper[i] != null ? 1 : 0);
    }
    return layout.count() * d.types * ends;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    CalibratedData d = layout.data;
    for (int g = 0; g < layout.count(); g++) {
      for (int t = 0; t < d.types; t++) {
        for (int i = 0; i < d.agents; i++) {
          if (d.agentLower[i] != null) {
            Map<Integer, BigFraction> terms = new HashMap<>();
            PosteriorLayout.add(terms, layout.transfer(g, t, i), BigFraction.ONE);
            PosteriorLayout.add(terms, layout.weight(g), d.agentLower[i].negate());
            sink.accept(PosteriorLayout.row(this, new int[] {g, t, i, 0}, terms, Sense.GE, BigFraction.ZERO));
          }
          if (d.agentUpper[i] != null) {
            Map<Integer, BigFraction> terms = new HashMap<>();
            PosteriorLayout.add(terms, layout.transfer(g, t, i), BigFraction.MINUS_ONE);
            PosteriorLayout.add(terms, layout.weight(g), d.agentUpper[i]);
            sink.accept(PosteriorLayout.row(this, new int[] {g, t, i, 1}, terms, Sense.GE, BigFraction.ZERO));
          }
        }
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    String who = layout.data.agents == 1 ? "" : "|" + layout.data.agentName(key[2]);
    return "transfer-" + (key[3] == 0 ? "min" : "max") + "[" + layout.names.get(key[0]) + "|"
        + layout.data.typeName(key[1]) + who + "]";
  }

  @Override
  public String describe(int[] key) {
    CalibratedData d = layout.data;
    int i = key[2];
    return "Transfer bound: after signal " + layout.names.get(key[0]) + " the payment of " + d.agentName(i)
        + " at report " + d.typeName(key[1]) + " is "
        + (key[3] == 0 ? "at least " + Fractions.format(d.agentLower[i])
            : "at most " + Fractions.format(d.agentUpper[i]));
  }
}
