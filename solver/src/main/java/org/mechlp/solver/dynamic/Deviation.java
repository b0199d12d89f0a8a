package org.mechlp.solver.dynamic;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * A profitable one-shot deviation: in period t at true profile theta, agent i reports r instead of its signal (and
 * truthfully afterwards), and gains {@code gain} in discounted continuation payoff.
 */
public record Deviation(int agent, int period, int profile, int report, int truthAction, int deviationAction,
    BigFraction gain) {}
