package org.mechlp.model;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The constraints the mechanism must satisfy.
 *
 * @param ic incentive compatibility
 * @param ir participation timing
 * @param outsideOptions the outside option per agent and type (the utility IR guarantees), indexed [agent][type]
 * @param budget budget balance
 * @param budgetAmount the subsidy the designer may spend (0: no deficit)
 * @param transfers whether transfers exist, and their bounds
 * @param fixedAllocation when present, the allocation is fixed to this rule and only transfers are sought
 * @param pinnedUtilities types whose interim expected utility is fixed (empty for none)
 * @param constraints the user's custom linear constraints, {@code mechanism.constraints} (empty for none)
 */
public record MechanismSpec(
    IcKind ic,
    IrKind ir,
    List<List<BigFraction>> outsideOptions,
    BudgetKind budget,
    BigFraction budgetAmount,
    TransferSpec transfers,
    FixedAllocation fixedAllocation,
    List<PinnedUtility> pinnedUtilities,
    List<CustomConstraint> constraints) {
  public MechanismSpec {
    pinnedUtilities = pinnedUtilities == null ? List.of() : List.copyOf(pinnedUtilities);
    constraints = constraints == null ? List.of() : List.copyOf(constraints);
    Objects.requireNonNull(ic, "ic");
    Objects.requireNonNull(ir, "ir");
    outsideOptions = outsideOptions.stream().map(List::copyOf).toList();
    Objects.requireNonNull(budget, "budget");
    Objects.requireNonNull(budgetAmount, "budgetAmount");
    Objects.requireNonNull(transfers, "transfers");
  }

  /** Constraints without custom constraints. */
  public MechanismSpec(
      IcKind ic,
      IrKind ir,
      List<List<BigFraction>> outsideOptions,
      BudgetKind budget,
      BigFraction budgetAmount,
      TransferSpec transfers,
      FixedAllocation fixedAllocation,
      List<PinnedUtility> pinnedUtilities) {
    this(ic, ir, outsideOptions, budget, budgetAmount, transfers, fixedAllocation, pinnedUtilities, List.of());
  }

  /** Constraints without pinned utilities. */
  public MechanismSpec(
      IcKind ic,
      IrKind ir,
      List<List<BigFraction>> outsideOptions,
      BudgetKind budget,
      BigFraction budgetAmount,
      TransferSpec transfers,
      FixedAllocation fixedAllocation) {
    this(ic, ir, outsideOptions, budget, budgetAmount, transfers, fixedAllocation, List.of(), List.of());
  }

  /** These constraints with another incentive and participation constraint, everything else (custom rows too) kept. */
  public MechanismSpec withIncentives(IcKind newIc, IrKind newIr) {
    return new MechanismSpec(newIc, newIr, outsideOptions, budget, budgetAmount, transfers, fixedAllocation,
        pinnedUtilities, constraints);
  }

  /** The outside option of {@code agent} of {@code type}. */
  public BigFraction outsideOption(int agent, int type) {
    return outsideOptions.get(agent).get(type);
  }

  /** True when the allocation rule is given and only transfers are sought. */
  public boolean hasFixedAllocation() {
    return fixedAllocation != null;
  }
}
