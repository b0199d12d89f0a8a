package org.mechlp.solver.verify;

import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;

/**
 * The range of an LP's non-zero coefficients (rows, right-hand sides and objective), in magnitude. Double-precision
 * simplex codes work to about 1e-9 relative to their scaled problem; past a ratio of about 1e8 between the largest
 * and the smallest coefficient their tolerances swallow terms that matter (a 5e-16 objective coefficient next to a
 * 1e12 value), which is when mechlp's verification most often falls back to exact arithmetic.
 *
 * @param smallest the smallest non-zero magnitude
 * @param largest the largest magnitude
 */
public record Scaling(double smallest, double largest) {
  /** The ratio above which the report calls an LP badly scaled. */
  public static final double BAD_RATIO = 1e8;

  /** The coefficient range of {@code lp}. */
  public static Scaling of(LinearProgram lp) {
    double[] range = {Double.POSITIVE_INFINITY, 0};
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(
          row -> {
            for (BigFraction a : row.coefficients()) {
              observe(range, a);
            }
            observe(range, row.rhs());
          });
    }
    for (BigFraction c : lp.objective().coefficients()) {
      observe(range, c);
    }
    return range[1] == 0 ? new Scaling(1, 1) : new Scaling(range[0], range[1]);
  }

  private static void observe(double[] range, BigFraction value) {
    if (value.getNumerator().signum() == 0) {
      return;
    }
    double magnitude = Math.abs(value.doubleValue());
    range[0] = Math.min(range[0], magnitude);
    range[1] = Math.max(range[1], magnitude);
  }

  /** The largest over the smallest magnitude. */
  public double ratio() {
    return largest / smallest;
  }

  /** Whether the ratio exceeds {@link #BAD_RATIO}. */
  public boolean isBad() {
    return ratio() > BAD_RATIO;
  }

  /** The range in words, for a report's note. */
  public String describe() {
    return String.format(
        Locale.ROOT, "the LP is badly scaled: coefficients from %.3g to %.3g (ratio %.3g)", smallest, largest,
        ratio());
  }
}
