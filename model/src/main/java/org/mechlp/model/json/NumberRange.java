package org.mechlp.model.json;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The numbers a problem file may contain, so that mechlp can answer reliably (docs/FORMAT.md, "Numbers mechlp
 * answers reliably"). The LP is solved in double precision and then verified, and certified in exact arithmetic when
 * the floating-point answer cannot be verified; both need numbers a double can carry with room to spare:
 *
 * <ul>
 *   <li>every non-zero number has magnitude in [1e-15, 1e15]: integers up to 1e15 are exact in a double with three
 *       bits to spare, and products of a few such probabilities and values stay far from underflow and overflow;
 *       measured, one buyer with values 1, 2, v is answered for v up to 1e15 and fails in every backend from
 *       about 1e18 on;
 *   <li>the non-zero values, costs and other amounts (not probabilities) span a ratio of at most 1e24 (for example
 *       1e-12 to 1e12): beyond it the double-precision backends treat the small terms as zero and only exact
 *       arithmetic, on small LPs, still answers;
 *   <li>an exact number has at most 60 digits in its numerator and in its denominator: more precision than a
 *       double's 17 digits only slows exact arithmetic down.
 * </ul>
 */
final class NumberRange {
  private NumberRange() {}

  /** The largest magnitude accepted. */
  static final BigFraction MAX = new BigFraction(BigInteger.TEN.pow(15));

  /** The smallest non-zero magnitude accepted. */
  static final BigFraction MIN = new BigFraction(BigInteger.ONE, BigInteger.TEN.pow(15));

  /** The largest ratio between the largest and the smallest non-zero amount. */
  static final BigFraction MAX_RATIO = new BigFraction(BigInteger.TEN.pow(24));

  /** The most digits of a numerator or a denominator. */
  static final int MAX_DIGITS = 60;

  /** Why {@code x} is outside the range, or empty when it is inside. */
  static Optional<String> whyOutside(BigFraction x) {
    if (x.getNumerator().signum() == 0) {
      return Optional.empty();
    }
    BigFraction magnitude = x.abs();
    if (magnitude.compareTo(MAX) > 0) {
      return Optional.of(
          "magnitude " + sci(magnitude) + " is above 1e15, the largest mechlp answers reliably (change the unit)");
    }
    if (magnitude.compareTo(MIN) < 0) {
      return Optional.of(
          "magnitude " + sci(magnitude) + " is below 1e-15, the smallest non-zero number mechlp answers reliably"
              + " (use 0, or change the unit)");
    }
    int digits = Math.max(digits(x.getNumerator()), digits(x.getDenominator()));
    if (digits > MAX_DIGITS) {
      return Optional.of(
          "a fraction with " + digits + " digits; mechlp accepts at most " + MAX_DIGITS
              + " digits in a numerator or denominator (round it; a double carries 17)");
    }
    return Optional.empty();
  }

  /** Digits of |n| (a cheap bound from the bit length, exact enough for a limit of 60). */
  private static int digits(BigInteger n) {
    return (int) Math.ceil(n.abs().bitLength() * Math.log10(2));
  }

  /** A magnitude in scientific notation, short. */
  static String sci(BigFraction magnitude) {
    double d = magnitude.doubleValue();
    if (Double.isFinite(d) && d != 0) {
      return String.format(Locale.ROOT, "%.3g", d);
    }
    // Beyond a double: the power of ten from the digit counts.
    int exponent = digits(magnitude.getNumerator()) - digits(magnitude.getDenominator());
    return "about 1e" + exponent;
  }
}
