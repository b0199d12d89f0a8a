package org.mechlp.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;

/** Parsing and printing of exact fractions, the only number type of the model. */
public final class Fractions {
  private Fractions() {}

  /**
   * Parses {@code "3"}, {@code "-0.25"}, {@code "1e-3"} or {@code "1/3"} exactly.
   *
   * @return empty when the text is not such a number (including NaN and infinities)
   */
  public static Optional<BigFraction> parse(String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      int slash = s.indexOf('/');
      if (slash >= 0) {
        BigFraction num = fromDecimal(new BigDecimal(s.substring(0, slash).trim()));
        BigFraction den = fromDecimal(new BigDecimal(s.substring(slash + 1).trim()));
        if (den.getNumerator().signum() == 0) {
          return Optional.empty();
        }
        return Optional.of(num.divide(den));
      }
      return Optional.of(fromDecimal(new BigDecimal(s)));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The exact value of a decimal number. */
  public static BigFraction fromDecimal(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    int scale = stripped.scale();
    if (scale <= 0) {
      return new BigFraction(stripped.toBigIntegerExact());
    }
    return new BigFraction(stripped.unscaledValue(), BigInteger.TEN.pow(scale));
  }

  /** The exact value of a finite double (every finite double is a dyadic rational). */
  public static BigFraction fromDouble(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("not a finite number: " + x);
    }
    return fromDecimal(new BigDecimal(x));
  }

  /**
   * The simplest fraction within {@code 1e-12} (relative to max(1,|x|)) of {@code x}, with a denominator of at most
   * 10^9: how a solver's floating-point value is read back as the rational it approximates.
   */
  public static BigFraction rationalize(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("not a finite number: " + x);
    }
    double eps = 1e-12 * Math.max(1.0, Math.abs(x));
    // Continued-fraction convergents of x; stop at the first within eps.
    BigInteger p0 = BigInteger.ZERO;
    BigInteger q0 = BigInteger.ONE;
    BigInteger p1 = BigInteger.ONE;
    BigInteger q1 = BigInteger.ZERO;
    BigDecimal rest = new BigDecimal(x);
    BigDecimal exact = rest;
    for (int i = 0; i < 64; i++) {
      BigInteger a = floor(rest);
      BigInteger p2 = a.multiply(p1).add(p0);
      BigInteger q2 = a.multiply(q1).add(q0);
      if (q2.bitLength() > 30) {
        break;
      }
      p0 = p1;
      q0 = q1;
      p1 = p2;
      q1 = q2;
      BigFraction candidate = new BigFraction(p1, q1);
      if (Math.abs(candidate.doubleValue() - x) <= eps) {
        return candidate;
      }
      BigDecimal frac = rest.subtract(new BigDecimal(a));
      if (frac.signum() == 0) {
        return candidate;
      }
      rest = BigDecimal.ONE.divide(frac, java.math.MathContext.DECIMAL128);
    }
    return fromDecimal(exact);
  }

  private static BigInteger floor(BigDecimal d) {
    BigInteger i = d.toBigInteger();
    if (d.signum() < 0 && d.compareTo(new BigDecimal(i)) != 0) {
      i = i.subtract(BigInteger.ONE);
    }
    return i;
  }

  /** Prints a fraction as an integer ("2"), a short exact decimal ("0.25") or a ratio ("1/3"). */
  public static String format(BigFraction f) {
    if (f.getDenominator().equals(BigInteger.ONE)) {
      return f.getNumerator().toString();
    }
    BigInteger den = f.getDenominator();
    int twos = den.getLowestSetBit();
    BigInteger rest = den.shiftRight(twos);
    int fives = 0;
    while (rest.mod(BigInteger.valueOf(5)).signum() == 0) {
      rest = rest.divide(BigInteger.valueOf(5));
      fives++;
    }
    if (rest.equals(BigInteger.ONE) && Math.max(twos, fives) <= 6) {
      return new BigDecimal(f.getNumerator())
          .divide(new BigDecimal(den))
          .stripTrailingZeros()
          .toPlainString();
    }
    return f.getNumerator() + "/" + den;
  }

  /** True when {@code f} is exactly zero. */
  public static boolean isZero(BigFraction f) {
    return f.getNumerator().signum() == 0;
  }
}
