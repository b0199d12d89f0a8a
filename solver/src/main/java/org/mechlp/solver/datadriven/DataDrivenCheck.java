package org.mechlp.solver.datadriven;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;

/**
 * What {@code check} found in a data-driven mechanism, in exact arithmetic.
 *
 * @param equilibrium the solution concept checked
 * @param gains per agent, the largest gain from misreporting (epsilon, 0 when truth is optimal) and where
 * @param ir the participation constraints the mechanism breaks, with the shortfall
 * @param budget the budget constraints it breaks, with the deficit
 * @param feasibility outcome lotteries that do not sum to 1 or have negative entries
 * @param exact whether the mechanism's numbers were exact; otherwise gains within {@code tolerance} pass
 * @param tolerance the tolerance applied to an inexact mechanism (0 for an exact one)
 */
public record DataDrivenCheck(
    String equilibrium,
    List<AgentGain> gains,
    List<Violation> ir,
    List<Violation> budget,
    List<Violation> feasibility,
    boolean exact,
    double tolerance) {
  public DataDrivenCheck {
    gains = List.copyOf(gains);
    ir = List.copyOf(ir);
    budget = List.copyOf(budget);
    feasibility = List.copyOf(feasibility);
  }

  /**
   * The largest gain of one agent.
   *
   * @param agent the agent's name
   * @param epsilon the largest gain over true profiles (or types) and misreports, never negative
   * @param argmax where it is reached, in words (empty when no misreport gains)
   */
  public record AgentGain(String agent, BigFraction epsilon, String argmax) {}

  /** One broken constraint in words, with the amount by which it is broken. */
  public record Violation(String description, BigFraction amount) {}

  /** Whether the mechanism passes: no gain, no IR, budget or feasibility violation (within the tolerance). */
  public boolean passes() {
    return gains.stream().allMatch(g -> within(g.epsilon()))
        && ir.stream().allMatch(v -> within(v.amount()))
        && budget.stream().allMatch(v -> within(v.amount()))
        && feasibility.stream().allMatch(v -> within(v.amount()));
  }

  private boolean within(BigFraction amount) {
    return exact ? Fractions.isZero(amount) : amount.doubleValue() <= tolerance;
  }
}
