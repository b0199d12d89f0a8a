package org.mechlp.solver.report;

/**
 * The status mechlp reports for a solve, after its own verification. OPTIMAL is only reported when the verifier
 * found every constraint satisfied within tolerance and the point was shown optimal (from the duals or exactly);
 * INFEASIBLE and UNBOUNDED only when the backend's claim was confirmed.
 */
public enum SolveStatus {
  OPTIMAL(0),
  INFEASIBLE(3),
  UNBOUNDED(3),
  TIME_LIMIT(4),
  NUMERICAL_FAILURE(4),
  /** A feasible point whose optimality could not be verified; the report gives the duality gap. */
  NOT_VERIFIED_OPTIMAL(4);

  private final int exitCode;

  SolveStatus(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The process exit code for this status (0 yes, 3 no, 4 solver failure, limit or unverified optimum). */
  public int exitCode() {
    return exitCode;
  }
}
