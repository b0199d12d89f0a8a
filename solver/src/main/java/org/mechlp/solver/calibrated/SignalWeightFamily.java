package org.mechlp.solver.calibrated;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * A given signal structure (docs/THEORY.md P0): each signal's weight is fixed to its probability,
 * {@code lambda_s = P(s) = sum_w mu0(w) pi(s | w)}, so the LP chooses only the rules.
 */
final class SignalWeightFamily implements ConstraintFamily {
  private final PosteriorLayout layout;
  private final List<BigFraction> weights;

  SignalWeightFamily(PosteriorLayout layout, List<BigFraction> weights) {
    this.layout = layout;
    this.weights = List.copyOf(weights);
  }

  @Override
  public String id() {
    return "signal-weight";
  }

  @Override
  public String title() {
    return "the given signal structure";
  }

  @Override
  public long rowCount() {
    return weights.size();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    for (int g = 0; g < weights.size(); g++) {
      sink.accept(
          PosteriorLayout.row(
              this, new int[] {g}, Map.of(layout.weight(g), BigFraction.ONE), Sense.EQ, weights.get(g)));
    }
  }

  @Override
  public String rowName(int[] key) {
    return "signal-weight[" + layout.names.get(key[0]) + "]";
  }

  @Override
  public String describe(int[] key) {
    return "Signal structure: signal " + layout.names.get(key[0]) + " has probability "
        + Fractions.format(weights.get(key[0]));
  }
}
