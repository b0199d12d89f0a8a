package org.mechlp.solver.compare;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * An expected quantity of a row (revenue, welfare, a utility, a gap): its value, and its exact value when every
 * number it was computed from was exact.
 *
 * @param value the value
 * @param exact the exact value, or null
 */
public record Quantity(double value, BigFraction exact) {
  /** An exact quantity. */
  public static Quantity of(BigFraction exact) {
    return new Quantity(exact.doubleValue(), exact);
  }

  /** A floating-point quantity. */
  public static Quantity of(double value) {
    return new Quantity(value, null);
  }

  /** {@code this - other}, exact when both are. */
  public Quantity minus(Quantity other) {
    if (exact != null && other.exact != null) {
      return of(exact.subtract(other.exact));
    }
    return of(value - other.value);
  }

  /** {@code this + other}, exact when both are. */
  public Quantity plus(Quantity other) {
    if (exact != null && other.exact != null) {
      return of(exact.add(other.exact));
    }
    return of(value + other.value);
  }

  /** {@code this * factor}, exact when this is. */
  public Quantity times(BigFraction factor) {
    return exact != null ? of(exact.multiply(factor)) : of(value * factor.doubleValue());
  }

  /** The negation, exact when this is. */
  public Quantity negate() {
    return exact != null ? of(exact.negate()) : of(-value);
  }
}
