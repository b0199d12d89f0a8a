package org.mechlp.solver.datadriven;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Ex post IC with transfers that depend on the estimate: at every true profile and every state of positive
 * probability, truth is optimal in expectation over the estimate alone. Key: (agent, profile, state, report).
 */
final class StateIcFamily extends KeyedFamily {
  StateIcFamily(DataDrivenLayout layout) {
    super(layout);
    for (int i = 0; i < data.agents; i++) {
      for (int t = 0; t < data.profileCount; t++) {
        for (int w = 0; w < data.states; w++) {
          if (Fractions.isZero(data.problem.prior().probability(t, w))) {
            continue;
          }
          int own = data.profiles.typeOf(t, i);
          for (int r = 0; r < data.profiles.typeCount(i); r++) {
            if (r != own) {
              key(i, t, w, r);
            }
          }
        }
      }
    }
  }

  @Override
  public String id() {
    return "ic-expost";
  }

  @Override
  public String title() {
    return "ex post incentive compatibility (every state)";
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
    BigFraction[] unit = new BigFraction[data.states];
    Arrays.fill(unit, BigFraction.ZERO);
    unit[key[2]] = BigFraction.ONE;
    Terms terms = new Terms();
    layout.addGain(terms, i, t, data.deviation(t, i, key[3]), unit, BigFraction.ONE);
    return terms.row(this, key, Sense.GE, BigFraction.ZERO);
  }

  @Override
  public String rowName(int[] key) {
    String others = others(key[1], key[0]);
    return "ic-expost[" + agent(key[0]) + ":" + data.typeName(key[0], key[1]) + "->"
        + data.typeNameOf(key[0], key[3]) + (others.isEmpty() ? "" : "|" + others) + "|state="
        + data.problem.states().get(key[2]).name() + "]";
  }

  @Override
  public String describe(int[] key) {
    return "IC (ex post): " + agent(key[0]) + " of type " + data.typeName(key[0], key[1]) + " would report "
        + data.typeNameOf(key[0], key[3]) + whenOthers(key[1], key[0]) + " in state "
        + data.problem.states().get(key[2]).name();
  }
}
