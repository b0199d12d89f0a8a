package org.mechlp.solver.pipeline;

import java.util.List;
import org.mechlp.model.Problem;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.ValueCurve;
import org.mechlp.solver.report.SolveStatus;

/**
 * The optimal calibrated mechanism: signal structure, rule per signal and the benchmarks that bracket the value.
 *
 * @param report the calibrated report
 * @param curve V(mu) and its concave envelope on the requested grid, or empty when not asked for or not optimal
 */
public record CalibratedSolve(CalibratedReport report, List<ValueCurve.Point> curve) implements SolveOutcome {
  public CalibratedSolve {
    curve = List.copyOf(curve);
  }

  @Override
  public Problem problem() {
    return report.problem();
  }

  @Override
  public SolveStatus status() {
    return report.status();
  }
}
