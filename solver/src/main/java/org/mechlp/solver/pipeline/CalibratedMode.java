package org.mechlp.solver.pipeline;

import java.util.List;
import org.mechlp.model.Problem;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.CalibratedSolver;
import org.mechlp.solver.calibrated.SolvedSwitches;
import org.mechlp.solver.calibrated.ValueCurve;
import org.mechlp.solver.exact.CalibratedExactSolver;
import org.mechlp.solver.report.SolveStatus;

/**
 * A problem with a {@code "calibration"} block: the optimal signal structure and rule per signal with its
 * bracketing benchmarks, certified in exact arithmetic when the request asks, with V(mu) when asked.
 */
final class CalibratedMode implements SolveMode {
  @Override
  public String name() {
    return "calibrated";
  }

  @Override
  public boolean fitsAutomatically(Problem problem) {
    return problem.isCalibrated();
  }

  @Override
  public SolveOutcome solve(SolveRequest request) {
    Problem problem = request.problem();
    if (!problem.isCalibrated()) {
      throw new InvalidRequestException(
          "mode calibrated: " + problem.name() + " has no \"calibration\" block");
    }
    SolvedSwitches.refusal(problem).ifPresent(why -> {
      throw new InvalidRequestException(why);
    });
    if (request.exact()) {
      CalibratedExactSolver.CalibratedExactReport exact =
          CalibratedExactSolver.solve(problem, request.options());
      return new CalibratedExactSolve(exact, curve(request, exact.report()));
    }
    CalibratedReport report = CalibratedSolver.solve(problem, request.options());
    return new CalibratedSolve(report, curve(request, report));
  }

  /** V(mu) on the requested grid when asked for and the calibrated problem was solved to optimality. */
  private static List<ValueCurve.Point> curve(SolveRequest request, CalibratedReport report) {
    if (request.curvePoints() == 0 || report.status() != SolveStatus.OPTIMAL) {
      return List.of();
    }
    return ValueCurve.compute(request.problem(), request.options(), request.curvePoints());
  }
}
