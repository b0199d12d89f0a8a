package org.mechlp.solver.families;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.mechlp.model.MechanismSpec;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.ConstraintFamily;

/**
 * Chooses the constraint families a problem's mechanism options call for (docs/THEORY.md, Constraint families), in row
 * order: feasibility, incentive compatibility, individual rationality, budget balance, transfer bounds, fixed
 * allocation, pinned utilities, custom constraints. It is the only place that branches on the options.
 */
public final class FamilyCatalog {
  private FamilyCatalog() {}

  /**
   * The families of {@code problem}, in row order. Under a set of priors the families whose rows depend on the prior
   * (BIC, interim and ex ante IR, an ex ante budget, pinned utilities) appear once per prior ({@link
   * PriorScopedFamily}); the others (DSIC, ex post IC and IR, ex post budgets) are prior-free and appear once.
   */
  public static List<ConstraintFamily> forProblem(Problem problem, VariableIndex variables) {
    MechanismSpec spec = problem.mechanism();
    List<ConstraintFamily> families = new ArrayList<>();
    families.add(new FeasibilityFamily(problem, variables));
    switch (spec.ic()) {
      case DSIC, EX_POST -> families.add(new ExPostIcFamily(problem, variables, spec.ic()));
      case BIC -> addPerPrior(families, problem, p -> new BicFamily(p, variables));
      case NONE -> {}
    }
    switch (spec.ir()) {
      case EX_POST -> families.add(new ExPostIrFamily(problem, variables));
      case INTERIM -> addPerPrior(families, problem, p -> new InterimIrFamily(p, variables));
      case EX_ANTE -> addPerPrior(families, problem, p -> new ExAnteIrFamily(p, variables));
      case NONE -> {}
    }
    switch (spec.budget()) {
      case NONE -> {}
      case EX_POST_WEAK, EX_POST_STRONG -> families.add(new BudgetFamily(problem, variables, spec.budget()));
      default -> addPerPrior(families, problem, p -> new BudgetFamily(p, variables, spec.budget()));
    }
    if (TransferBoundsFamily.applies(problem)) {
      families.add(new TransferBoundsFamily(problem, variables));
    }
    if (spec.hasFixedAllocation()) {
      families.add(new FixedAllocationFamily(problem, variables));
    }
    if (!spec.pinnedUtilities().isEmpty()) {
      addPerPrior(families, problem, p -> new PinnedUtilityFamily(p, variables));
    }
    if (CustomConstraintFamily.applies(problem)) {
      families.add(new CustomConstraintFamily(problem, variables));
    }
    return List.copyOf(families);
  }

  /** The family {@code make} builds, once for the problem's single prior or once per member of its prior set. */
  private static void addPerPrior(
      List<ConstraintFamily> families, Problem problem, Function<Problem, ConstraintFamily> make) {
    if (!problem.priors().isSet()) {
      families.add(make.apply(problem));
      return;
    }
    for (int k = 0; k < problem.priors().size(); k++) {
      families.add(new PriorScopedFamily(make.apply(problem.withPrior(k)), problem.priors().name(k)));
    }
  }
}
