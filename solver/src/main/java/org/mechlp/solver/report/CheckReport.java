package org.mechlp.solver.report;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;

/**
 * The result of checking a proposed mechanism against a problem's constraints.
 *
 * @param problem the problem
 * @param mechanism the mechanism checked
 * @param passed true when no constraint is violated beyond the tolerance (in exact mode the exact violations are
 *     compared with it; tolerance 0 demands exact satisfaction)
 * @param exact whether the check ran in exact rational arithmetic
 * @param objective the mechanism's objective value
 * @param exactObjective the exact objective value in exact mode, else null
 * @param verification every violated row and the binding ones
 * @param largestRegretPerAgent per agent, the largest gain from a misreport (0 when none)
 * @param interim per agent and type, the interim allocation, payment and utility
 */
public record CheckReport(
    Problem problem,
    Mechanism mechanism,
    boolean passed,
    boolean exact,
    double objective,
    BigFraction exactObjective,
    Verification verification,
    double[] largestRegretPerAgent,
    List<InterimRow> interim) {
  public CheckReport {
    largestRegretPerAgent = largestRegretPerAgent.clone();
    interim = List.copyOf(interim);
  }
}
