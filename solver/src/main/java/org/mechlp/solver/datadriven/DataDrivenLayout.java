package org.mechlp.solver.datadriven;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;

/**
 * The LP's columns: the allocation x(o | t) when it is free (first), then the transfers p_i(t, e) each agent pays
 * at every reported profile and estimate. Also builds the terms every family shares: an agent's expected utility
 * from a report, with the allocation either fixed (a constant) or a column.
 */
final class DataDrivenLayout {
  final DataDrivenData data;
  /** The fixed allocation [profile][outcome], or null when the allocation is a column. */
  final BigFraction[][] fixed;
  private final int transferStart;

  DataDrivenLayout(DataDrivenData data, BigFraction[][] fixed) {
    this.data = data;
    this.fixed = fixed;
    this.transferStart = fixed == null ? data.profileCount * data.outcomes : 0;
  }

  boolean freeAllocation() {
    return fixed == null;
  }

  int columnCount() {
    return transferStart + data.agents * data.profileCount * data.estimates;
  }

  int allocation(int t, int x) {
    return t * data.outcomes + x;
  }

  int transfer(int agent, int t, int e) {
    return transferStart + (agent * data.profileCount + t) * data.estimates + e;
  }

  String columnName(int column) {
    if (column < transferStart) {
      int t = column / data.outcomes;
      return "x[" + data.describe(t).replace(" ", "") + "|" + data.problem.outcomes().get(column % data.outcomes)
          .name() + "]";
    }
    int k = column - transferStart;
    int e = k % data.estimates;
    int t = (k / data.estimates) % data.profileCount;
    int agent = k / (data.estimates * data.profileCount);
    return "p[" + data.problem.agents().get(agent).name() + "|" + data.describe(t).replace(" ", "") + "|"
        + data.estimator.estimates().get(e).name() + "]";
  }

  /**
   * Adds {@code scale * E[u_i(x(r), true t, state) - p_i(r, e)]} where the state has weights {@code stateWeights}
   * and the estimate has law g(e | state, x(r)): the agent's expected utility at true profile t from the reported
   * profile r.
   */
  void addUtility(Terms terms, int agent, int t, int r, BigFraction[] stateWeights, BigFraction scale) {
    if (fixed != null && stateWeights == data.posterior[t]) {
      // The common case (posterior weights, fixed allocation): the estimate's law given t and the report does not
      // depend on the agent, so it is computed once per (t, r) and shared by every agent's rows.
      BigFraction[] law = estimateLaw(t, r);
      terms.addConstant(scale.multiply(expectedValue(agent, t, r)));
      for (int e = 0; e < data.estimates; e++) {
        terms.add(transfer(agent, r, e), scale.multiply(law[e]).negate());
      }
      return;
    }
    for (int w = 0; w < data.states; w++) {
      BigFraction f = stateWeights[w];
      if (Fractions.isZero(f)) {
        continue;
      }
      BigFraction weight = f.multiply(scale);
      for (int x = 0; x < data.outcomes; x++) {
        BigFraction u = data.utility[agent][t][x][w];
        BigFraction px = fixed == null ? null : fixed[r][x];
        if (px != null && Fractions.isZero(px)) {
          continue;
        }
        if (px == null) {
          terms.add(allocation(r, x), weight.multiply(u));
        } else {
          terms.addConstant(weight.multiply(px).multiply(u));
          for (int e = 0; e < data.estimates; e++) {
            terms.add(transfer(agent, r, e), weight.multiply(px).multiply(data.g(e, w, x)).negate());
          }
        }
      }
      if (fixed == null) {
        // The estimator's law does not depend on the outcome here (checked when the LP is built).
        for (int e = 0; e < data.estimates; e++) {
          terms.add(transfer(agent, r, e), weight.multiply(data.g(e, w, 0)).negate());
        }
      }
    }
  }

  private final java.util.Map<Long, BigFraction[]> laws = new java.util.HashMap<>();
  private final java.util.Map<Long, BigFraction> values = new java.util.HashMap<>();

  /** P(e | true t, report r) = sum over states and outcomes of f(state | t) x(o | r) g(e | state, o); fixed x. */
  private BigFraction[] estimateLaw(int t, int r) {
    return laws.computeIfAbsent((long) t * data.profileCount + r, key -> {
      BigFraction[] law = new BigFraction[data.estimates];
      java.util.Arrays.fill(law, BigFraction.ZERO);
      for (int w = 0; w < data.states; w++) {
        BigFraction f = data.posterior[t][w];
        if (Fractions.isZero(f)) {
          continue;
        }
        for (int x = 0; x < data.outcomes; x++) {
          if (Fractions.isZero(fixed[r][x])) {
            continue;
          }
          BigFraction fx = f.multiply(fixed[r][x]);
          for (int e = 0; e < data.estimates; e++) {
            law[e] = law[e].add(fx.multiply(data.g(e, w, x)));
          }
        }
      }
      return law;
    });
  }

  /** E[u_i(x(r), t, state) | t] under the fixed allocation. */
  private BigFraction expectedValue(int agent, int t, int r) {
    long key = ((long) agent * data.profileCount + t) * data.profileCount + r;
    return values.computeIfAbsent(key, k -> {
      BigFraction sum = BigFraction.ZERO;
      for (int w = 0; w < data.states; w++) {
        BigFraction f = data.posterior[t][w];
        if (Fractions.isZero(f)) {
          continue;
        }
        for (int x = 0; x < data.outcomes; x++) {
          if (!Fractions.isZero(fixed[r][x])) {
            sum = sum.add(f.multiply(fixed[r][x]).multiply(data.utility[agent][t][x][w]));
          }
        }
      }
      return sum;
    });
  }

  /** P(e | t) when the profile t is reported truthfully: sum over states and outcomes of f g x. */
  BigFraction estimateProbability(int t, int e) {
    BigFraction sum = BigFraction.ZERO;
    for (int w = 0; w < data.states; w++) {
      BigFraction f = data.posterior[t][w];
      if (Fractions.isZero(f)) {
        continue;
      }
      if (fixed == null) {
        sum = sum.add(f.multiply(data.g(e, w, 0)));
      } else {
        for (int x = 0; x < data.outcomes; x++) {
          sum = sum.add(f.multiply(fixed[t][x]).multiply(data.g(e, w, x)));
        }
      }
    }
    return sum;
  }

  /**
   * Adds {@code E[u_i(x(t), t, state) | t, e] - p_i(t, e)}: the agent's utility once the estimate e is seen, the
   * state weighted by its posterior given t and e.
   */
  void addUtilityGivenEstimate(Terms terms, int agent, int t, int e) {
    BigFraction pe = estimateProbability(t, e);
    for (int w = 0; w < data.states; w++) {
      BigFraction f = data.posterior[t][w];
      if (Fractions.isZero(f)) {
        continue;
      }
      for (int x = 0; x < data.outcomes; x++) {
        BigFraction u = data.utility[agent][t][x][w];
        if (fixed == null) {
          terms.add(allocation(t, x), f.multiply(data.g(e, w, 0)).multiply(u).divide(pe));
        } else if (!Fractions.isZero(fixed[t][x])) {
          terms.addConstant(f.multiply(fixed[t][x]).multiply(data.g(e, w, x)).multiply(u).divide(pe));
        }
      }
    }
    terms.add(transfer(agent, t, e), BigFraction.ONE.negate());
  }

  /** Adds {@code scale * E[sum_i p_i(t, e) - cost(x(t)) | t]} (truthful reports). */
  void addBudget(Terms terms, int t, BigFraction scale) {
    for (int e = 0; e < data.estimates; e++) {
      BigFraction pe = estimateProbability(t, e).multiply(scale);
      for (int i = 0; i < data.agents; i++) {
        terms.add(transfer(i, t, e), pe);
      }
    }
    addCost(terms, t, scale.negate());
  }

  /** Adds {@code scale * cost(x(t))}. */
  void addCost(Terms terms, int t, BigFraction scale) {
    for (int x = 0; x < data.outcomes; x++) {
      if (fixed == null) {
        terms.add(allocation(t, x), data.cost[x].multiply(scale));
      } else {
        terms.addConstant(fixed[t][x].multiply(data.cost[x]).multiply(scale));
      }
    }
  }

  /** Adds {@code scale * E[v(x(t), state) | t]} for a value table v[outcome][state] at profile t. */
  void addValue(Terms terms, int t, BigFraction[][] v, BigFraction scale) {
    for (int x = 0; x < data.outcomes; x++) {
      BigFraction sum = BigFraction.ZERO;
      for (int w = 0; w < data.states; w++) {
        sum = sum.add(data.posterior[t][w].multiply(v[x][w]));
      }
      if (fixed == null) {
        terms.add(allocation(t, x), sum.multiply(scale));
      } else {
        terms.addConstant(fixed[t][x].multiply(sum).multiply(scale));
      }
    }
  }
}
