package org.mechlp.solver.reduced;

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
import org.mechlp.solver.testing.Toys;

/** Single-item auctions built from the model records: outcome 0 is "keep", outcome i + 1 gives the item to i. */
final class Auctions {
  private Auctions() {}

  /** Bidder i has values {@code values[i][t]} with probabilities {@code probabilities[i][t]}; BIC and {@code ir}. */
  static Problem auction(BigFraction[][] values, BigFraction[][] probabilities, IrKind ir) {
    int n = values.length;
    List<Agent> agents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<AgentType> types = new ArrayList<>();
      for (int t = 0; t < values[i].length; t++) {
        types.add(new AgentType("v" + t, Map.of("value", values[i][t])));
      }
      agents.add(new Agent("bidder" + (i + 1), types));
    }
    TypeProfiles profiles = TypeProfiles.of(agents);
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
        "auction",
        "",
        agents,
        List.of(new State("default", Map.of())),
        false,
        outcomes,
        Prior.independent(profiles, priors, List.of(BigFraction.ONE)),
        valuations,
        null,
        Toys.spec(agents, IcKind.BIC, ir, BudgetKind.NONE),
        Objective.maximize(ObjectiveTerm.REVENUE));
  }

  /** Fractions from text. */
  static BigFraction[] q(String... texts) {
    BigFraction[] f = new BigFraction[texts.length];
    for (int i = 0; i < texts.length; i++) {
      f[i] = Toys.q(texts[i]);
    }
    return f;
  }
}
