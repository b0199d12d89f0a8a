package org.mechlp.model;

import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * One type of an agent: a name and numeric attributes (for example {@code value = 3}) that valuation expressions
 * and outcome shortcuts read.
 */
public record AgentType(String name, Map<String, BigFraction> attributes) {
  public AgentType {
    Objects.requireNonNull(name, "name");
    attributes = Map.copyOf(attributes);
  }

  /** The attribute, or null when the type does not carry it. */
  public BigFraction attribute(String key) {
    return attributes.get(key);
  }
}
