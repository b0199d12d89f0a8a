package org.mechlp.solver.lp.export;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Writes an exact fraction as a decimal number for LP and MPS files: exactly when its denominator has no prime
 * factor but 2 and 5 (1/4 is 0.25), else correctly rounded to 17 significant digits (1/3 is 0.33333333333333333):
 * a relative error below 5e-17, less than half the spacing of doubles, so a reader's double is the fraction's
 * nearest double or its neighbour.
 */
public final class Decimals {
  /** Significant digits of a fraction that has no terminating decimal (17 also write any double exactly enough). */
  static final MathContext SEVENTEEN_DIGITS = new MathContext(17, RoundingMode.HALF_EVEN);

  private static final BigInteger FIVE = BigInteger.valueOf(5);

  private Decimals() {}

  /** {@code value} as a decimal: exact if it terminates, else to 17 significant digits. */
  public static String format(BigFraction value) {
    BigDecimal numerator = new BigDecimal(value.getNumerator());
    BigDecimal denominator = new BigDecimal(value.getDenominator());
    BigDecimal decimal =
        terminates(value.getDenominator())
            ? numerator.divide(denominator)
            : numerator.divide(denominator, SEVENTEEN_DIGITS);
    decimal = decimal.stripTrailingZeros();
    if (decimal.signum() == 0) {
      return "0";
    }
    // Plain digits read best (0.25, 1200); scientific notation only where plain would be very long.
    int exponent = decimal.precision() - decimal.scale() - 1;
    return Math.abs(exponent) <= 20 ? decimal.toPlainString() : decimal.toString();
  }

  /** Whether 1/denominator has a finite decimal expansion: no prime factor other than 2 and 5. */
  static boolean terminates(BigInteger denominator) {
    BigInteger rest = denominator.abs();
    rest = rest.shiftRight(rest.getLowestSetBit());
    while (rest.signum() != 0 && rest.mod(FIVE).signum() == 0) {
      rest = rest.divide(FIVE);
    }
    return rest.equals(BigInteger.ONE);
  }
}
