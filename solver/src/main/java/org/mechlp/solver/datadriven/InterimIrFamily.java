package org.mechlp.solver.datadriven;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Interim IR: every agent type of positive probability expects at least its outside option, over the others'
 * types, the state and the estimate. Key: (agent, type).
 */
final class InterimIrFamily extends KeyedFamily {
  InterimIrFamily(DataDrivenLayout layout) {
    super(layout);
    for (int i = 0; i < data.agents; i++) {
      for (int own = 0; own < data.profiles.typeCount(i); own++) {
        if (!Fractions.isZero(data.problem.prior().typeProbability(i, own))) {
          key(i, own);
        }
      }
    }
  }

  @Override
  public String id() {
    return "ir-interim";
  }

  @Override
  public String title() {
    return "interim individual rationality";
  }

  @Override
  public int agentOf(int[] key) {
    return key[0];
  }

  @Override
  Row build(int[] key) {
    int i = key[0];
    BigFraction marginal = data.problem.prior().typeProbability(i, key[1]);
    Terms terms = new Terms();
    for (int t : data.profiles.profilesWith(i, key[1])) {
      if (data.possible(t)) {
        layout.addUtility(terms, i, t, t, data.posterior[t], data.profileProbability[t].divide(marginal));
      }
    }
    return terms.row(this, key, Sense.GE, data.problem.mechanism().outsideOption(i, key[1]));
  }

  @Override
  public String rowName(int[] key) {
    return "ir-interim[" + agent(key[0]) + ":" + data.typeNameOf(key[0], key[1]) + "]";
  }

  @Override
  public String describe(int[] key) {
    return "IR (interim): " + agent(key[0]) + " of type " + data.typeNameOf(key[0], key[1])
        + " expects at least its outside option";
  }
}
