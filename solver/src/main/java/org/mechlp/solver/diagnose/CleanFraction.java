package org.mechlp.solver.diagnose;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;

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
   * null when every convergent within it has a denominator above {@link #MAX_DENOMINATOR}.
   */
  static BigFraction of(double x) {
    if (!Double.isFinite(x)) {
      return null;
    }
    double eps = TOLERANCE * Math.max(1.0, Math.abs(x));
    long p0 = 0;
    long q0 = 1;
    long p1 = 1;
    long q1 = 0;
    double rest = x;
    for (int i = 0; i < 40; i++) {
      double a = Math.floor(rest);
      if (Math.abs(a) > 1e15) {
        return null;
      }
      long ai = (long) a;
      long p2 = ai * p1 + p0;
      long q2 = ai * q1 + q0;
      if (q2 > MAX_DENOMINATOR) {
        return null;
      }
      p0 = p1;
      q0 = q1;
      p1 = p2;
      q1 = q2;
      if (Math.abs((double) p1 / q1 - x) <= eps) {
        return new BigFraction(BigInteger.valueOf(p1), BigInteger.valueOf(q1));
      }
      double frac = rest - a;
      if (frac == 0) {
        return null;
      }
      rest = 1 / frac;
    }
    return null;
  }
}
