package org.mechlp.solver.symmetry;

import java.util.List;

/**
 * What the symmetry reduction did, for reports and the benchmark.
 *
 * @param group the detected group (trivial when nothing was reduced, with the reason in its notes)
 * @param fullRows rows of the full LP
 * @param fullColumns columns of the full LP
 * @param reducedRows rows of the reduced LP (equal to {@code fullRows} when the group is trivial)
 * @param reducedColumns columns of the reduced LP: one per orbit
 * @param detectNanos time to find the candidate agent swaps from the problem's data
 * @param reduceNanos time of the walk over the full rows that checks the candidates on the LP and builds the reduced
 *     LP
 * @param solveNanos time in the backend's solve of the reduced LP
 * @param verifyNanos time to verify the expanded point against every row of the full LP
 */
public record SymmetryStatistics(
    SymmetryGroup group,
    long fullRows,
    int fullColumns,
    long reducedRows,
    int reducedColumns,
    long detectNanos,
    long reduceNanos,
    long solveNanos,
    long verifyNanos) {

  /** One line for a report: the classes of interchangeable agents, the group order and the reduced size. */
  public String summary() {
    if (group.isTrivial()) {
      return "symmetry: none used (" + String.join("; ", group.notes()) + ")";
    }
    StringBuilder classes = new StringBuilder();
    for (List<Integer> cls : group.agentClasses()) {
      if (cls.size() > 1) {
        classes.append(classes.length() == 0 ? "" : ", ").append(cls.size());
      }
    }
    return "symmetry: interchangeable agents in classes of " + classes + " (group order " + group.order()
        + "); solved the reduced LP with " + reducedRows + " of " + fullRows + " rows and " + reducedColumns
        + " of " + fullColumns + " columns, verified against every row of the full LP";
  }
}
