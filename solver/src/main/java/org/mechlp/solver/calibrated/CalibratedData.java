package org.mechlp.solver.calibrated;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Problem;
import org.mechlp.model.TransferSpec;
import org.mechlp.model.TypeProfiles;

/**
 * The exact data of a problem with states, in the notation of docs/THEORY.md, Calibrated mechanisms: the state prior
 * mu0(w), the likelihoods p(θ | w) of type profiles θ (for one agent, of its types), each agent's utility u_i(x, θ, w),
 * the designer's payoff c(x, θ, w) + alpha * sum_i τ_i derived from the objective, and the outside options. The
 * rules of a two-stage mechanism are indexed by reported profile ({@link #types} of them; for one agent a profile
 * is a type). Maximization is assumed; a minimizing objective is negated.
 */
final class CalibratedData {
  final Problem problem;
  /** Number of rule rows: type profiles (for one agent, its types). */
  final int types;
  final int agents;
  final TypeProfiles profiles;
  final int states;
  final int outcomes;
  final boolean transfers;
  final BigFraction[] statePrior;
  /** p(θ | w), indexed [w][θ]; 0 for states of probability 0. */
  final BigFraction[][] likelihood;
  /** Agent 0's u(x, θ, w), indexed [w][θ][x] (the single-agent notation of docs/THEORY.md, Calibrated mechanisms). */
  final BigFraction[][][] utility;
  /** u_i(x, θ, w), indexed [i][w][θ][x]. */
  final BigFraction[][][][] agentUtility;
  /** The designer's non-transfer payoff c(x, θ, w), indexed [w][θ][x]. */
  final BigFraction[][][] payoff;
  /** The designer's weight on transfers. */
  final BigFraction alpha;
  /** Agent 0's outside option per type. */
  final BigFraction[] outside;
  /** Outside options indexed [i][θ_i]. */
  final BigFraction[][] agentOutside;
  /** Agent 0's transfer bounds (null: none). */
  final BigFraction lowerTransfer;
  final BigFraction upperTransfer;
  /** Transfer bounds per agent (null entries: none). */
  final BigFraction[] agentLower;
  final BigFraction[] agentUpper;
  /** +1 when the objective is maximized, -1 when minimized (the LP always maximizes). */
  final int sign;

  CalibratedData(Problem problem) {
    this.problem = problem;
    this.agents = problem.agentCount();
    this.profiles = problem.profiles();
    this.types = profiles.count();
    this.states = problem.stateCount();
    this.outcomes = problem.outcomeCount();
    this.transfers = problem.mechanism().transfers().allowed();
    statePrior = new BigFraction[states];
    likelihood = new BigFraction[states][types];
    agentUtility = new BigFraction[agents][states][types][outcomes];
    payoff = new BigFraction[states][types][outcomes];
    sign = problem.objective().maximize() ? 1 : -1;
    BigFraction s = new BigFraction(sign);
    var objective = problem.objective();
    BigFraction revenue = objective.weight(ObjectiveTerm.REVENUE).add(objective.weight(ObjectiveTerm.PROFIT));
    BigFraction agentsWeight = objective.weight(ObjectiveTerm.AGENT_UTILITY);
    alpha = revenue.subtract(agentsWeight).multiply(s);
    BigFraction welfare = objective.weight(ObjectiveTerm.WELFARE);
    BigFraction designer = objective.weight(ObjectiveTerm.DESIGNER);
    // Weight of the outcome's cost: -1 in profit and welfare, +1 in the cost term.
    BigFraction costWeight =
        objective
            .weight(ObjectiveTerm.COST)
            .subtract(objective.weight(ObjectiveTerm.PROFIT))
            .subtract(welfare);
    for (int w = 0; w < states; w++) {
      statePrior[w] = problem.prior().stateProbability(w);
      for (int t = 0; t < types; t++) {
        likelihood[w][t] =
            Fractions.isZero(statePrior[w])
                ? BigFraction.ZERO
                : problem.prior().probability(t, w).divide(statePrior[w]);
        for (int x = 0; x < outcomes; x++) {
          BigFraction u = BigFraction.ZERO;
          for (int i = 0; i < agents; i++) {
            BigFraction ui = problem.valuations().get(i).value(x, t, w, profiles);
            agentUtility[i][w][t][x] = ui;
            u = u.add(ui);
          }
          BigFraction c = welfare.add(agentsWeight).multiply(u);
          if (problem.designerValue() != null) {
            c = c.add(designer.multiply(problem.designerValue().value(x, t, w, profiles)));
          }
          c = c.add(costWeight.multiply(problem.outcomes().get(x).cost()));
          payoff[w][t][x] = c.multiply(s);
        }
      }
    }
    utility = agentUtility[0];
    agentOutside = new BigFraction[agents][];
    agentLower = new BigFraction[agents];
    agentUpper = new BigFraction[agents];
    for (int i = 0; i < agents; i++) {
      agentOutside[i] = new BigFraction[profiles.typeCount(i)];
      for (int t = 0; t < profiles.typeCount(i); t++) {
        agentOutside[i][t] = problem.mechanism().outsideOption(i, t);
      }
      TransferSpec.Bound bound = problem.mechanism().transfers().bounds().get(i);
      agentLower[i] = bound.lower();
      agentUpper[i] = bound.upper();
    }
    outside = agentOutside[0];
    lowerTransfer = agentLower[0];
    upperTransfer = agentUpper[0];
  }

  /** Fails unless the problem has one agent: the checks and the standard bound are single-agent (docs/THEORY.md,
   * Checking a calibrated mechanism).
   */
  void requireSingleAgent(String what) {
    if (agents != 1) {
      throw new IllegalArgumentException(what + " needs exactly one agent; the problem has " + agents);
    }
  }

  /** Whether no agent's utility depends on the state (private values, docs/THEORY.md T2). */
  boolean privateValues() {
    return problem.valuations().stream().noneMatch(v -> v.isStateDependent());
  }

  /** P_mu(θ) = sum_w mu(w) p(θ | w). */
  BigFraction typeProbability(BigFraction[] posterior, int type) {
    BigFraction p = BigFraction.ZERO;
    for (int w = 0; w < states; w++) {
      if (!Fractions.isZero(posterior[w])) {
        p = p.add(posterior[w].multiply(likelihood[w][type]));
      }
    }
    return p;
  }

  /** sum_w mu(w) p(θ | w) f(w, θ, x) for a table f indexed [w][θ][x]. */
  BigFraction weighted(BigFraction[] posterior, BigFraction[][][] table, int type, int outcome) {
    BigFraction sum = BigFraction.ZERO;
    for (int w = 0; w < states; w++) {
      if (!Fractions.isZero(posterior[w]) && !Fractions.isZero(likelihood[w][type])) {
        sum = sum.add(posterior[w].multiply(likelihood[w][type]).multiply(table[w][type][outcome]));
      }
    }
    return sum;
  }

  /** The prior over states as a posterior. */
  BigFraction[] prior() {
    return Arrays.copyOf(statePrior, states);
  }

  String stateName(int w) {
    return problem.states().get(w).name();
  }

  /** The name of rule row {@code t}: the type for one agent, the profile (a=x,b=y) for several. */
  String typeName(int t) {
    if (agents == 1) {
      return problem.agents().get(0).types().get(t).name();
    }
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < agents; i++) {
      sb.append(i == 0 ? "" : ",").append(problem.agents().get(i).name()).append('=')
          .append(problem.agents().get(i).types().get(profiles.typeOf(t, i)).name());
    }
    return sb.toString();
  }

  /** The name of agent {@code i}'s type {@code type}. */
  String agentTypeName(int i, int type) {
    return problem.agents().get(i).types().get(type).name();
  }

  String outcomeName(int x) {
    return problem.outcomes().get(x).name();
  }

  String agentName() {
    return problem.agents().get(0).name();
  }

  String agentName(int i) {
    return problem.agents().get(i).name();
  }

  /** sum_w mu(w) p(θ | w) u_i(x, θ, w). */
  BigFraction weightedUtility(BigFraction[] posterior, int agent, int profile, int outcome) {
    return weighted(posterior, agentUtility[agent], profile, outcome);
  }
}
