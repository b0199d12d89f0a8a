package org.mechlp.solver.calibrated;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Each signal's rule is a lottery (docs/THEORY.md P1), in scaled form:
 * {@code for every posterior g and type θ: sum_x Q_g(x | θ) - lambda_g = 0}.
 */
final class PosteriorFeasibilityFamily implements ConstraintFamily {
  private final PosteriorLayout layout;

  PosteriorFeasibilityFamily(PosteriorLayout layout) {
    this.layout = layout;
  }

  @Override
  public String id() {
    return "signal-feasibility";
  }

  @Override
  public String title() {
    return "each signal's rule is a lottery";
  }

  @Override
  public long rowCount() {
    return (long) layout.count() * layout.data.types;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    for (int g = 0; g < layout.count(); g++) {
      for (int t = 0; t < layout.data.types; t++) {
        Map<Integer, BigFraction> terms = new HashMap<>();
        for (int x = 0; x < layout.data.outcomes; x++) {
          PosteriorLayout.add(terms, layout.allocation(g, t, x), BigFraction.ONE);
        }
        PosteriorLayout.add(terms, layout.weight(g), BigFraction.MINUS_ONE);
        sink.accept(PosteriorLayout.row(this, new int[] {g, t}, terms, Sense.EQ, BigFraction.ZERO));
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    return "signal-feasibility[" + layout.names.get(key[0]) + "|" + layout.data.typeName(key[1]) + "]";
  }

  @Override
  public String describe(int[] key) {
    return "Feasibility: after signal " + layout.names.get(key[0]) + " the lottery for a report of "
        + layout.data.typeName(key[1]) + " sums to 1";
  }
}
