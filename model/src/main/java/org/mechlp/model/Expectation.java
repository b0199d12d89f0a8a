package org.mechlp.model;

import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * What a problem file says its answer must be (its {@code "expect"} block), so that a folder of problems is a
 * regression suite: {@code mechlp batch} compares every answer with it.
 *
 * @param status the expected status name ({@code OPTIMAL}, {@code INFEASIBLE}, ...)
 * @param objective the expected optimal value, exact, or null when only the status is expected
 * @param tolerance the largest accepted |objective - expected|
 */
public record Expectation(String status, BigFraction objective, double tolerance) {
  /** The tolerance used when the file gives none. */
  public static final double DEFAULT_TOLERANCE = 1e-7;

  public Expectation {
    Objects.requireNonNull(status, "status");
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0");
    }
  }
}
