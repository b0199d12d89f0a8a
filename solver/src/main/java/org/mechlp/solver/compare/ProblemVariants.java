package org.mechlp.solver.compare;

import java.util.List;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.Problem;

/**
 * The problem a row solves: the given one with another incentive and participation constraint, or another
 * disclosure policy. Everything else (the prior and a set of priors, outcomes, budget, transfers, outside options,
 * custom constraints, objective) is kept.
 */
final class ProblemVariants {
  private ProblemVariants() {}

  /** {@code problem} with incentive constraint {@code ic} and participation constraint {@code ir}. */
  static Problem withConstraints(Problem problem, IcKind ic, IrKind ir) {
    return problem.withMechanism(problem.mechanism().withIncentives(ic, ir));
  }

  /** Calibrated {@code problem} with disclosure policy {@code disclosure} (full, none or optimal). */
  static Problem withDisclosure(Problem problem, CalibrationSpec.Disclosure disclosure) {
    CalibrationSpec c = problem.calibration();
    if (disclosure == c.disclosure()) {
      return problem;
    }
    return problem.withCalibration(
        new CalibrationSpec(disclosure, List.of(), List.of(), c.gridResolution(), c.maxDenominator(), c.adaptive(),
            c.observePayments(), c.typesRedrawn()));
  }
}
