package org.mechlp.solver.lp;

/**
 * What a backend returned: its status and, when it has one, a primal point (one value per column) and duals (one
 * per row in family order; null when the backend's duals cannot be trusted, as with HiGHS or SCIP through
 * OR-Tools 9.14).
 *
 * @param status the backend's status
 * @param objective the backend's objective value (NaN when none)
 * @param primal column values, or null when there is no point
 * @param duals row duals, or null
 * @param solverName the backend's name and version
 * @param iterations simplex or first-order iterations (0 when unknown)
 * @param nonZeros number of non-zero row coefficients in the model given to the backend
 * @param buildNanos time spent building the backend model
 * @param solveNanos time spent in the backend's solve
 * @param message a short note from the backend (fallbacks, limits), or empty
 * @param basis the final simplex basis (GLOP, CLP), or null when the backend has none
 * @param bestBound for a mixed-integer program, the backend's proven bound on the optimum (NaN for an LP or when
 *     unknown); with {@code objective} it gives the MIP gap
 */
public record LpResult(
    LpStatus status,
    double objective,
    double[] primal,
    double[] duals,
    String solverName,
    long iterations,
    long nonZeros,
    long buildNanos,
    long solveNanos,
    String message,
    LpBasis basis,
    double bestBound) {

  /** A result without a basis or a MIP bound. */
  public LpResult(
      LpStatus status,
      double objective,
      double[] primal,
      double[] duals,
      String solverName,
      long iterations,
      long nonZeros,
      long buildNanos,
      long solveNanos,
      String message) {
    this(
        status,
        objective,
        primal,
        duals,
        solverName,
        iterations,
        nonZeros,
        buildNanos,
        solveNanos,
        message,
        null,
        Double.NaN);
  }

  /** This result with another message, keeping everything else. */
  public LpResult withMessage(String newMessage) {
    return new LpResult(
        status,
        objective,
        primal,
        duals,
        solverName,
        iterations,
        nonZeros,
        buildNanos,
        solveNanos,
        newMessage,
        basis,
        bestBound);
  }
}
