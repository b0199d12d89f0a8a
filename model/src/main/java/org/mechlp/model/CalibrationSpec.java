package org.mechlp.model;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * How a single-agent problem with a payoff-relevant state is solved as a calibrated mechanism (Doval and Smolin,
 * 2025; docs/THEORY.md, Calibrated mechanisms): the designer discloses a signal about the state, then applies a
 * state-independent rule, and IC and IR must hold under the agent's posterior given its type and the signal.
 *
 * @param disclosure which signal structures are allowed
 * @param signalNames the signals of a {@link Disclosure#FIXED} structure (empty otherwise)
 * @param signal for {@link Disclosure#FIXED}: pi(s | w) indexed [signal][state], each state's column summing to 1
 * @param gridResolution K of the uniform posterior grid {a/K} used by {@link Disclosure#OPTIMAL}
 * @param maxDenominator posteriors with every coordinate a fraction of denominator at most this are added too
 * @param adaptive for two states, refine the grid around the posteriors that carry weight
 * @param observePayments modelling switch (docs/THEORY.md, Calibrated mechanisms): the agent observes payments as well
 * as allocations
 * @param typesRedrawn modelling switch (docs/THEORY.md, Calibrated mechanisms): types are redrawn each period, so the
 * agent also learns its type     distribution given the state
 */
public record CalibrationSpec(
    Disclosure disclosure,
    List<String> signalNames,
    List<List<BigFraction>> signal,
    int gridResolution,
    int maxDenominator,
    boolean adaptive,
    boolean observePayments,
    boolean typesRedrawn) {
  /** Which signal structures the designer may use. */
  public enum Disclosure {
    /** Choose the signal structure and the rules together (the posterior-grid LP, docs/THEORY.md P1). */
    OPTIMAL("optimal"),
    /** Reveal the state (docs/THEORY.md P2). */
    FULL("full"),
    /** Reveal nothing: one rule for the prior. */
    NONE("none"),
    /** A given signal structure pi(s | w) (docs/THEORY.md P0). */
    FIXED("fixed");

    private final String json;

    Disclosure(String json) {
      this.json = json;
    }

    /** The name used in problem files. */
    public String json() {
      return json;
    }
  }

  /** Default resolution of the uniform posterior grid. */
  public static final int DEFAULT_GRID = 20;

  /** Default largest denominator of the extra posteriors. */
  public static final int DEFAULT_MAX_DENOMINATOR = 12;

  public CalibrationSpec {
    Objects.requireNonNull(disclosure, "disclosure");
    signalNames = List.copyOf(signalNames);
    signal = signal.stream().map(List::copyOf).toList();
    if (gridResolution < 1 || maxDenominator < 1) {
      throw new IllegalArgumentException("grid resolution and denominator must be at least 1");
    }
  }

  /** Optimal disclosure with the default grid. */
  public static CalibrationSpec optimal() {
    return new CalibrationSpec(
        Disclosure.OPTIMAL, List.of(), List.of(), DEFAULT_GRID, DEFAULT_MAX_DENOMINATOR, true, true, false);
  }
}
