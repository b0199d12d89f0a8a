package org.mechlp.solver.datadriven;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.ValueFunction;
import org.mechlp.model.datadriven.DataDrivenMechanism;

/**
 * Data-driven VCG (docs/THEORY.md, Data-driven mechanisms): the efficient rule x*, and agent i pays
 * {@code p_i(t, e) = h_i(t_-i) - [hat u_0(x*(t), e) + sum_{j != i} hat u_j(x*(t), t_j, e)]}, the others' utilities
 * (and the non-strategic party's) valued at the estimate. Exact.
 */
public final class DataDrivenVcg {
  /** The term that depends only on the others' reports. */
  public enum H {
    /** h = 0. */
    ZERO("zero"),
    /** Clarke: h_i = max_x E[u_0 + sum_{j != i} u_j | t_-i], the others' best expected welfare without i. */
    CLARKE("clarke");

    private final String json;

    H(String json) {
      this.json = json;
    }

    /** The option's name. */
    public String json() {
      return json;
    }

    /** The h with this name, or null. */
    public static H fromJson(String name) {
      for (H h : values()) {
        if (h.json.equals(name)) {
          return h;
        }
      }
      return null;
    }
  }

  private DataDrivenVcg() {}

  /**
   * The mechanism.
   *
   * @throws IllegalArgumentException when the estimator cannot value utilities (no states named, no affine map),
   *     or Clarke's h is asked for with values that depend on other agents' types
   */
  public static DataDrivenMechanism build(DataDrivenData data, H h) {
    if (h == H.CLARKE) {
      for (ValueFunction v : data.problem.valuations()) {
        if (v.scope() == ValueFunction.Scope.PROFILE) {
          throw new IllegalArgumentException(
              "valuations: Clarke's h needs values that depend on the agent's own type only; use h = zero");
        }
      }
    }
    return build(data, (i, t) -> h == H.CLARKE ? clarke(data, i, t) : BigFraction.ZERO);
  }

  /**
   * The mechanism with h given as a table, indexed [agent][type profile] (a value per profile of the others' types,
   * repeated over the agent's own types).
   *
   * @throws IllegalArgumentException when the estimator cannot value utilities, or the table's size does not match
   */
  public static DataDrivenMechanism build(DataDrivenData data, BigFraction[][] h) {
    if (h.length != data.agents || java.util.Arrays.stream(h).anyMatch(row -> row.length != data.profileCount)) {
      throw new IllegalArgumentException("h table: one value per agent and type profile expected");
    }
    return build(data, (i, t) -> h[i][t]);
  }

  /** h_i at profile t (a function of t_-i). */
  private interface HValue {
    BigFraction at(int agent, int profile);
  }

  private static DataDrivenMechanism build(DataDrivenData data, HValue h) {
    if (!data.estimator.valuesUtilities()) {
      throw new IllegalArgumentException(
          "estimator: data-driven VCG values the others' utilities at the estimate; name a \"state\" for every"
              + " estimate or give an \"affine\" map");
    }
    BigFraction[][] allocation = data.efficientAllocation();
    BigFraction[][][] transfers = new BigFraction[data.agents][data.profileCount][data.estimates];
    for (int t = 0; t < data.profileCount; t++) {
      int x = data.efficientOutcome(t);
      for (int i = 0; i < data.agents; i++) {
        BigFraction base = h.at(i, t);
        for (int e = 0; e < data.estimates; e++) {
          BigFraction others = data.utilityAtEstimate(data.agents, t, x, e);
          for (int j = 0; j < data.agents; j++) {
            if (j != i) {
              others = others.add(data.utilityAtEstimate(j, t, x, e));
            }
          }
          transfers[i][t][e] = base.subtract(others);
        }
      }
    }
    return new DataDrivenMechanism(allocation, transfers, true);
  }

  /**
   * Clarke's h_i(t_-i): the best expected welfare of the others and the non-strategic party, the state weighted by
   * f(state | t_-i); 0 when t_-i has probability 0.
   */
  static BigFraction clarke(DataDrivenData data, int i, int t) {
    BigFraction[] joint = new BigFraction[data.states];
    Arrays.fill(joint, BigFraction.ZERO);
    BigFraction total = BigFraction.ZERO;
    for (int own = 0; own < data.profiles.typeCount(i); own++) {
      int s = data.deviation(t, i, own);
      for (int w = 0; w < data.states; w++) {
        BigFraction p = data.problem.prior().probability(s, w);
        joint[w] = joint[w].add(p);
        total = total.add(p);
      }
    }
    if (Fractions.isZero(total)) {
      return BigFraction.ZERO;
    }
    BigFraction best = null;
    for (int x = 0; x < data.outcomes; x++) {
      BigFraction v = data.cost[x].negate();
      for (int w = 0; w < data.states; w++) {
        BigFraction welfare = data.party[x][w];
        for (int j = 0; j < data.agents; j++) {
          if (j != i) {
            welfare = welfare.add(data.utility[j][t][x][w]);
          }
        }
        v = v.add(joint[w].divide(total).multiply(welfare));
      }
      best = best == null || v.compareTo(best) > 0 ? v : best;
    }
    return best;
  }

  /**
   * The bound of docs/THEORY.md, Data-driven mechanisms, on each agent's epsilon under data-driven VCG: 2 sup_x
   * |beta_i(x)| with beta_i(x) = E[sum_{j != i} (hat u_j - u_j) | t, x] (the non-strategic party included), the sup
   * also over the true profiles of positive probability. Exact.
   */
  public static BigFraction[] bound(DataDrivenData data) {
    BigFraction[] bound = new BigFraction[data.agents];
    for (int i = 0; i < data.agents; i++) {
      BigFraction sup = BigFraction.ZERO;
      for (int t = 0; t < data.profileCount; t++) {
        if (!data.possible(t)) {
          continue;
        }
        for (int x = 0; x < data.outcomes; x++) {
          BigFraction beta = BigFraction.ZERO;
          for (int w = 0; w < data.states; w++) {
            BigFraction f = data.posterior[t][w];
            if (Fractions.isZero(f)) {
              continue;
            }
            for (int e = 0; e < data.estimates; e++) {
              BigFraction g = data.g(e, w, x);
              if (Fractions.isZero(g)) {
                continue;
              }
              BigFraction bias = BigFraction.ZERO;
              for (int j = 0; j <= data.agents; j++) {
                if (j != i) {
                  bias = bias.add(data.utilityAtEstimate(j, t, x, e)).subtract(data.trueUtility(j, t, x, w));
                }
              }
              beta = beta.add(f.multiply(g).multiply(bias));
            }
          }
          sup = beta.abs().compareTo(sup) > 0 ? beta.abs() : sup;
        }
      }
      bound[i] = sup.multiply(2);
    }
    return bound;
  }
}
