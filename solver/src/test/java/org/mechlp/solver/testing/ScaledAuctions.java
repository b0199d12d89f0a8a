package org.mechlp.solver.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.AgentType;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Outcome;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.State;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.ValueFunction;

/**
 * Revenue-maximizing single-item auctions with DSIC and ex post IR, built from the model records (so numbers
 * outside the file format's range can be tried too): outcome 0 keeps the item, outcome i + 1 gives it to bidder i.
 */
public final class ScaledAuctions {
  private ScaledAuctions() {}

  /** Bidder i has values {@code values[i][t]} with probabilities {@code probabilities[i][t]}. */
  public static Problem auction(BigFraction[][] values, BigFraction[][] probabilities) {
    int n = values.length;
    List<Agent> agents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<AgentType> types = new ArrayList<>();
      for (int t = 0; t < values[i].length; t++) {
        types.add(new AgentType("v" + t, Map.of()));
      }
      agents.add(new Agent("b" + (i + 1), types));
    }
    List<List<BigFraction>> priors = new ArrayList<>();
    List<ValueFunction> valuations = new ArrayList<>();
    List<Outcome> outcomes = new ArrayList<>();
    outcomes.add(Outcome.of("keep"));
    for (int i = 0; i < n; i++) {
      priors.add(List.of(probabilities[i]));
      outcomes.add(Outcome.of("win" + (i + 1)));
      BigFraction[][][] table = new BigFraction[values[i].length][1][n + 1];
      for (int t = 0; t < values[i].length; t++) {
        for (int o = 0; o <= n; o++) {
          table[t][0][o] = o == i + 1 ? values[i][t] : BigFraction.ZERO;
        }
      }
      valuations.add(new ValueFunction(ValueFunction.Scope.OWN_TYPE, i, table));
    }
    return new Problem(
        "scaled-auction",
        "",
        agents,
        List.of(new State("default", Map.of())),
        false,
        outcomes,
        Prior.independent(TypeProfiles.of(agents), priors, List.of(BigFraction.ONE)),
        valuations,
        null,
        Toys.spec(agents, IcKind.DSIC, IrKind.EX_POST, BudgetKind.NONE),
        Objective.maximize(ObjectiveTerm.REVENUE));
  }

  /** Fractions from decimal or fraction text. */
  public static BigFraction[] q(String... texts) {
    BigFraction[] f = new BigFraction[texts.length];
    for (int i = 0; i < texts.length; i++) {
      f[i] = Toys.q(texts[i]);
    }
    return f;
  }

  /**
   * Myerson's optimal revenue for symmetric bidders with values {@code v[0] < ... < v[k-1]} and probabilities
   * {@code p}, when the discrete virtual values {@code phi_t = v_t - (v_{t+1} - v_t) (1 - F(v_t)) / p_t} are
   * increasing (no ironing; the caller checks): the expected largest positive virtual value, E[max_i phi(v_i)^+]
   * (Myerson 1981, "Optimal Auction Design"; the discrete form as in Elkind 2007). Exact.
   */
  public static BigFraction myersonRevenue(BigFraction[] v, BigFraction[] p, int bidders) {
    int k = v.length;
    BigFraction[] phi = new BigFraction[k];
    BigFraction above = BigFraction.ONE;
    for (int t = 0; t < k; t++) {
      above = above.subtract(p[t]);
      phi[t] = t == k - 1 ? v[t] : v[t].subtract(v[t + 1].subtract(v[t]).multiply(above).divide(p[t]));
      if (t > 0 && phi[t].compareTo(phi[t - 1]) <= 0) {
        throw new IllegalArgumentException("virtual values not increasing: ironing needed");
      }
    }
    // P(max type = t) = F(t)^n - F(t-1)^n; the winner's virtual value is phi_t when positive.
    BigFraction revenue = BigFraction.ZERO;
    BigFraction below = BigFraction.ZERO;
    for (int t = 0; t < k; t++) {
      BigFraction upTo = below.add(p[t]);
      if (phi[t].getNumerator().signum() > 0) {
        revenue = revenue.add(phi[t].multiply(upTo.pow(bidders).subtract(below.pow(bidders))));
      }
      below = upTo;
    }
    return revenue;
  }
}
