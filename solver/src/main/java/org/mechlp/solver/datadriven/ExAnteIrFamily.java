package org.mechlp.solver.datadriven;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/** Ex ante IR: each agent's expected utility over everything is at least its expected outside option. */
final class ExAnteIrFamily extends KeyedFamily {
  ExAnteIrFamily(DataDrivenLayout layout) {
    super(layout);
    for (int i = 0; i < data.agents; i++) {
      key(i);
    }
  }

  @Override
  public String id() {
    return "ir-exante";
  }

  @Override
  public String title() {
    return "ex ante individual rationality";
  }

  @Override
  public int agentOf(int[] key) {
    return key[0];
  }

  @Override
  Row build(int[] key) {
    int i = key[0];
    Terms terms = new Terms();
    for (int t = 0; t < data.profileCount; t++) {
      if (data.possible(t)) {
        layout.addUtility(terms, i, t, t, data.posterior[t], data.profileProbability[t]);
      }
    }
    BigFraction outside = BigFraction.ZERO;
    for (int own = 0; own < data.profiles.typeCount(i); own++) {
      outside = outside.add(data.problem.prior().typeProbability(i, own)
          .multiply(data.problem.mechanism().outsideOption(i, own)));
    }
    return terms.row(this, key, Sense.GE, outside);
  }

  @Override
  public String rowName(int[] key) {
    return "ir-exante[" + agent(key[0]) + "]";
  }

  @Override
  public String describe(int[] key) {
    return "IR (ex ante): " + agent(key[0]) + " expects at least its expected outside option";
  }
}
