package org.mechlp.solver.calibrated;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.IcKind;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Incentive compatibility under the posterior (docs/THEORY.md R2, P1 and, for several agents with a public signal,
 * 1.7): after signal g, agent i of type θ_i must not gain by reporting θ'_i. Beliefs are proportional to
 * mu_g(w) p(θ | w); with wu_i(x, θ) = sum_w mu_g(w) p(θ | w) u_i(x, θ, w) and P_g(θ) = sum_w mu_g(w) p(θ | w):
 *
 * <pre>
 * Bayesian (the default): for every g, agent i, type θ_i with P_g(θ_i) > 0, report θ'_i != θ_i:
 *   sum_{θ_-i} { sum_x [Q_g(x|θ) - Q_g(x|θ'_i,θ_-i)] wu_i(x,θ) - P_g(θ) [T_g,i(θ) - T_g,i(θ'_i,θ_-i)] } / P_g(θ_i) >= 0
 * posterior ex post (ic "expost", several agents): the same bracket for every θ_-i alone, divided by P_g(θ).
 * </pre>
 *
 * docs/THEORY.md writes the rows multiplied by the probabilities; dividing by these data keeps them in utility units
 * scaled by lambda_g, so a violation is lambda_g times the gain from the misreport. Types (or profiles) the
 * posterior rules out get no rows. With one agent both forms are the single-agent IC of docs/THEORY.md R2.
 */
final class PosteriorIcFamily implements ConstraintFamily {
  private final PosteriorLayout layout;
  private final boolean expost;
  private final long rows;

  PosteriorIcFamily(PosteriorLayout layout) {
    this.layout = layout;
    CalibratedData d = layout.data;
    this.expost = d.agents > 1 && d.problem.mechanism().ic() == IcKind.EX_POST;
    long count = 0;
    for (int g = 0; g < layout.count(); g++) {
      for (int i = 0; i < d.agents; i++) {
        int k = d.profiles.typeCount(i);
        if (expost) {
          for (int p = 0; p < d.types; p++) {
            if (!Fractions.isZero(d.typeProbability(layout.posteriors.get(g), p))) {
              count += k - 1;
            }
          }
        } else {
          for (int t = 0; t < k; t++) {
            if (!Fractions.isZero(layout.agentTypeProbability(g, i, t))) {
              count += k - 1;
            }
          }
        }
      }
    }
    this.rows = count;
  }

  @Override
  public String id() {
    return expost ? "ic-posterior-expost" : "ic-posterior";
  }

  @Override
  public String title() {
    return expost
        ? "posterior ex post incentive compatibility"
        : "incentive compatibility under the posterior";
  }

  @Override
  public long rowCount() {
    return rows;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    CalibratedData d = layout.data;
    for (int g = 0; g < layout.count(); g++) {
      BigFraction[] mu = layout.posteriors.get(g);
      for (int i = 0; i < d.agents; i++) {
        int k = d.profiles.typeCount(i);
        if (expost) {
          for (int p = 0; p < d.types; p++) {
            BigFraction mass = d.typeProbability(mu, p);
            if (Fractions.isZero(mass)) {
              continue;
            }
            int t = d.profiles.typeOf(p, i);
            for (int r = 0; r < k; r++) {
              if (r != t) {
                Map<Integer, BigFraction> terms = new HashMap<>();
                addTruth(terms, g, mu, i, p, r, mass);
                sink.accept(PosteriorLayout.row(this, new int[] {g, i, p, r}, terms, Sense.GE, BigFraction.ZERO));
              }
            }
          }
          continue;
        }
        for (int t = 0; t < k; t++) {
          BigFraction mass = layout.agentTypeProbability(g, i, t);
          if (Fractions.isZero(mass)) {
            continue;
          }
          for (int r = 0; r < k; r++) {
            if (r == t) {
              continue;
            }
            Map<Integer, BigFraction> terms = new HashMap<>();
            for (int p : d.profiles.profilesWith(i, t)) {
              addTruth(terms, g, mu, i, p, r, mass);
            }
            sink.accept(PosteriorLayout.row(this, new int[] {g, i, t, r}, terms, Sense.GE, BigFraction.ZERO));
          }
        }
      }
    }
  }

  /** Adds the terms of true profile p against the report r of agent i, divided by {@code mass}. */
  private void addTruth(
      Map<Integer, BigFraction> terms, int g, BigFraction[] mu, int i, int p, int r, BigFraction mass) {
    CalibratedData d = layout.data;
    BigFraction weight = d.typeProbability(mu, p);
    if (Fractions.isZero(weight)) {
      return;
    }
    int lie = d.profiles.withType(p, i, r);
    for (int x = 0; x < d.outcomes; x++) {
      BigFraction value = d.weightedUtility(mu, i, p, x).divide(mass);
      PosteriorLayout.add(terms, layout.allocation(g, p, x), value);
      PosteriorLayout.add(terms, layout.allocation(g, lie, x), value.negate());
    }
    if (d.transfers) {
      BigFraction share = weight.divide(mass);
      PosteriorLayout.add(terms, layout.transfer(g, p, i), share.negate());
      PosteriorLayout.add(terms, layout.transfer(g, lie, i), share);
    }
  }

  @Override
  public String rowName(int[] key) {
    CalibratedData d = layout.data;
    String signal = layout.names.get(key[0]);
    if (d.agents == 1) {
      return id() + "[" + signal + "|" + d.typeName(key[2]) + "->" + d.typeName(key[3]) + "]";
    }
    int i = key[1];
    if (expost) {
      int p = key[2];
      return id() + "[" + signal + "|" + d.agentName(i) + ":" + d.agentTypeName(i, d.profiles.typeOf(p, i)) + "->"
          + d.agentTypeName(i, key[3]) + "|" + d.typeName(p) + "]";
    }
    return id() + "[" + signal + "|" + d.agentName(i) + ":" + d.agentTypeName(i, key[2]) + "->"
        + d.agentTypeName(i, key[3]) + "]";
  }

  @Override
  public String describe(int[] key) {
    CalibratedData d = layout.data;
    int i = key[1];
    String type = expost ? d.agentTypeName(i, d.profiles.typeOf(key[2], i)) : d.agentTypeName(i, key[2]);
    String when = expost ? " when the profile is " + d.typeName(key[2]) : "";
    return "IC (" + (expost ? "posterior ex post" : "posterior") + "): after signal " + layout.names.get(key[0])
        + " " + layout.describePosterior(key[0]) + ", " + d.agentName(i) + " of type " + type
        + " must not gain by reporting " + d.agentTypeName(i, key[3]) + when;
  }

  @Override
  public int agentOf(int[] key) {
    return key[1];
  }

  @Override
  public boolean isIncentiveConstraint() {
    return true;
  }
}
