package org.mechlp.solver.report;

import java.util.List;

/**
 * Which strategy solved a problem, why, and what lazy IC generation took, so a report can say "lazy (auto: 160,000 IC
 * rows), 3 rounds, 1,234 of 160,000 IC rows, verified against every row".
 *
 * @param strategy {@code full} or {@code lazy}
 * @param reason why this strategy ran, for example "auto: 160,000 IC rows" or "requested"
 * @param rounds solves of the lazy loop (0 for full)
 * @param icRowsUsed IC rows given to the backend (all of them for full)
 * @param icRowsTotal IC rows of the full problem
 * @param roundNanos per round of the lazy loop, its time (solve, scan and row additions)
 * @param maxViolationAllRows the largest violation of the final point over every row and bound of the full problem
 */
public record StrategyReport(
    String strategy,
    String reason,
    int rounds,
    long icRowsUsed,
    long icRowsTotal,
    List<Long> roundNanos,
    double maxViolationAllRows) {
  public StrategyReport {
    roundNanos = List.copyOf(roundNanos);
  }

  /** Whether the lazy loop produced the answer. */
  public boolean lazy() {
    return "lazy".equals(strategy);
  }
}
