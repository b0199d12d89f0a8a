package org.mechlp.model;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * What a problem file says its answer must be (its {@code "expect"} block), so that a folder of problems is a
 * regression suite: {@code mechlp batch} compares every answer with it.
 *
 * @param status the expected status name ({@code OPTIMAL}, {@code INFEASIBLE}, ...)
 * @param objective the expected optimal value, exact, or null when only the status is expected
 * @param tolerance the largest accepted |objective - expected|
 * @param mechanism a mechanism file to check against the problem (relative to the problem file), or null
 * @param verdict the expected verdict of that check, {@code pass} or {@code fail}, or null
 * @param source where the expected answer comes from (a closed form, a hand derivation, the literature, an
 *     independent computation), or null
 * @param builtins what built-in mechanisms must give on the problem (empty for none)
 */
public record Expectation(
    String status,
    BigFraction objective,
    double tolerance,
    String mechanism,
    String verdict,
    String source,
    List<BuiltinExpectation> builtins) {
  /** The tolerance used when the file gives none. */
  public static final double DEFAULT_TOLERANCE = 1e-7;

  /** An expectation about the solve only. */
  public Expectation(String status, BigFraction objective, double tolerance) {
    this(status, objective, tolerance, null, null, null);
  }

  /** An expectation without built-in mechanisms. */
  public Expectation(
      String status, BigFraction objective, double tolerance, String mechanism, String verdict, String source) {
    this(status, objective, tolerance, mechanism, verdict, source, List.of());
  }

  public Expectation {
    Objects.requireNonNull(status, "status");
    builtins = builtins == null ? List.of() : List.copyOf(builtins);
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0");
    }
  }
}
