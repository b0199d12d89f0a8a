package org.mechlp.solver.datadriven;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Posterior-equilibrium IC (docs/THEORY.md, Data-driven mechanisms): at every true profile t of positive
 * probability, agent i of type t_i does not gain by reporting r while the others report truthfully, expectations
 * over the state and the estimate taken with f(state | t) g(e | state, x(r_i, t_-i)):
 * {@code E[u_i(x(t)) - p_i(t, e) | t] >= E[u_i(x(r, t_-i)) - p_i((r, t_-i), e) | t]}. Key: (agent, profile, report).
 */
final class PosteriorIcFamily extends KeyedFamily {
  PosteriorIcFamily(DataDrivenLayout layout) {
    super(layout);
    for (int i = 0; i < data.agents; i++) {
      for (int t = 0; t < data.profileCount; t++) {
        if (!data.possible(t)) {
          continue; // no posterior to take expectations with
        }
        int own = data.profiles.typeOf(t, i);
        for (int r = 0; r < data.profiles.typeCount(i); r++) {
          if (r != own) {
            key(i, t, r);
          }
        }
      }
    }
  }

  @Override
  public String id() {
    return "ic-posterior";
  }

  @Override
  public String title() {
    return "posterior-equilibrium incentive compatibility";
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
    int t = key[1];
    int deviation = data.deviation(t, i, key[2]);
    if (!layout.freeAllocation()) {
      return layout.posteriorIcRow(this, key, i, t, deviation);
    }
    Terms terms = new Terms();
    layout.addGain(terms, i, t, deviation, data.posterior[t], BigFraction.ONE);
    return terms.row(this, key, Sense.GE, BigFraction.ZERO);
  }

  @Override
  public String rowName(int[] key) {
    int i = key[0];
    String others = others(key[1], i);
    return "ic-posterior[" + agent(i) + ":" + data.typeName(i, key[1]) + "->" + data.typeNameOf(i, key[2])
        + (others.isEmpty() ? "" : "|" + others) + "]";
  }

  @Override
  public String describe(int[] key) {
    int i = key[0];
    return "IC (posterior): " + agent(i) + " of type " + data.typeName(i, key[1]) + " would report "
        + data.typeNameOf(i, key[2]) + whenOthers(key[1], i)
        + ", expecting the state and the estimate given everyone's true types";
  }
}
