package org.mechlp.solver.report;

import java.util.List;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;

/**
 * Everything a solve produced.
 *
 * @param problem the problem solved
 * @param status the verified status
 * @param objective the optimal value (recomputed from the solution), or null when there is none
 * @param mechanism the mechanism at the backend's point: optimal when the status is OPTIMAL, the rejected point when
 *     it is NUMERICAL_FAILURE after verification (see {@code verification}), null when the backend gave no point
 * @param size the LP's size
 * @param interim per agent and type, the interim allocation, payment and utility (empty without a mechanism)
 * @param verification the independent verification of the solver's point, or null when there is no point
 * @param solverName the backend that answered
 * @param compileNanos time to compile the problem and build the backend's model
 * @param solveNanos time in the backend's solve
 * @param verifyNanos time to verify the point
 * @param message a note on the status (fallbacks, limits, verification failures), or empty
 * @param strategy which strategy ran and what lazy generation took, or null when not recorded
 */
public record SolveReport(
    Problem problem,
    SolveStatus status,
    Double objective,
    Mechanism mechanism,
    LpSize size,
    List<InterimRow> interim,
    Verification verification,
    String solverName,
    long compileNanos,
    long solveNanos,
    long verifyNanos,
    String message,
    StrategyReport strategy) {
  public SolveReport {
    interim = List.copyOf(interim);
  }

  /** A report without a strategy record. */
  public SolveReport(
      Problem problem,
      SolveStatus status,
      Double objective,
      Mechanism mechanism,
      LpSize size,
      List<InterimRow> interim,
      Verification verification,
      String solverName,
      long compileNanos,
      long solveNanos,
      long verifyNanos,
      String message) {
    this(
        problem, status, objective, mechanism, size, interim, verification, solverName, compileNanos, solveNanos,
        verifyNanos, message, null);
  }

  /** This report with the given strategy record. */
  public SolveReport withStrategy(StrategyReport newStrategy) {
    return new SolveReport(
        problem, status, objective, mechanism, size, interim, verification, solverName, compileNanos, solveNanos,
        verifyNanos, message, newStrategy);
  }
}
