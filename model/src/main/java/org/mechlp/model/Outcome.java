package org.mechlp.model;

import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A named alternative. {@code cost} is what the designer pays when it is chosen (a public project's cost); budget
 * balance constraints and the {@code cost}, {@code profit} and {@code welfare} objectives count it.
 */
public record Outcome(String name, BigFraction cost) {
  public Outcome {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(cost, "cost");
  }

  /** An outcome that costs nothing. */
  public static Outcome of(String name) {
    return new Outcome(name, BigFraction.ZERO);
  }
}
