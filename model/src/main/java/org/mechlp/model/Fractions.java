package org.mechlp.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.apache.commons.math3.fraction.FractionConversionException;

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
   * The first continued-fraction convergent of {@code x} within {@code 1e-12} (relative to max(1,|x|)) whose
   * numerator and denominator fit in 31 bits, else the exact value of {@code x}: how a solver's floating-point value
   * is read back as the rational it approximates (0.1 + 0.2 reads as 3/10).
   */
  public static BigFraction rationalize(double x) {
    if (!Double.isFinite(x)) {
      throw new IllegalArgumentException("not a finite number: " + x);
    }
    double eps = 1e-12 * Math.max(1.0, Math.abs(x));
    try {
      // Commons Math walks the convergents and stops at the first within eps; it throws when they outgrow 31 bits.
      BigFraction convergent = new BigFraction(x, eps, 64);
      if (Math.abs(convergent.doubleValue() - x) <= eps) {
        return convergent;
      }
    } catch (FractionConversionException e) {
      // No small fraction is that close: the value is not a rounded rational, keep it as it is.
    }
    return fromDouble(x);
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
