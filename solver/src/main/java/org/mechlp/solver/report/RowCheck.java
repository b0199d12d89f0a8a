package org.mechlp.solver.report;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * One constraint row singled out by a verification: a violated row (amount = the violation, in the problem's units:
 * a gain from misreporting, an IR shortfall, a deficit) or a binding row (amount = its slack, near 0).
 *
 * @param family the family id, for example {@code ic-bic}
 * @param rowName the row's stable name
 * @param description the row in words
 * @param agent the agent the row protects, or -1
 * @param amount the violation or slack
 * @param exactAmount the exact amount when the check ran in rational arithmetic, else null
 * @param dual the row's dual (d objective / d right-hand side) when the backend's duals are reliable, else null
 */
public record RowCheck(
    String family,
    String rowName,
    String description,
    int agent,
    double amount,
    BigFraction exactAmount,
    Double dual) {}
