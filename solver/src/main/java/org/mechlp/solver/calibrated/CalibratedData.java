package org.mechlp.solver.calibrated;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Problem;
import org.mechlp.model.TransferSpec;
import org.mechlp.model.TypeProfiles;

/**
 * The exact data of a single-agent problem with states, in the notation of MATH.md 1.2: the state prior mu0(w),
 * the type likelihoods p(θ | w), the agent's utility u(x, θ, w), the designer's payoff c(x, θ, w) + alpha * τ
 * derived from the objective, and the outside options. Maximization is assumed; a minimizing objective is negated.
 */
final class CalibratedData {
  final Problem problem;
  final int types;
  final int states;
  final int outcomes;
  final boolean transfers;
  final BigFraction[] statePrior;
  /** p(θ | w), indexed [w][θ]; 0 for states of probability 0. */
  final BigFraction[][] likelihood;
  /** u(x, θ, w), indexed [w][θ][x]. */
  final BigFraction[][][] utility;
  /** The designer's non-transfer payoff c(x, θ, w), indexed [w][θ][x]. */
  final BigFraction[][][] payoff;
  /** The designer's weight on transfers. */
  final BigFraction alpha;
  final BigFraction[] outside;
  final BigFraction lowerTransfer;
  final BigFraction upperTransfer;
  /** +1 when the objective is maximized, -1 when minimized (the LP always maximizes). */
  final int sign;

  CalibratedData(Problem problem) {
    if (problem.agentCount() != 1) {
      throw new IllegalArgumentException("calibrated mechanisms need exactly one agent");
    }
    this.problem = problem;
    this.types = problem.agents().get(0).typeCount();
    this.states = problem.stateCount();
    this.outcomes = problem.outcomeCount();
    this.transfers = problem.mechanism().transfers().allowed();
    TypeProfiles profiles = problem.profiles();
    statePrior = new BigFraction[states];
    likelihood = new BigFraction[states][types];
    utility = new BigFraction[states][types][outcomes];
    payoff = new BigFraction[states][types][outcomes];
    sign = problem.objective().maximize() ? 1 : -1;
    BigFraction s = new BigFraction(sign);
    var objective = problem.objective();
    BigFraction revenue = objective.weight(ObjectiveTerm.REVENUE).add(objective.weight(ObjectiveTerm.PROFIT));
    BigFraction agentUtility = objective.weight(ObjectiveTerm.AGENT_UTILITY);
    alpha = revenue.subtract(agentUtility).multiply(s);
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
          BigFraction u = problem.valuations().get(0).value(x, t, w, profiles);
          utility[w][t][x] = u;
          BigFraction c = welfare.add(agentUtility).multiply(u);
          if (problem.designerValue() != null) {
            c = c.add(designer.multiply(problem.designerValue().value(x, t, w, profiles)));
          }
          c = c.add(costWeight.multiply(problem.outcomes().get(x).cost()));
          payoff[w][t][x] = c.multiply(s);
        }
      }
    }
    outside = new BigFraction[types];
    for (int t = 0; t < types; t++) {
      outside[t] = problem.mechanism().outsideOption(0, t);
    }
    TransferSpec.Bound bound = problem.mechanism().transfers().bounds().get(0);
    lowerTransfer = bound.lower();
    upperTransfer = bound.upper();
  }

  /** Whether the agent's utility does not depend on the state (private values, MATH.md T2). */
  boolean privateValues() {
    return !problem.valuations().get(0).isStateDependent();
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

  String typeName(int t) {
    return problem.agents().get(0).types().get(t).name();
  }

  String outcomeName(int x) {
    return problem.outcomes().get(x).name();
  }

  String agentName() {
    return problem.agents().get(0).name();
  }
}
