package org.mechlp.model;

import java.util.List;

/**
 * A Rawlsian objective: maximize the least interim expected utility over a set of (agent, type) pairs
 * (docs/THEORY.md, Robust and Rawlsian objectives). Types of probability 0 have no interim utility and are skipped
 * when the LP is built.
 *
 * @param members the pairs whose least utility is maximized, in agent then type order
 * @param everyone whether the file asked for every agent and type (shown as such in reports)
 */
public record Rawlsian(List<TypeRef> members, boolean everyone) {
  public Rawlsian {
    members = List.copyOf(members);
    if (members.isEmpty()) {
      throw new IllegalArgumentException("a Rawlsian objective needs at least one agent type");
    }
  }
}
