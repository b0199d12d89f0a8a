package org.mechlp.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A state-dependent direct mechanism for one agent, as a designer who knows the state might propose it: a lottery
 * q(x | w, θ) and a payment τ(w, θ) for every state and reported type, given exactly (docs/THEORY.md, Calibrated
 * mechanisms, M = (q, τ)). The calibration check asks what the agent learns from its repeated use and whether it stays
 * IC given that.
 */
public final class StateMechanism {
  private final int states;
  private final int types;
  private final int outcomes;
  private final BigFraction[] allocation;
  private final BigFraction[] transfers;

  /**
   * @param allocation indexed {@code (state * types + type) * outcomes + outcome}
   * @param transfers indexed {@code state * types + type}
   */
  public StateMechanism(
      int states,
      int types,
      int outcomes,
      BigFraction[] allocation,
      BigFraction[] transfers) {
    if (allocation.length != states * types * outcomes || transfers.length != states * types) {
      throw new IllegalArgumentException("array sizes do not match the dimensions");
    }
    this.states = states;
    this.types = types;
    this.outcomes = outcomes;
    this.allocation = allocation.clone();
    this.transfers = transfers.clone();
  }

  /** Number of states. */
  public int states() {
    return states;
  }

  /** Number of types. */
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

  /** τ(state, reported type). */
  public BigFraction transfer(int state, int type) {
    return transfers[state * types + type];
  }

  /** The interim rule in {@code state}: every type's lottery, then (if {@code withPayments}) every payment. */
  public List<BigFraction> interimRule(int state, boolean withPayments) {
    List<BigFraction> rule =
        new ArrayList<>(
            Arrays.asList(allocation).subList(state * types * outcomes, (state + 1) * types * outcomes));
    if (withPayments) {
      rule.addAll(Arrays.asList(transfers).subList(state * types, (state + 1) * types));
    }
    return rule;
  }
}
