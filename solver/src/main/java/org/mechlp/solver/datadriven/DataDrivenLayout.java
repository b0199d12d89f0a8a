package org.mechlp.solver.datadriven;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

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

  /**
   * Adds {@code scale * (E[utility from truth] - E[utility from reporting r])} at true profile t, the state weighted
   * by {@code stateWeights}: agent i's loss from the misreport that replaces t by r, the shape every IC row sums.
   */
  void addGain(Terms terms, int agent, int t, int r, BigFraction[] stateWeights, BigFraction scale) {
    addUtility(terms, agent, t, t, stateWeights, scale);
    addUtility(terms, agent, t, r, stateWeights, scale.negate());
  }

  /** Per true profile, minus the law of the estimate when it is reported truthfully (built on first use). */
  private BigFraction[][] negatedTruthLaws;

  /**
   * The posterior IC row of agent i at true profile t against the report that gives profile r, under the fixed
   * allocation, built straight from the cached laws and values: {@code sum_e P(e | t, x(r)) p_i(r, e) - sum_e P(e |
   * t, x(t)) p_i(t, e) >= E[u_i(x(r)) | t] - E[u_i(x(t)) | t]}. The same row {@link #addGain} gives, without the
   * per-term arithmetic.
   */
  Row posteriorIcRow(ConstraintFamily family, int[] key, int agent, int t, int r) {
    if (negatedTruthLaws == null) {
      negatedTruthLaws = new BigFraction[data.profileCount][];
    }
    BigFraction[] truth = negatedTruthLaws[t];
    if (truth == null) {
      BigFraction[] law = estimateLaw(t, t);
      truth = new BigFraction[law.length];
      for (int e = 0; e < law.length; e++) {
        truth[e] = law[e].negate();
      }
      negatedTruthLaws[t] = truth;
    }
    BigFraction[] lie = estimateLaw(t, r);
    int n = 0;
    for (int e = 0; e < data.estimates; e++) {
      n += (Fractions.isZero(truth[e]) ? 0 : 1) + (Fractions.isZero(lie[e]) ? 0 : 1);
    }
    int[] columns = new int[n];
    BigFraction[] coefficients = new BigFraction[n];
    int k = 0;
    // Columns in increasing order: the lower profile's transfers first.
    for (int side = 0; side < 2; side++) {
      boolean truthSide = (side == 0) == (t < r);
      int profile = truthSide ? t : r;
      BigFraction[] c = truthSide ? truth : lie;
      for (int e = 0; e < data.estimates; e++) {
        if (!Fractions.isZero(c[e])) {
          columns[k] = transfer(agent, profile, e);
          coefficients[k++] = c[e];
        }
      }
    }
    BigFraction rhs = expectedValue(agent, t, r).subtract(expectedValue(agent, t, t));
    return new Row(family, key, columns, coefficients, Sense.GE, rhs);
  }

  /** Per profile t and outcome x, P(e | true t, outcome x) = sum_w f(w | t) g(e | w, x); built on first use. */
  private BigFraction[][][] outcomeLaws;
  /** Per agent, profile t and outcome x, E[u_i(x, t, w) | t]; built on first use. */
  private BigFraction[][][] outcomeValues;

  /**
   * P(e | true t, report r) under the fixed allocation: sum over outcomes of x(o | r) P(e | t, o). A deterministic
   * allocation returns the shared per-outcome array itself (no arithmetic), which callers must not modify.
   */
  BigFraction[] estimateLaw(int t, int r) {
    BigFraction[][] perOutcome = outcomeLaws()[t];
    int only = deterministicOutcome(r);
    if (only >= 0) {
      return perOutcome[only];
    }
    BigFraction[] law = new BigFraction[data.estimates];
    java.util.Arrays.fill(law, BigFraction.ZERO);
    for (int x = 0; x < data.outcomes; x++) {
      if (!Fractions.isZero(fixed[r][x])) {
        for (int e = 0; e < data.estimates; e++) {
          law[e] = law[e].add(fixed[r][x].multiply(perOutcome[x][e]));
        }
      }
    }
    return law;
  }

  /** E[u_i(x(r), t, state) | t] under the fixed allocation. */
  BigFraction expectedValue(int agent, int t, int r) {
    BigFraction[] perOutcome = outcomeValues()[agent][t];
    int only = deterministicOutcome(r);
    if (only >= 0) {
      return perOutcome[only];
    }
    BigFraction sum = BigFraction.ZERO;
    for (int x = 0; x < data.outcomes; x++) {
      if (!Fractions.isZero(fixed[r][x])) {
        sum = sum.add(fixed[r][x].multiply(perOutcome[x]));
      }
    }
    return sum;
  }

  /** The outcome the fixed allocation chooses for sure at reported profile r, or -1 for a proper lottery. */
  private int deterministicOutcome(int r) {
    for (int x = 0; x < data.outcomes; x++) {
      if (fixed[r][x].equals(BigFraction.ONE)) {
        return x;
      }
    }
    return -1;
  }

  private BigFraction[][][] outcomeLaws() {
    if (outcomeLaws == null) {
      BigFraction[][][] laws = new BigFraction[data.profileCount][data.outcomes][];
      for (int t = 0; t < data.profileCount; t++) {
        for (int x = 0; x < data.outcomes; x++) {
          if (x > 0 && !data.estimator.outcomeDependent()) {
            laws[t][x] = laws[t][0]; // the same law for every outcome: computed once
            continue;
          }
          BigFraction[] law = new BigFraction[data.estimates];
          java.util.Arrays.fill(law, BigFraction.ZERO);
          for (int w = 0; w < data.states; w++) {
            BigFraction f = data.posterior[t][w];
            if (!Fractions.isZero(f)) {
              for (int e = 0; e < data.estimates; e++) {
                law[e] = law[e].add(f.multiply(data.g(e, w, x)));
              }
            }
          }
          laws[t][x] = law;
        }
      }
      outcomeLaws = laws;
    }
    return outcomeLaws;
  }

  private BigFraction[][][] outcomeValues() {
    if (outcomeValues == null) {
      BigFraction[][][] values = new BigFraction[data.agents][data.profileCount][data.outcomes];
      for (int i = 0; i < data.agents; i++) {
        for (int t = 0; t < data.profileCount; t++) {
          for (int x = 0; x < data.outcomes; x++) {
            BigFraction sum = BigFraction.ZERO;
            for (int w = 0; w < data.states; w++) {
              BigFraction f = data.posterior[t][w];
              if (!Fractions.isZero(f)) {
                sum = sum.add(f.multiply(data.utility[i][t][x][w]));
              }
            }
            values[i][t][x] = sum;
          }
        }
      }
      outcomeValues = values;
    }
    return outcomeValues;
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
