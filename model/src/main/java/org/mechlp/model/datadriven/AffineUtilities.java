package org.mechlp.model.datadriven;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * Utilities written as u(x, profile, state) = a + b * phi_x(state) for every party, so that the utility at an
 * estimate is a + b * value(estimate).
 *
 * @param a indexed [party][profile][outcome]: parties 0..n-1 are the agents, party n the non-strategic party
 * @param b indexed like {@code a}
 */
public record AffineUtilities(BigFraction[][][] a, BigFraction[][][] b) {}
