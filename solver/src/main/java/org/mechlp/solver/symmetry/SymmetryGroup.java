package org.mechlp.solver.symmetry;

import java.math.BigInteger;
import java.util.List;
import java.util.Objects;

/**
 * The group of agent relabellings under which a problem's LP is invariant, given by generators. The agents fall into
 * classes of interchangeable agents; the group is the product of the symmetric groups of the classes.
 *
 * @param generators verified transpositions (each maps the LP to itself)
 * @param agentClasses the classes of interchangeable agents (singletons included), by agent index
 * @param order the number of elements of the group (1 for the trivial group)
 * @param notes why agents were found not interchangeable, or why detection did not apply; empty when every pair
 *     that was tried passed
 */
public record SymmetryGroup(
    List<AgentSwap> generators, List<List<Integer>> agentClasses, BigInteger order, List<String> notes) {
  public SymmetryGroup {
    generators = List.copyOf(generators);
    agentClasses = agentClasses.stream().map(List::copyOf).toList();
    Objects.requireNonNull(order, "order");
    notes = List.copyOf(notes);
  }

  /** The trivial group of a problem with {@code agentCount} agents, with the reason. */
  public static SymmetryGroup trivial(int agentCount, String reason) {
    List<List<Integer>> classes = new java.util.ArrayList<>();
    for (int i = 0; i < agentCount; i++) {
      classes.add(List.of(i));
    }
    return new SymmetryGroup(List.of(), classes, BigInteger.ONE, List.of(reason));
  }

  /** Whether the group has only the identity (nothing to reduce). */
  public boolean isTrivial() {
    return generators.isEmpty();
  }
}
