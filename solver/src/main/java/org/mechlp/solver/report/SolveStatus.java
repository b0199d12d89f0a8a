package org.mechlp.solver.report;

/**
 * The status mechlp reports for a solve, after its own verification. OPTIMAL is only reported when the verifier
 * found every constraint satisfied within tolerance.
 */
public enum SolveStatus {
  OPTIMAL(0),
  INFEASIBLE(3),
  UNBOUNDED(3),
  TIME_LIMIT(4),
  NUMERICAL_FAILURE(4);

  private final int exitCode;

  SolveStatus(int exitCode) {
    this.exitCode = exitCode;
  }

  /** The process exit code for this status (0 yes, 3 no, 4 solver failure or limit). */
  public int exitCode() {
    return exitCode;
  }
}
