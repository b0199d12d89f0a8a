package org.mechlp.solver.report;

import java.util.Objects;

/**
 * The range of the objective over every mechanism with the problem's fixed allocation that satisfies its
 * constraints: the minimizing and the maximizing solve, each verified. A side may be UNBOUNDED (for example revenue
 * with IR only: paying the agents lowers it without limit), which is an answer, not a failure.
 *
 * @param minimum the solve minimizing the objective
 * @param maximum the solve maximizing the objective
 * @param maximize the problem's own sense (which side a plain solve gives)
 */
public record RangeReport(SolveReport minimum, SolveReport maximum, boolean maximize) {
  public RangeReport {
    Objects.requireNonNull(minimum, "minimum");
    Objects.requireNonNull(maximum, "maximum");
  }

  /** The side a plain solve of the problem gives. */
  public SolveReport ownSense() {
    return maximize ? maximum : minimum;
  }

  /**
   * The exit status: OPTIMAL when each side is OPTIMAL or UNBOUNDED, else the first side's failure (INFEASIBLE,
   * TIME_LIMIT, NUMERICAL_FAILURE).
   */
  public SolveStatus status() {
    for (SolveReport side : new SolveReport[] {minimum, maximum}) {
      if (side.status() != SolveStatus.OPTIMAL && side.status() != SolveStatus.UNBOUNDED) {
        return side.status();
      }
    }
    return SolveStatus.OPTIMAL;
  }
}
