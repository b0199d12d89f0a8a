package org.mechlp.solver.lp;

/** A linear programming backend. Implementations must not keep solver state between calls. */
public interface LpSolver {
  /** Solves {@code lp} with the given settings. */
  LpResult solve(LinearProgram lp, BackendSettings settings);
}
