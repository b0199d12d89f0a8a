package org.mechlp.solver.pipeline;

import org.mechlp.model.Problem;
import org.mechlp.solver.report.DeterministicReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * The best deterministic mechanism (a mixed-integer program) compared with the randomized optimum.
 *
 * @param report the deterministic and the randomized solve
 */
public record DeterministicSolve(DeterministicReport report) implements SolveOutcome {
  @Override
  public Problem problem() {
    return report.deterministic().problem();
  }

  @Override
  public SolveStatus status() {
    return report.status();
  }
}
