package org.mechlp.solver.pipeline;

import org.mechlp.model.Problem;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.diagnose.InfeasibilityReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * A standard problem solved and certified in exact rational arithmetic (or the reason it could not be certified).
 *
 * @param exact the solve report with exact numbers when certified, its certification, the compiled LP (for the
 *     certificate file) and, for an infeasible LP, the Farkas certification
 * @param diagnosis for an infeasible problem, why, with its least relaxations certified; or null
 * @param diagnosisFailure why the diagnosis itself failed, or null
 * @param requested whether exact certification was asked for; else the problem was small enough to certify by
 *     default, and only a certified optimum is reported this way
 */
public record ExactSolve(
    ExactSolver.ExactSolveReport exact, InfeasibilityReport diagnosis, String diagnosisFailure, boolean requested)
    implements SolveOutcome {
  @Override
  public Problem problem() {
    return exact.report().problem();
  }

  @Override
  public SolveStatus status() {
    return exact.report().status();
  }
}
