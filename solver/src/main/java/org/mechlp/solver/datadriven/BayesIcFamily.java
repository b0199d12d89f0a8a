package org.mechlp.solver.datadriven;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Bayes-Nash IC with transfers that depend on the estimate: agent i of type theta does not gain by reporting r,
 * in expectation over the others' types, the state and the estimate given theta alone. Key: (agent, type, report).
 */
final class BayesIcFamily extends KeyedFamily {
  BayesIcFamily(DataDrivenLayout layout) {
    super(layout);
    for (int i = 0; i < data.agents; i++) {
      for (int own = 0; own < data.profiles.typeCount(i); own++) {
        if (Fractions.isZero(data.problem.prior().typeProbability(i, own))) {
          continue;
        }
        for (int r = 0; r < data.profiles.typeCount(i); r++) {
          if (r != own) {
            key(i, own, r);
          }
        }
      }
    }
  }

  @Override
  public String id() {
    return "ic-bayes";
  }

  @Override
  public String title() {
    return "Bayes-Nash incentive compatibility";
  }

  @Override
  public boolean isIncentiveConstraint() {
    return true;
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
      if (!data.possible(t)) {
        continue;
      }
      BigFraction weight = data.profileProbability[t].divide(marginal);
      layout.addGain(terms, i, t, data.deviation(t, i, key[2]), data.posterior[t], weight);
    }
    return terms.row(this, key, Sense.GE, BigFraction.ZERO);
  }

  @Override
  public String rowName(int[] key) {
    return "ic-bayes[" + agent(key[0]) + ":" + data.typeNameOf(key[0], key[1]) + "->"
        + data.typeNameOf(key[0], key[2]) + "]";
  }

  @Override
  public String describe(int[] key) {
    return "IC (Bayes): " + agent(key[0]) + " of type " + data.typeNameOf(key[0], key[1]) + " would report "
        + data.typeNameOf(key[0], key[2]) + ", in expectation over the others' types, the state and the estimate";
  }
}
