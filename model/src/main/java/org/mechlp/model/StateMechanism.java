package org.mechlp.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A state-dependent direct mechanism, as a designer who knows the state might propose it: a lottery q(x | w, θ) and a
 * payment τ_i(w, θ) of every agent for every state and reported type profile (for one agent, its type), given exactly
 * (docs/THEORY.md, Calibrated mechanisms, M = (q, τ)). The calibration check asks what each agent learns from its
 * repeated use and whether it stays IC given that.
 */
public final class StateMechanism {
  private final int states;
  private final int types;
  private final int outcomes;
  private final int agents;
  private final BigFraction[] allocation;
  private final BigFraction[] transfers;

  /**
   * A mechanism for one agent.
   *
   * @param allocation indexed {@code (state * types + type) * outcomes + outcome}
   * @param transfers indexed {@code state * types + type}
   */
  public StateMechanism(
      int states,
      int types,
      int outcomes,
      BigFraction[] allocation,
      BigFraction[] transfers) {
    this(states, types, outcomes, 1, allocation, transfers);
  }

  /**
   * A mechanism for {@code agents} agents over {@code types} reported type profiles.
   *
   * @param allocation indexed {@code (state * types + profile) * outcomes + outcome}
   * @param transfers indexed {@code (state * types + profile) * agents + agent}
   */
  public StateMechanism(
      int states,
      int types,
      int outcomes,
      int agents,
      BigFraction[] allocation,
      BigFraction[] transfers) {
    if (allocation.length != states * types * outcomes || transfers.length != states * types * agents) {
      throw new IllegalArgumentException("array sizes do not match the dimensions");
    }
    this.states = states;
    this.types = types;
    this.outcomes = outcomes;
    this.agents = agents;
    this.allocation = allocation.clone();
    this.transfers = transfers.clone();
  }

  /** Number of agents. */
  public int agents() {
    return agents;
  }

  /** Number of states. */
  public int states() {
    return states;
  }

  /** Number of reported types (of type profiles with several agents). */
  public int types() {
    return types;
  }

  /** Number of outcomes. */
  public int outcomes() {
    return outcomes;
  }

  /** q(outcome | state, reported type). */
  public BigFraction allocation(int state, int type, int outcome) {
    return allocation[(state * types + type) * outcomes + outcome];
  }

  /** τ(state, reported type) of the only (or first) agent. */
  public BigFraction transfer(int state, int type) {
    return transfer(state, type, 0);
  }

  /** τ_agent(state, reported profile). */
  public BigFraction transfer(int state, int profile, int agent) {
    return transfers[(state * types + profile) * agents + agent];
  }

  /** The interim rule in {@code state}: every type's lottery, then (if {@code withPayments}) every payment. */
  public List<BigFraction> interimRule(int state, boolean withPayments) {
    List<BigFraction> rule =
        new ArrayList<>(
            Arrays.asList(allocation).subList(state * types * outcomes, (state + 1) * types * outcomes));
    if (withPayments) {
      rule.addAll(Arrays.asList(transfers).subList(state * types * agents, (state + 1) * types * agents));
    }
    return rule;
  }
}
