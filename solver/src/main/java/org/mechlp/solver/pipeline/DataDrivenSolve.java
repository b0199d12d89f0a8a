package org.mechlp.solver.pipeline;

import org.mechlp.model.Problem;
import org.mechlp.solver.datadriven.DataDrivenReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * A data-driven problem (one with an "estimator"): the LP with transfers per estimate next to the message-driven
 * one.
 *
 * @param report both solves
 */
public record DataDrivenSolve(DataDrivenReport report) implements SolveOutcome {
  @Override
  public Problem problem() {
    return report.problem().problem();
  }

  @Override
  public SolveStatus status() {
    return report.dataDriven().status();
  }
}
