package org.mechlp.model;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.datadriven.DataDrivenSpec;

/**
 * A finite quasilinear mechanism design problem, validated and indexed. Agent i's utility from outcome o at true
 * profile θ and state ω, paying t_i, is {@code valuations.get(i).value(o, θ, ω) - t_i}.
 *
 * @param name short name (the file name without extension when the file gives none)
 * @param description free text, often the derivation of the expected answer
 * @param agents the agents, in file order
 * @param states the states; a single implicit state when the file has none
 * @param statesGiven whether the file declared states
 * @param outcomes the outcomes, in file order
 * @param prior the joint prior over (type profile, state)
 * @param valuations one value function per agent
 * @param designerValue the designer's own value, or null
 * @param mechanism the constraints
 * @param objective what to optimize
 * @param calibration how to solve it as a calibrated mechanism (single agent with states), or null for a standard
 *     mechanism
 * @param dataDriven the estimator and equilibrium of a data-driven mechanism (transfers that also depend on an
 *     estimate of the state seen after the allocation), or null
 * @param priors the priors the problem is solved under: the single {@code prior}, or a set of priors whose reference
 *     member is {@code prior} (docs/THEORY.md, Robust and Rawlsian objectives); null means the single prior
 */
public record Problem(
    String name,
    String description,
    List<Agent> agents,
    List<State> states,
    boolean statesGiven,
    List<Outcome> outcomes,
    Prior prior,
    List<ValueFunction> valuations,
    ValueFunction designerValue,
    MechanismSpec mechanism,
    Objective objective,
    CalibrationSpec calibration,
    DataDrivenSpec dataDriven,
    PriorSet priors) {
  public Problem {
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    agents = List.copyOf(agents);
    states = List.copyOf(states);
    outcomes = List.copyOf(outcomes);
    Objects.requireNonNull(prior, "prior");
    valuations = List.copyOf(valuations);
    Objects.requireNonNull(mechanism, "mechanism");
    Objects.requireNonNull(objective, "objective");
    if (valuations.size() != agents.size()) {
      throw new IllegalArgumentException("one value function per agent expected");
    }
    if (states.isEmpty()) {
      throw new IllegalArgumentException("at least one (implicit) state expected");
    }
    priors = priors == null ? PriorSet.single(prior) : priors;
  }

  /** A problem solved under its single prior. */
  public Problem(
      String name,
      String description,
      List<Agent> agents,
      List<State> states,
      boolean statesGiven,
      List<Outcome> outcomes,
      Prior prior,
      List<ValueFunction> valuations,
      ValueFunction designerValue,
      MechanismSpec mechanism,
      Objective objective,
      CalibrationSpec calibration,
      DataDrivenSpec dataDriven) {
    this(name, description, agents, states, statesGiven, outcomes, prior, valuations, designerValue, mechanism,
        objective, calibration, dataDriven, null);
  }

  /** A problem that is not data-driven. */
  public Problem(
      String name,
      String description,
      List<Agent> agents,
      List<State> states,
      boolean statesGiven,
      List<Outcome> outcomes,
      Prior prior,
      List<ValueFunction> valuations,
      ValueFunction designerValue,
      MechanismSpec mechanism,
      Objective objective,
      CalibrationSpec calibration) {
    this(name, description, agents, states, statesGiven, outcomes, prior, valuations, designerValue, mechanism,
        objective, calibration, null);
  }

  /** A standard (non-calibrated) problem. */
  public Problem(
      String name,
      String description,
      List<Agent> agents,
      List<State> states,
      boolean statesGiven,
      List<Outcome> outcomes,
      Prior prior,
      List<ValueFunction> valuations,
      ValueFunction designerValue,
      MechanismSpec mechanism,
      Objective objective) {
    this(
        name,
        description,
        agents,
        states,
        statesGiven,
        outcomes,
        prior,
        valuations,
        designerValue,
        mechanism,
        objective,
        null);
  }

  /** True when transfers may depend on an estimate of the state (the problem has an "estimator"). */
  public boolean isDataDriven() {
    return dataDriven != null;
  }

  /** This problem with a data-driven part. */
  public Problem withDataDriven(DataDrivenSpec spec) {
    return new Problem(name, description, agents, states, statesGiven, outcomes, prior, valuations, designerValue,
        mechanism, objective, calibration, spec, priors);
  }

  /**
   * This problem under its {@code k}-th prior alone: the reference prior becomes member {@code k}. Families whose rows
   * depend on the prior (BIC, interim and ex ante IR, ex ante budget) are built once per member from these.
   */
  public Problem withPrior(int k) {
    Prior member = priors.prior(k);
    return new Problem(name, description, agents, states, statesGiven, outcomes, member, valuations, designerValue,
        mechanism, objective, calibration, dataDriven,
        new PriorSet(List.of(priors.name(k)), List.of(member), null, null));
  }

  /** This problem with another prior set (its reference prior unchanged). */
  public Problem withPriors(PriorSet newPriors) {
    return new Problem(name, description, agents, states, statesGiven, outcomes, prior, valuations, designerValue,
        mechanism, objective, calibration, dataDriven, newPriors);
  }

  /** This problem with other mechanism constraints. */
  public Problem withMechanism(MechanismSpec newMechanism) {
    return new Problem(name, description, agents, states, statesGiven, outcomes, prior, valuations, designerValue,
        newMechanism, objective, calibration, dataDriven, priors);
  }

  /** This problem with another calibration (disclosure) specification. */
  public Problem withCalibration(CalibrationSpec newCalibration) {
    return new Problem(name, description, agents, states, statesGiven, outcomes, prior, valuations, designerValue,
        mechanism, objective, newCalibration, dataDriven, priors);
  }

  /** This problem with another objective. */
  public Problem withObjective(Objective newObjective) {
    return new Problem(name, description, agents, states, statesGiven, outcomes, prior, valuations, designerValue,
        mechanism, newObjective, calibration, dataDriven, priors);
  }

  /** Whether the objective is judged over several priors (a max-min or minimax-regret objective). */
  public boolean isRobust() {
    return priors.isSet();
  }

  /** True when the problem asks for a calibrated mechanism. */
  public boolean isCalibrated() {
    return calibration != null;
  }

  /** The type profiles of this problem's agents. */
  public TypeProfiles profiles() {
    return TypeProfiles.of(agents);
  }

  /** Number of agents. */
  public int agentCount() {
    return agents.size();
  }

  /** Number of outcomes. */
  public int outcomeCount() {
    return outcomes.size();
  }

  /** Number of states (1 when none was given). */
  public int stateCount() {
    return states.size();
  }

  /** True when every agent's value depends only on its own type (and possibly the state). */
  public boolean hasPrivateValues() {
    return valuations.stream().noneMatch(v -> v.scope() == ValueFunction.Scope.PROFILE);
  }

  /**
   * Agent {@code agent}'s value of {@code outcome} at true {@code profile}, averaged over states with {@link
   * Prior#stateWeight} (exact).
   */
  public BigFraction expectedValue(int agent, int outcome, int profile, TypeProfiles profiles) {
    return expected(valuations.get(agent), outcome, profile, profiles);
  }

  /** The designer's value of {@code outcome} at {@code profile}, averaged over states; 0 without a designer value. */
  public BigFraction expectedDesignerValue(int outcome, int profile, TypeProfiles profiles) {
    return designerValue == null ? BigFraction.ZERO : expected(designerValue, outcome, profile, profiles);
  }

  private BigFraction expected(ValueFunction v, int outcome, int profile, TypeProfiles profiles) {
    if (states.size() == 1 || !v.isStateDependent()) {
      return v.value(outcome, profile, 0, profiles);
    }
    BigFraction sum = BigFraction.ZERO;
    for (int w = 0; w < states.size(); w++) {
      BigFraction weight = prior.stateWeight(profile, w);
      if (!Fractions.isZero(weight)) {
        sum = sum.add(weight.multiply(v.value(outcome, profile, w, profiles)));
      }
    }
    return sum;
  }

  /** Index of the named outcome, or -1. */
  public int outcomeIndex(String outcomeName) {
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i).name().equals(outcomeName)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of the named agent, or -1. */
  public int agentIndex(String agentName) {
    for (int i = 0; i < agents.size(); i++) {
      if (agents.get(i).name().equals(agentName)) {
        return i;
      }
    }
    return -1;
  }

  /** A readable profile such as {@code bidder1=high, bidder2=low}. */
  public String describeProfile(int profile, TypeProfiles profiles) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < agents.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      Agent a = agents.get(i);
      sb.append(a.name()).append('=').append(a.types().get(profiles.typeOf(profile, i)).name());
    }
    return sb.toString();
  }
}
