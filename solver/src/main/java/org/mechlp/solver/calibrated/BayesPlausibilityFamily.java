package org.mechlp.solver.calibrated;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Bayes plausibility (docs/THEORY.md P1): the posteriors average back to the prior,
 * {@code for every state w: sum_g lambda_g mu_g(w) = mu0(w)}. Summed over states it gives sum_g lambda_g = 1.
 */
final class BayesPlausibilityFamily implements ConstraintFamily {
  private final PosteriorLayout layout;
  private final BigFraction[] target;

  /** Posteriors that average to {@code target} (the prior, or any belief whose value is wanted). */
  BayesPlausibilityFamily(PosteriorLayout layout, BigFraction[] target) {
    this.layout = layout;
    this.target = target.clone();
  }

  @Override
  public String id() {
    return "bayes-plausibility";
  }

  @Override
  public String title() {
    return "Bayes plausibility";
  }

  @Override
  public long rowCount() {
    return layout.data.states;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    for (int w = 0; w < layout.data.states; w++) {
      Map<Integer, BigFraction> terms = new HashMap<>();
      for (int g = 0; g < layout.count(); g++) {
        PosteriorLayout.add(terms, layout.weight(g), layout.posteriors.get(g)[w]);
      }
      sink.accept(PosteriorLayout.row(this, new int[] {w}, terms, Sense.EQ, target[w]));
    }
  }

  @Override
  public String rowName(int[] key) {
    return "bayes[" + layout.data.stateName(key[0]) + "]";
  }

  @Override
  public String describe(int[] key) {
    return "Bayes plausibility: the signals' posteriors average to the prior probability of state "
        + layout.data.stateName(key[0]);
  }
}
