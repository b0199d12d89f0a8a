package org.mechlp.solver.lp;

import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A linear objective {@code constant + sum_j c_j x_j}, to maximize or minimize, with exact coefficients (one per
 * column, zeros included).
 */
public record LinearObjective(boolean maximize, BigFraction[] coefficients, BigFraction constant) {
  public LinearObjective {
    Objects.requireNonNull(coefficients, "coefficients");
    Objects.requireNonNull(constant, "constant");
  }

  /** The objective's value at a floating-point point. */
  public double value(double[] x) {
    double sum = constant.doubleValue();
    for (int j = 0; j < coefficients.length; j++) {
      if (coefficients[j].getNumerator().signum() != 0) {
        sum += coefficients[j].doubleValue() * x[j];
      }
    }
    return sum;
  }

  /** The objective's value at an exact point. */
  public BigFraction value(BigFraction[] x) {
    BigFraction sum = constant;
    for (int j = 0; j < coefficients.length; j++) {
      if (coefficients[j].getNumerator().signum() != 0) {
        sum = sum.add(coefficients[j].multiply(x[j]));
      }
    }
    return sum;
  }
}
