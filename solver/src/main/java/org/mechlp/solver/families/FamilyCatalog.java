package org.mechlp.solver.families;

import java.util.ArrayList;
import java.util.List;
import org.mechlp.model.BudgetKind;
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

  /** The families of {@code problem}, in row order. */
  public static List<ConstraintFamily> forProblem(Problem problem, VariableIndex variables) {
    MechanismSpec spec = problem.mechanism();
    List<ConstraintFamily> families = new ArrayList<>();
    families.add(new FeasibilityFamily(problem, variables));
    switch (spec.ic()) {
      case DSIC, EX_POST -> families.add(new ExPostIcFamily(problem, variables, spec.ic()));
      case BIC -> families.add(new BicFamily(problem, variables));
      case NONE -> {}
    }
    switch (spec.ir()) {
      case EX_POST -> families.add(new ExPostIrFamily(problem, variables));
      case INTERIM -> families.add(new InterimIrFamily(problem, variables));
      case EX_ANTE -> families.add(new ExAnteIrFamily(problem, variables));
      case NONE -> {}
    }
    if (spec.budget() != BudgetKind.NONE) {
      families.add(new BudgetFamily(problem, variables, spec.budget()));
    }
    if (TransferBoundsFamily.applies(problem)) {
      families.add(new TransferBoundsFamily(problem, variables));
    }
    if (spec.hasFixedAllocation()) {
      families.add(new FixedAllocationFamily(problem, variables));
    }
    if (!spec.pinnedUtilities().isEmpty()) {
      families.add(new PinnedUtilityFamily(problem, variables));
    }
    if (CustomConstraintFamily.applies(problem)) {
      families.add(new CustomConstraintFamily(problem, variables));
    }
    return List.copyOf(families);
  }
}
