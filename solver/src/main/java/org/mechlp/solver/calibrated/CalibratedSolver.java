package org.mechlp.solver.calibrated;

import org.mechlp.model.Problem;
import org.mechlp.solver.SolveOptions;

/** Solves calibrated mechanism design problems (MATH.md section 1.5). */
public final class CalibratedSolver {
  private CalibratedSolver() {}

  /** Solves {@code problem}, which must have a calibration block. */
  public static CalibratedReport solve(Problem problem, SolveOptions options) {
    throw new UnsupportedOperationException("being written in issue #3");
  }
}
