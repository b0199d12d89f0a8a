package org.mechlp.model;

import java.util.List;
import java.util.Objects;

/** An agent with a finite, non-empty list of types (its index in the problem is its position). */
public record Agent(String name, List<AgentType> types) {
  public Agent {
    Objects.requireNonNull(name, "name");
    types = List.copyOf(types);
    if (types.isEmpty()) {
      throw new IllegalArgumentException("agent " + name + " has no types");
    }
  }

  /** Number of types. */
  public int typeCount() {
    return types.size();
  }

  /** Index of the named type, or -1. */
  public int typeIndex(String typeName) {
    for (int i = 0; i < types.size(); i++) {
      if (types.get(i).name().equals(typeName)) {
        return i;
      }
    }
    return -1;
  }
}
