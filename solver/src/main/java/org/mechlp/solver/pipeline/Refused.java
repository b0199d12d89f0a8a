package org.mechlp.solver.pipeline;

import org.mechlp.model.Problem;
import org.mechlp.solver.report.SolveStatus;

/**
 * A request refused before anything was built: the LP would have more rows than {@link SolveRequest#maxLpRows()}.
 *
 * @param problem the problem
 * @param reason the LP's size, a memory estimate and what would make it fit
 */
public record Refused(Problem problem, String reason) implements SolveOutcome {
  /** Not solved: no verified status exists. */
  @Override
  public SolveStatus status() {
    return null;
  }

  /** A limit was reached: exit code 4. */
  @Override
  public int exitCode() {
    return 4;
  }
}
