package org.mechlp.solver.datadriven;

import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Ex post IR in (t, e): at every true profile and every estimate that can occur there, the agent's utility given
 * the estimate (the state weighted by its posterior given t and e) minus its transfer is at least its outside
 * option. Key: (agent, profile, estimate).
 */
final class EstimateIrFamily extends KeyedFamily {
  EstimateIrFamily(DataDrivenLayout layout) {
    super(layout);
    for (int i = 0; i < data.agents; i++) {
      for (int t = 0; t < data.profileCount; t++) {
        if (!data.possible(t)) {
          continue;
        }
        for (int e = 0; e < data.estimates; e++) {
          if (!Fractions.isZero(layout.estimateProbability(t, e))) {
            key(i, t, e);
          }
        }
      }
    }
  }

  @Override
  public String id() {
    return "ir-expost";
  }

  @Override
  public String title() {
    return "ex post individual rationality (every profile and estimate)";
  }

  @Override
  public int agentOf(int[] key) {
    return key[0];
  }

  @Override
  Row build(int[] key) {
    int i = key[0];
    int t = key[1];
    Terms terms = new Terms();
    layout.addUtilityGivenEstimate(terms, i, t, key[2]);
    return terms.row(this, key, Sense.GE,
        data.problem.mechanism().outsideOption(i, data.profiles.typeOf(t, i)));
  }

  @Override
  public String rowName(int[] key) {
    return "ir-expost[" + agent(key[0]) + "|" + data.describe(key[1]).replace(" ", "") + "|"
        + data.estimator.estimates().get(key[2]).name() + "]";
  }

  @Override
  public String describe(int[] key) {
    return "IR (ex post): " + agent(key[0]) + " at " + data.describe(key[1]) + " after estimate "
        + data.estimator.estimates().get(key[2]).name() + " keeps at least its outside option";
  }
}
