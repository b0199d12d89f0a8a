package org.mechlp.solver.datadriven;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.InfeasibilityCertification;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;

/**
 * One solved data-driven (or message-driven) LP.
 *
 * @param status the verified status; INFEASIBLE only when a Farkas certificate was found and checked exactly
 * @param objective the objective recomputed from the verified point, or null
 * @param exactObjective the certified optimal value (with --exact), or null
 * @param mechanism the decoded mechanism, or null without a point
 * @param size the LP's size
 * @param verification the independent verification of the point, or null
 * @param certification the exact certification (with --exact), or null
 * @param infeasibility the Farkas proof of an infeasible LP, or null
 * @param conflict for a proven infeasible LP, the rows its certificate combines, in words, with their multipliers
 * @param message notes from the solver and the verifier
 * @param solveNanos time to build, solve, verify and certify
 * @param lp the LP (to write a certificate)
 */
public record DataDrivenRun(
    SolveStatus status,
    Double objective,
    BigFraction exactObjective,
    DataDrivenMechanism mechanism,
    LpSize size,
    Verification verification,
    Certification certification,
    InfeasibilityCertification infeasibility,
    List<String> conflict,
    String message,
    long solveNanos,
    DataDrivenLp lp) {
  public DataDrivenRun {
    conflict = List.copyOf(conflict);
  }
}
