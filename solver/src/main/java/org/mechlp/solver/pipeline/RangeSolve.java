package org.mechlp.solver.pipeline;

import org.mechlp.model.Problem;
import org.mechlp.solver.report.RangeReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * The range of the objective over every transfer rule that, with the problem's fixed allocation, satisfies its
 * constraints.
 *
 * @param report the minimizing and the maximizing solve
 */
public record RangeSolve(RangeReport report) implements SolveOutcome {
  @Override
  public Problem problem() {
    return report.minimum().problem();
  }

  @Override
  public SolveStatus status() {
    return report.status();
  }
}
