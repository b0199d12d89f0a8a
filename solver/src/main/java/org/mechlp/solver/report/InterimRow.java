package org.mechlp.solver.report;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * What agent {@code agent} of type {@code type} gets in expectation over the others' types and the state when
 * everybody reports truthfully.
 *
 * @param agent the agent
 * @param type the agent's type
 * @param probability the marginal probability of the type
 * @param outcomeProbabilities the interim lottery: the probability of each outcome
 * @param expectedTransfer the expected payment
 * @param expectedUtility the expected value minus the expected payment
 */
public record InterimRow(
    int agent,
    int type,
    BigFraction probability,
    double[] outcomeProbabilities,
    double expectedTransfer,
    double expectedUtility) {}
