package org.mechlp.solver.pipeline;

import java.util.List;
import org.mechlp.model.Problem;
import org.mechlp.solver.calibrated.ValueCurve;
import org.mechlp.solver.exact.CalibratedExactSolver;
import org.mechlp.solver.report.SolveStatus;

/**
 * A calibrated problem with every LP it solves certified in exact arithmetic.
 *
 * @param exact the calibrated report with the main LP's and the bracketing LPs' certifications
 * @param curve V(mu) and its concave envelope on the requested grid, or empty when not asked for or not optimal
 */
public record CalibratedExactSolve(CalibratedExactSolver.CalibratedExactReport exact, List<ValueCurve.Point> curve)
    implements SolveOutcome {
  public CalibratedExactSolve {
    curve = List.copyOf(curve);
  }

  @Override
  public Problem problem() {
    return exact.report().problem();
  }

  @Override
  public SolveStatus status() {
    return exact.report().status();
  }
}
