package org.mechlp.solver.datadriven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.ValueFunction;
import org.mechlp.model.datadriven.AffineUtilities;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.datadriven.Estimate;
import org.mechlp.model.datadriven.Estimator;

/**
 * The exact numbers every data-driven computation reads: profile probabilities, the posterior f(state | profile),
 * utilities, the estimator's law and the utility at an estimate (docs/THEORY.md, Data-driven mechanisms). All exact.
 */
public final class DataDrivenData {
  final DataDrivenProblem ddp;
  final Problem problem;
  final Estimator estimator;
  final TypeProfiles profiles;
  final int agents;
  final int outcomes;
  final int states;
  final int estimates;
  final int profileCount;
  /** f(profile). */
  final BigFraction[] profileProbability;
  /** f(state | profile), or the state marginal for a profile of probability 0. */
  final BigFraction[][] posterior;
  /** u_i(x, true profile, state), indexed [agent][profile][outcome][state]. */
  final BigFraction[][][][] utility;
  /** u_0(x, state) of the non-strategic party (the designer value), zeros without one. */
  final BigFraction[][] party;
  /** cost(x). */
  final BigFraction[] cost;

  public DataDrivenData(DataDrivenProblem ddp) {
    this.ddp = ddp;
    this.problem = ddp.problem();
    this.estimator = ddp.estimator();
    this.profiles = problem.profiles();
    this.agents = problem.agentCount();
    this.outcomes = problem.outcomeCount();
    this.states = problem.stateCount();
    this.estimates = estimator.count();
    this.profileCount = profiles.count();
    Prior prior = problem.prior();
    profileProbability = new BigFraction[profileCount];
    posterior = new BigFraction[profileCount][states];
    for (int t = 0; t < profileCount; t++) {
      profileProbability[t] = prior.profileProbability(t);
      for (int w = 0; w < states; w++) {
        posterior[t][w] = prior.stateWeight(t, w);
      }
    }
    utility = new BigFraction[agents][profileCount][outcomes][states];
    for (int i = 0; i < agents; i++) {
      ValueFunction v = problem.valuations().get(i);
      for (int t = 0; t < profileCount; t++) {
        for (int x = 0; x < outcomes; x++) {
          for (int w = 0; w < states; w++) {
            utility[i][t][x][w] = v.value(x, t, w, profiles);
          }
        }
      }
    }
    party = new BigFraction[outcomes][states];
    ValueFunction designer = problem.designerValue();
    for (int x = 0; x < outcomes; x++) {
      for (int w = 0; w < states; w++) {
        party[x][w] = designer == null ? BigFraction.ZERO : designer.value(x, 0, w, profiles);
      }
    }
    cost = new BigFraction[outcomes];
    for (int x = 0; x < outcomes; x++) {
      cost[x] = problem.outcomes().get(x).cost();
    }
  }

  /** The problem. */
  public DataDrivenProblem problem() {
    return ddp;
  }

  /** g(estimate | state, outcome). */
  BigFraction g(int estimate, int state, int outcome) {
    return estimator.probability(estimate, state, outcome);
  }

  /** Whether the profile has positive probability. */
  boolean possible(int profile) {
    return !Fractions.isZero(profileProbability[profile]);
  }

  /**
   * The expected welfare of outcome x at profile t, E[u_0 + sum_i u_i - cost | t], which the efficient rule
   * maximizes.
   */
  BigFraction expectedWelfare(int t, int x) {
    BigFraction sum = cost[x].negate();
    for (int w = 0; w < states; w++) {
      BigFraction f = posterior[t][w];
      if (Fractions.isZero(f)) {
        continue;
      }
      BigFraction total = party[x][w];
      for (int i = 0; i < agents; i++) {
        total = total.add(utility[i][t][x][w]);
      }
      sum = sum.add(f.multiply(total));
    }
    return sum;
  }

  /**
   * The efficient rule x*(t), computed exactly by enumerating the outcomes at every profile; ties go to the first
   * outcome in file order. Returned as a deterministic lottery [profile][outcome].
   */
  public BigFraction[][] efficientAllocation() {
    BigFraction[][] lottery = new BigFraction[profileCount][outcomes];
    for (int t = 0; t < profileCount; t++) {
      Arrays.fill(lottery[t], BigFraction.ZERO);
      lottery[t][efficientOutcome(t)] = BigFraction.ONE;
    }
    return lottery;
  }

  /** The outcome x*(t) (first maximizer). */
  int efficientOutcome(int t) {
    int best = 0;
    BigFraction bestValue = expectedWelfare(t, 0);
    for (int x = 1; x < outcomes; x++) {
      BigFraction v = expectedWelfare(t, x);
      if (v.compareTo(bestValue) > 0) {
        best = x;
        bestValue = v;
      }
    }
    return best;
  }

  /**
   * The allocation the LP fixes, or null when it is free: the problem's table, or for "efficient" the efficient rule
   * of this model (which counts the non-strategic party), recomputed exactly.
   */
  BigFraction[][] fixedAllocation() {
    var fixed = problem.mechanism().fixedAllocation();
    if (fixed == null) {
      return null;
    }
    if ("efficient".equals(fixed.source())) {
      return efficientAllocation();
    }
    BigFraction[][] lottery = new BigFraction[profileCount][outcomes];
    for (int t = 0; t < profileCount; t++) {
      for (int x = 0; x < outcomes; x++) {
        lottery[t][x] = fixed.probability(t, x);
      }
    }
    return lottery;
  }

  /**
   * The utility at an estimate, hat u_j(x, t, e), of party j (agents 0..n-1, the non-strategic party at n): the
   * utility at the named state for a plug-in estimate, a + b * value(e) for an affine one.
   */
  BigFraction utilityAtEstimate(int party, int t, int x, int e) {
    Estimate est = estimator.estimates().get(e);
    if (estimator.isAffine()) {
      AffineUtilities affine = ddp.affine();
      return affine.a()[party][t][x].add(affine.b()[party][t][x].multiply(est.value()));
    }
    if (est.state() < 0) {
      throw new IllegalStateException("estimate " + est.name() + " gives no utility");
    }
    return party == agents ? this.party[x][est.state()] : utility[party][t][x][est.state()];
  }

  /** The true utility u_j(x, t, state) of party j (agents 0..n-1, the non-strategic party at n). */
  BigFraction trueUtility(int party, int t, int x, int w) {
    return party == agents ? this.party[x][w] : utility[party][t][x][w];
  }

  /** The profiles that differ from {@code t} in agent i's type only, i's own report r replacing t_i. */
  int deviation(int t, int agent, int report) {
    return profiles.withType(t, agent, report);
  }

  /** The agent names. */
  List<String> agentNames() {
    List<String> names = new ArrayList<>();
    problem.agents().forEach(a -> names.add(a.name()));
    return names;
  }

  /** The type name of agent i in profile t. */
  String typeName(int agent, int t) {
    return problem.agents().get(agent).types().get(profiles.typeOf(t, agent)).name();
  }

  /** The type name of agent i's type index. */
  String typeNameOf(int agent, int type) {
    return problem.agents().get(agent).types().get(type).name();
  }

  /** The profile in words. */
  String describe(int t) {
    return problem.describeProfile(t, profiles);
  }
}
