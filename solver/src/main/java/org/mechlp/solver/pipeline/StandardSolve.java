package org.mechlp.solver.pipeline;

import org.mechlp.model.Problem;
import org.mechlp.solver.diagnose.InfeasibilityReport;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * The optimal mechanism of a standard problem, verified independently of the solver.
 *
 * @param report the solve report
 * @param diagnosis for an infeasible problem, why (conflicting families and rows, least relaxations), or null
 * @param diagnosisFailure why the diagnosis itself failed, or null (the answer stands without its explanation)
 */
public record StandardSolve(SolveReport report, InfeasibilityReport diagnosis, String diagnosisFailure)
    implements SolveOutcome {
  @Override
  public Problem problem() {
    return report.problem();
  }

  @Override
  public SolveStatus status() {
    return report.status();
  }
}
