package org.mechlp.solver.symmetry;

import java.util.Objects;
import org.mechlp.solver.report.SolveReport;

/**
 * A solve through the symmetry reduction: a normal report (every renderer works) and what the reduction did.
 *
 * @param report the report; its mechanism is the expanded, symmetric one and its verification covers every row of
 *     the full LP
 * @param statistics the group, the sizes and the times
 */
public record SymmetricSolve(SolveReport report, SymmetryStatistics statistics) {
  public SymmetricSolve {
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(statistics, "statistics");
  }
}
