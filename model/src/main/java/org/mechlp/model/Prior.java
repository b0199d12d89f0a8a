package org.mechlp.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The joint prior over (type profile, state). Either independent (a product of per-agent type priors and a state
 * prior) or an explicit joint table in which unlisted (profile, state) pairs have probability 0.
 */
public final class Prior {
  private final TypeProfiles profiles;
  private final int stateCount;
  private final BigFraction[][] agentPriors;
  private final BigFraction[] statePrior;
  private final Map<Long, BigFraction> joint;
  private final BigFraction[][] typeMarginals;
  private final BigFraction[] profileMarginal;

  private Prior(
      TypeProfiles profiles,
      int stateCount,
      BigFraction[][] agentPriors,
      BigFraction[] statePrior,
      Map<Long, BigFraction> joint) {
    this.profiles = profiles;
    this.stateCount = stateCount;
    this.agentPriors = agentPriors;
    this.statePrior = statePrior;
    this.joint = joint;
    if (joint == null) {
      this.typeMarginals = agentPriors;
      this.profileMarginal = null;
    } else {
      this.typeMarginals = new BigFraction[profiles.agentCount()][];
      for (int i = 0; i < typeMarginals.length; i++) {
        typeMarginals[i] = new BigFraction[profiles.typeCount(i)];
        Arrays.fill(typeMarginals[i], BigFraction.ZERO);
      }
      this.profileMarginal = new BigFraction[profiles.count()];
      Arrays.fill(profileMarginal, BigFraction.ZERO);
      for (Map.Entry<Long, BigFraction> e : joint.entrySet()) {
        int profile = (int) (e.getKey() / stateCount);
        profileMarginal[profile] = profileMarginal[profile].add(e.getValue());
        for (int i = 0; i < typeMarginals.length; i++) {
          int t = profiles.typeOf(profile, i);
          typeMarginals[i][t] = typeMarginals[i][t].add(e.getValue());
        }
      }
    }
  }

  /**
   * Independent types: agent i's type prior {@code agentPriors.get(i)}, and the state drawn independently from
   * {@code statePrior} (one entry per state; {@code [1]} when the problem has no state).
   */
  public static Prior independent(
      TypeProfiles profiles, List<List<BigFraction>> agentPriors, List<BigFraction> statePrior) {
    BigFraction[][] priors = new BigFraction[agentPriors.size()][];
    for (int i = 0; i < priors.length; i++) {
      priors[i] = agentPriors.get(i).toArray(new BigFraction[0]);
    }
    return new Prior(
        profiles, statePrior.size(), priors, statePrior.toArray(new BigFraction[0]), null);
  }

  /**
   * An explicit joint prior: {@code entries} maps {@code profile * stateCount + state} to its probability; absent
   * keys have probability 0.
   */
  public static Prior joint(TypeProfiles profiles, int stateCount, Map<Long, BigFraction> entries) {
    return new Prior(profiles, stateCount, null, null, Map.copyOf(entries));
  }

  /** True when types are independent across agents and of the state. */
  public boolean isIndependent() {
    return joint == null;
  }

  /** Number of states (1 when the problem has none). */
  public int stateCount() {
    return stateCount;
  }

  /** f(profile, state). */
  public BigFraction probability(int profile, int state) {
    if (joint == null) {
      BigFraction p = statePrior[state];
      for (int i = 0; i < agentPriors.length && !Fractions.isZero(p); i++) {
        p = p.multiply(agentPriors[i][profiles.typeOf(profile, i)]);
      }
      return p;
    }
    BigFraction p = joint.get((long) profile * stateCount + state);
    return p == null ? BigFraction.ZERO : p;
  }

  /** f(profile), summed over states. */
  public BigFraction profileProbability(int profile) {
    if (joint == null) {
      BigFraction p = BigFraction.ONE;
      for (int i = 0; i < agentPriors.length && !Fractions.isZero(p); i++) {
        p = p.multiply(agentPriors[i][profiles.typeOf(profile, i)]);
      }
      return p;
    }
    return profileMarginal[profile];
  }

  /** f_i(type): the marginal probability that {@code agent} has {@code type}. */
  public BigFraction typeProbability(int agent, int type) {
    return typeMarginals[agent][type];
  }

  /** The marginal probability of {@code state}. */
  public BigFraction stateProbability(int state) {
    if (joint == null) {
      return statePrior[state];
    }
    BigFraction p = BigFraction.ZERO;
    for (int profile = 0; profile < profiles.count(); profile++) {
      p = p.add(probability(profile, state));
    }
    return p;
  }

  /**
   * The weight of {@code state} given {@code profile}: f(state | profile) when the profile has positive
   * probability, else the state's marginal probability. Ex post rows (which hold at every profile, including those
   * of probability 0) average state-dependent values with these weights.
   */
  public BigFraction stateWeight(int profile, int state) {
    if (stateCount == 1) {
      return BigFraction.ONE;
    }
    BigFraction pp = profileProbability(profile);
    if (Fractions.isZero(pp)) {
      return stateProbability(state);
    }
    return probability(profile, state).divide(pp);
  }
}
