package org.mechlp.model.datadriven;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * A data-driven mechanism: at every reported profile an outcome lottery, and per agent a transfer (paid by the
 * agent) for every estimate the estimator can report after the allocation.
 *
 * @param allocation indexed [profile][outcome]
 * @param transfers indexed [agent][profile][estimate]
 * @param exact whether the numbers are exact (a hand-written file, data-driven VCG, a certified optimum) rather
 *     than a floating-point LP solution converted exactly
 */
public record DataDrivenMechanism(BigFraction[][] allocation, BigFraction[][][] transfers, boolean exact) {}
