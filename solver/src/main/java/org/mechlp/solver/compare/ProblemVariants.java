package org.mechlp.solver.compare;

import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.MechanismSpec;
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
    MechanismSpec m = problem.mechanism();
    MechanismSpec spec =
        new MechanismSpec(ic, ir, m.outsideOptions(), m.budget(), m.budgetAmount(), m.transfers(),
            m.fixedAllocation(), m.pinnedUtilities(), m.constraints());
    return new Problem(problem.name(), problem.description(), problem.agents(), problem.states(),
        problem.statesGiven(), problem.outcomes(), problem.prior(), problem.valuations(), problem.designerValue(),
        spec, problem.objective(), problem.calibration(), problem.dataDriven(), problem.priors());
  }

  /** Calibrated {@code problem} with disclosure policy {@code disclosure} (full, none or optimal). */
  static Problem withDisclosure(Problem problem, CalibrationSpec.Disclosure disclosure) {
    CalibrationSpec c = problem.calibration();
    CalibrationSpec spec =
        disclosure == c.disclosure()
            ? c
            : new CalibrationSpec(disclosure, java.util.List.of(), java.util.List.of(), c.gridResolution(),
                c.maxDenominator(), c.adaptive(), c.observePayments(), c.typesRedrawn());
    return new Problem(problem.name(), problem.description(), problem.agents(), problem.states(),
        problem.statesGiven(), problem.outcomes(), problem.prior(), problem.valuations(), problem.designerValue(),
        problem.mechanism(), problem.objective(), spec, problem.dataDriven(), problem.priors());
  }
}
