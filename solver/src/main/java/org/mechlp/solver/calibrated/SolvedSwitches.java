package org.mechlp.solver.calibrated;

import java.util.Optional;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.Problem;

/**
 * The calibration switches the calibrated solver implements. It solves the default model only: the agent learns the
 * whole rule it faces, allocations and payments ({@code observePayments: true}), and its type is drawn once
 * ({@code typesRedrawn: false}). Each other setting changes which states the agent can tell apart: without payments
 * the designer may vary them with the state inside a signal cell, and with redrawn types the agent also learns
 * p(type | state), so a cell splits by the type distribution (docs/FORMAT.md, the calibration block). Solving them
 * needs other LPs than the posterior LP here, so a problem that asks for them is refused rather than solved as if it
 * had not; {@link CalibrationCheck} does apply both switches to a given mechanism.
 */
public final class SolvedSwitches {
  private SolvedSwitches() {}

  /** Why the calibrated solver cannot solve {@code problem} as its switches ask, or empty when it can. */
  public static Optional<String> refusal(Problem problem) {
    CalibrationSpec spec = problem.calibration();
    if (spec == null) {
      return Optional.empty();
    }
    if (!spec.observePayments()) {
      return Optional.of(
          "calibration.observePayments: false is not solved: solve models an agent who observes the payments as"
              + " well as the allocations, and without them the payments could vary with the state inside a"
              + " signal cell, a different program; 'mechlp check' applies the switch to a given mechanism."
              + " Remove it (default true) to solve the default model");
    }
    if (spec.typesRedrawn()) {
      return Optional.of(
          "calibration.typesRedrawn: true is not solved: solve models types drawn once, and with redrawn types the"
              + " agent would also learn p(type | state), which splits signal cells by type distribution, a"
              + " different program; 'mechlp check' applies the switch to a given mechanism. Remove it (default"
              + " false) to solve the default model");
    }
    return Optional.empty();
  }
}
