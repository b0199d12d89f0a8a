package org.mechlp.solver.diagnose;

import java.util.ArrayList;
import java.util.List;
import org.mechlp.solver.lp.ConstraintFamily;

/**
 * The deletion filter over constraint families: starting from every candidate family, drop a family whenever the
 * rest (with the given families) is still infeasible. What remains is minimal: each remaining family is needed,
 * because the set without it was found feasible (a subset of a feasible set is feasible).
 */
final class FamilyConflict {
  /**
   * The result.
   *
   * @param conflict positions (in the LP's family order) of the minimal conflicting candidate families
   * @param minimal false when a feasibility test was inconclusive and its family was kept to stay safe
   */
  record Result(List<Integer> conflict, boolean minimal) {}

  private FamilyConflict() {}

  /**
   * Reduces the candidate families of the oracle's LP, which together with the given ones must be infeasible.
   *
   * @param given per family of the LP, whether it is part of the problem's definition (never dropped)
   */
  static Result find(FeasibilityOracle oracle, boolean[] given) {
    List<ConstraintFamily> families = oracle.lp().families();
    List<Integer> kept = new ArrayList<>();
    for (int f = 0; f < families.size(); f++) {
      if (!given[f]) {
        kept.add(f);
      }
    }
    boolean minimal = true;
    for (int f : List.copyOf(kept)) {
      List<Integer> without = new ArrayList<>(kept);
      without.remove(Integer.valueOf(f));
      FeasibilityOracle.Verdict verdict = oracle.test(select(families, given, without));
      if (verdict == FeasibilityOracle.Verdict.INFEASIBLE) {
        kept = without;
      } else if (verdict == FeasibilityOracle.Verdict.UNKNOWN) {
        minimal = false;
      }
    }
    return new Result(List.copyOf(kept), minimal);
  }

  /** The given families and the chosen ones, in the LP's order. */
  static List<ConstraintFamily> select(List<ConstraintFamily> families, boolean[] given, List<Integer> chosen) {
    List<ConstraintFamily> out = new ArrayList<>();
    for (int f = 0; f < families.size(); f++) {
      if (given[f] || chosen.contains(f)) {
        out.add(families.get(f));
      }
    }
    return out;
  }
}
