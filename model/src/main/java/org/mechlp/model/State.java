package org.mechlp.model;

import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/** A payoff-relevant state, unknown to the agents, with numeric attributes for valuation expressions. */
public record State(String name, Map<String, BigFraction> attributes) {
  public State {
    Objects.requireNonNull(name, "name");
    attributes = Map.copyOf(attributes);
  }
}
