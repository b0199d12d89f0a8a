package org.mechlp.solver.calibrated;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.StateMechanism;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Outcome matching for the implementability check C2 (docs/THEORY.md, Checking a calibrated mechanism): the two-stage
 * mechanism must produce the same joint law of (state, type, outcome) and the same transfers as the given
 * state-dependent mechanism,
 *
 * <pre>
 * for every state w with mu0(w) > 0 and type (profile) θ with p(θ | w) > 0:
 *   sum_g mu_g(w) Q_g(x | θ)   = mu0(w) q(x | w, θ)     for every outcome x,
 *   sum_g mu_g(w) T_g,i(θ)     = mu0(w) τ_i(w, θ)       for every agent i (with transfers).
 * </pre>
 *
 * (The joint law is p(θ | w) times the left-hand side; rows with p(θ | w) = 0 are vacuous and left out.)
 */
final class OutcomeMatchingFamily implements ConstraintFamily {
  private final PosteriorLayout layout;
  private final StateMechanism mechanism;
  private final long rows;

  OutcomeMatchingFamily(PosteriorLayout layout, StateMechanism mechanism) {
    this.layout = layout;
    this.mechanism = mechanism;
    CalibratedData d = layout.data;
    long count = 0;
    for (int w = 0; w < d.states; w++) {
      for (int t = 0; t < d.types; t++) {
        if (relevant(w, t)) {
          count += d.outcomes + (d.transfers ? d.agents : 0);
        }
      }
    }
    this.rows = count;
  }

  private boolean relevant(int w, int t) {
    CalibratedData d = layout.data;
    return !Fractions.isZero(d.statePrior[w]) && !Fractions.isZero(d.likelihood[w][t]);
  }

  @Override
  public String id() {
    return "outcome-matching";
  }

  @Override
  public String title() {
    return "the two-stage mechanism reproduces the given outcome";
  }

  @Override
  public long rowCount() {
    return rows;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    CalibratedData d = layout.data;
    for (int w = 0; w < d.states; w++) {
      for (int t = 0; t < d.types; t++) {
        if (!relevant(w, t)) {
          continue;
        }
        // x < outcomes: an outcome's probability; x = outcomes + i: agent i's payment.
        for (int x = 0; x < d.outcomes + d.agents; x++) {
          boolean transfer = x >= d.outcomes;
          if (transfer && !d.transfers) {
            continue;
          }
          int agent = x - d.outcomes;
          Map<Integer, BigFraction> terms = new HashMap<>();
          for (int g = 0; g < layout.count(); g++) {
            BigFraction mu = layout.posteriors.get(g)[w];
            PosteriorLayout.add(terms, transfer ? layout.transfer(g, t, agent) : layout.allocation(g, t, x), mu);
          }
          BigFraction target = transfer ? mechanism.transfer(w, t, agent) : mechanism.allocation(w, t, x);
          sink.accept(
              PosteriorLayout.row(
                  this, new int[] {w, t, x}, terms, Sense.EQ, d.statePrior[w].multiply(target)));
        }
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    CalibratedData d = layout.data;
    String what = key[2] < d.outcomes ? d.outcomeName(key[2])
        : d.agents == 1 ? "payment" : "payment of " + d.agentName(key[2] - d.outcomes);
    return "match[" + d.stateName(key[0]) + "|" + d.typeName(key[1]) + "|" + what + "]";
  }

  @Override
  public String describe(int[] key) {
    CalibratedData d = layout.data;
    String what = key[2] < d.outcomes ? "the probability of " + d.outcomeName(key[2])
        : d.agents == 1 ? "the expected payment" : "the expected payment of " + d.agentName(key[2] - d.outcomes);
    return "Outcome: in state " + d.stateName(key[0]) + ", for type " + d.typeName(key[1]) + ", " + what
        + " equals the given mechanism's";
  }
}
