package org.mechlp.solver.lp;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The bounds of one LP column; a null end is infinite (never a finite sentinel: GLOP answers ABNORMAL when free
 * columns get bounds like ±1e9).
 */
public record ColumnBounds(BigFraction lower, BigFraction upper) {
  /** A free column. */
  public static final ColumnBounds FREE = new ColumnBounds(null, null);

  /** A non-negative column. */
  public static final ColumnBounds NON_NEGATIVE = new ColumnBounds(BigFraction.ZERO, null);

  /** The lower bound as a double (-infinity when absent). */
  public double lowerDouble() {
    return lower == null ? Double.NEGATIVE_INFINITY : lower.doubleValue();
  }

  /** The upper bound as a double (+infinity when absent). */
  public double upperDouble() {
    return upper == null ? Double.POSITIVE_INFINITY : upper.doubleValue();
  }

  /** How far {@code v} is outside the bounds (0 when inside). */
  public double violation(double v) {
    double below = lower == null ? 0 : lower.doubleValue() - v;
    double above = upper == null ? 0 : v - upper.doubleValue();
    return Math.max(0, Math.max(below, above));
  }

  /** How far exact {@code v} is outside the bounds (0 when inside). */
  public BigFraction violation(BigFraction v) {
    if (lower != null && v.compareTo(lower) < 0) {
      return lower.subtract(v);
    }
    if (upper != null && v.compareTo(upper) > 0) {
      return v.subtract(upper);
    }
    return BigFraction.ZERO;
  }
}
