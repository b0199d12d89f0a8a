package org.mechlp.solver.diagnose;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;
import org.apache.commons.math3.fraction.FractionConversionException;

/**
 * Reads a solver's value back as the small fraction it approximates (1/12 from 0.08333333333), and refuses when no
 * fraction with a small denominator is close: then the report says "about" instead of printing a fraction.
 */
final class CleanFraction {
  /** The largest denominator accepted as clean. */
  static final long MAX_DENOMINATOR = 1_000_000;

  /** The relative distance accepted, about the accuracy of a simplex vertex. */
  static final double TOLERANCE = 1e-9;

  private CleanFraction() {}

  /**
   * The first continued-fraction convergent of {@code x} within {@link #TOLERANCE} (relative to max(1,|x|)), or
   * null when that convergent has a denominator above {@link #MAX_DENOMINATOR}.
   */
  static BigFraction of(double x) {
    if (!Double.isFinite(x)) {
      return null;
    }
    double eps = TOLERANCE * Math.max(1.0, Math.abs(x));
    try {
      BigFraction convergent = new BigFraction(x, eps, 40);
      boolean clean =
          convergent.getDenominator().compareTo(BigInteger.valueOf(MAX_DENOMINATOR)) <= 0
              && Math.abs(convergent.doubleValue() - x) <= eps;
      return clean ? convergent : null;
    } catch (FractionConversionException e) {
      // The convergents outgrew 31 bits before one came within the tolerance.
      return null;
    }
  }
}
