package org.mechlp.model.dynamic;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * What a shipped dynamic instance expects, with where the expectation comes from.
 *
 * @param source where the expected answer comes from (a paper, a closed form, a hand derivation)
 * @param feasible whether every contingent-transfer block is expected to be feasible, or null
 * @param welfare the expected efficient surplus E[W_1] under mu_1, or null
 * @param blocks the expected number of blocks, or null
 * @param checkPasses for an instance shipped with a mechanism: whether check is expected to pass, or null
 */
public record DynamicExpectation(
    String source, Boolean feasible, BigFraction welfare, Integer blocks, Boolean checkPasses) {}
