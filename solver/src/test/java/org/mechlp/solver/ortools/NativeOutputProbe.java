package org.mechlp.solver.ortools;

import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.LpResult;

/**
 * Solves the textbook LP with each backend named on the command line and writes the statuses to standard error,
 * so that whatever reaches standard output came from native code. Run in a child JVM by {@link NativeOutputIT}.
 */
public final class NativeOutputProbe {
  private NativeOutputProbe() {}

  /** Solves with every backend named in {@code args}. */
  public static void main(String[] args) {
    OrToolsLpSolver solver = new OrToolsLpSolver();
    for (String name : args) {
      BackendSettings settings = new BackendSettings(Backend.valueOf(name), null, 1);
      LpResult result = solver.solve(OrToolsLpSolverTest.textbook(), settings);
      System.err.println(name + " " + result.status());
    }
  }
}
