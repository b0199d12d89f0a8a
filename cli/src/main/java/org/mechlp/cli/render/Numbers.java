package org.mechlp.cli.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;

/** Prints numbers for people: about six significant digits, no noise digits, never "-0". */
public final class Numbers {
  /** Values closer than this to zero print as "0": simplex residues are below the 1e-9 feasibility tolerance. */
  private static final double ZERO = 1e-9;

  private Numbers() {}

  /**
   * Formats a double: integers and short decimals exactly ("2", "0.5"), others with six decimals or six significant
   * digits, whichever is more ("1.333333", "0.000123457"), and very large or small magnitudes in scientific notation
   * ("1.23457e+12", "1e-5"). Non-finite values print as "inf", "-inf", "nan".
   */
  public static String format(double x) {
    if (Double.isNaN(x)) {
      return "nan";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "inf" : "-inf";
    }
    if (Math.abs(x) < ZERO) {
      return "0";
    }
    double magnitude = Math.abs(x);
    if (magnitude >= 1e-4 && magnitude < 1e9) {
      int exponent = (int) Math.floor(Math.log10(magnitude));
      int decimals = Math.max(6, 5 - exponent);
      BigDecimal rounded =
          new BigDecimal(x).setScale(decimals, RoundingMode.HALF_EVEN).stripTrailingZeros();
      if (rounded.signum() == 0) {
        return "0";
      }
      return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
    return String.format(Locale.ROOT, "%.6g", x)
        .replaceFirst("\\.?0+e", "e")
        .replaceFirst("e([+-])0+(\\d)", "e$1$2");
  }

  /**
   * Formats a double that is known to be a rational with a small denominator (a candidate posterior, for
   * example) as that fraction ("2/3") when one with denominator at most {@code maxDenominator} lies within 1e-12,
   * else as {@link #format(double)} does.
   */
  public static String smallFraction(double x, int maxDenominator) {
    if (!Double.isFinite(x)) {
      return format(x);
    }
    for (long q = 1; q <= maxDenominator; q++) {
      long p = Math.round(x * q);
      if (Math.abs(x - (double) p / q) <= 1e-12) {
        return exact(new BigFraction(p, q));
      }
    }
    return format(x);
  }

  /** Formats an exact value as "2", "0.25" or "1/3" (Fractions.format), never "-0". */
  public static String exact(BigFraction f) {
    return Fractions.format(f);
  }

  /** Formats a duration in nanoseconds as milliseconds with at most one decimal ("12.3"). */
  public static String millis(long nanos) {
    double ms = nanos / 1e6;
    if (ms >= 100) {
      return String.valueOf(Math.round(ms));
    }
    return BigDecimal.valueOf(ms).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
  }

  /** Formats a duration in nanoseconds as a double in milliseconds, for JSON. */
  public static double millisValue(long nanos) {
    return Math.round(nanos / 1e3) / 1e3;
  }
}
