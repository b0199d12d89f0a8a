package org.mechlp.solver.report;

/**
 * How a solver's point was shown to be optimal, or why it was not: the dual check ({@link Method#DUALS}) rebuilds the
 * reduced costs from the backend's duals and bounds the optimum by weak duality; exact certification ({@link
 * Method#EXACT}) proves it in rational arithmetic. Amounts are in the objective's units.
 *
 * @param method how optimality was checked
 * @param verified whether the point is shown optimal within tolerance
 * @param maxDualViolation the largest dual violation: a reduced cost of the wrong sign on a column whose bound in
 *     that direction is infinite, times the column's scale (its value or the problem's largest coefficient), so it is
 *     the objective an improving move along that column could still gain; 0 when the duals are feasible; NaN when
 *     not computed
 * @param worstDual the column or row with the largest dual violation, or null
 * @param gap the duality gap: the dual bound minus the objective for a maximization (the objective minus the bound
 *     for a minimization), never negative beyond rounding; NaN when not computed
 * @param note how the check went, in words (empty when the duals verified the point directly)
 */
public record Optimality(
    Method method, boolean verified, double maxDualViolation, String worstDual, double gap, String note) {

  /** How optimality was checked. */
  public enum Method {
    /** From the backend's duals: dual feasibility and the duality gap. */
    DUALS,
    /** By exact certification of a simplex basis in rational arithmetic. */
    EXACT,
    /** Not checked (no duals and certification not attempted or not applicable). */
    NONE
  }

  /** An optimality that was not checked, with the reason. */
  public static Optimality unchecked(String why) {
    return new Optimality(Method.NONE, false, Double.NaN, null, Double.NaN, why);
  }
}
