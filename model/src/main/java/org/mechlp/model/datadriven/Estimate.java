package org.mechlp.model.datadriven;

import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * One value the estimator can report after the allocation.
 *
 * @param name the estimate's name, unique within the estimator
 * @param value the estimate's number for an affine estimator, or null
 * @param state the state the estimate stands for (a plug-in guess of the state), or -1
 */
public record Estimate(String name, BigFraction value, int state) {
  public Estimate {
    Objects.requireNonNull(name, "name");
  }
}
