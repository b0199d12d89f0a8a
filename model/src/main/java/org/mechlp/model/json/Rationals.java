package org.mechlp.model.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;

/**
 * Turns decimal results of expression evaluation into exact fractions. A short decimal is taken exactly; a decimal
 * that fills the evaluation precision was rounded (a repeating decimal such as 1/3, or an irrational such as
 * SQRT(2)), and is replaced by the simplest fraction within {@link #TOLERANCE} of it.
 */
public final class Rationals {
  /** Significant digits used to evaluate expressions. */
  public static final int PRECISION = 68;

  /** Results with at least this many significant digits are treated as rounded. */
  static final int ROUNDED_DIGITS = 60;

  /** The absolute distance within which a rounded result is replaced by the simplest fraction: 1e-40. */
  public static final BigFraction TOLERANCE = new BigFraction(BigInteger.ONE, BigInteger.TEN.pow(40));

  private Rationals() {}

  /**
   * The exact value of {@code d} when it has fewer than 60 significant digits, else the simplest fraction within
   * 1e-40 of it.
   */
  public static BigFraction fromComputed(BigDecimal d) {
    BigFraction exact = Fractions.fromDecimal(d);
    if (d.stripTrailingZeros().precision() < ROUNDED_DIGITS) {
      return exact;
    }
    return simplestWithin(exact, TOLERANCE);
  }

  /**
   * The simplest fraction (smallest denominator, then smallest absolute numerator) in the closed interval {@code
   * [x - eps, x + eps]}, computed exactly with continued fractions.
   */
  public static BigFraction simplestWithin(BigFraction x, BigFraction eps) {
    if (eps.getNumerator().signum() < 0) {
      throw new IllegalArgumentException("negative tolerance " + eps);
    }
    return simplestBetween(x.subtract(eps), x.add(eps));
  }

  /** The simplest fraction in the closed interval {@code [lo, hi]}, {@code lo <= hi}. */
  static BigFraction simplestBetween(BigFraction lo, BigFraction hi) {
    if (lo.compareTo(hi) > 0) {
      throw new IllegalArgumentException("empty interval [" + lo + ", " + hi + "]");
    }
    if (lo.getNumerator().signum() <= 0 && hi.getNumerator().signum() >= 0) {
      return BigFraction.ZERO;
    }
    if (hi.getNumerator().signum() < 0) {
      return simplestPositive(hi.negate(), lo.negate()).negate();
    }
    return simplestPositive(lo, hi);
  }

  /** Stern-Brocot descent for {@code 0 < lo <= hi}, iterative on the continued-fraction expansion. */
  private static BigFraction simplestPositive(BigFraction lo, BigFraction hi) {
    // The answer is a0 + 1/(a1 + 1/(a2 + ...)); collect the partial quotients, then fold them back.
    java.util.List<BigInteger> quotients = new java.util.ArrayList<>();
    BigFraction l = lo;
    BigFraction h = hi;
    while (true) {
      BigInteger fl = floor(l);
      if (new BigFraction(fl).equals(l)) {
        quotients.add(fl);
        break;
      }
      if (floor(h).compareTo(fl) > 0) {
        quotients.add(fl.add(BigInteger.ONE));
        break;
      }
      quotients.add(fl);
      BigFraction base = new BigFraction(fl);
      BigFraction nextLo = h.subtract(base).reciprocal();
      BigFraction nextHi = l.subtract(base).reciprocal();
      l = nextLo;
      h = nextHi;
    }
    BigFraction result = new BigFraction(quotients.get(quotients.size() - 1));
    for (int i = quotients.size() - 2; i >= 0; i--) {
      result = new BigFraction(quotients.get(i)).add(result.reciprocal());
    }
    return result;
  }

  private static BigInteger floor(BigFraction f) {
    BigInteger[] qr = f.getNumerator().divideAndRemainder(f.getDenominator());
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }
}
