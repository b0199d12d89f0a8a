package org.mechlp.solver.compare;

import org.mechlp.solver.report.SolveStatus;

/** The verified outcome of one row of a {@link Comparison}. */
public enum RowStatus {
  /** An optimum, verified (certified with {@code exact}). */
  OPTIMAL,
  /** No mechanism meets these constraints; the solver's claim was confirmed. */
  INFEASIBLE,
  /** The objective is unbounded under these constraints; confirmed. */
  UNBOUNDED,
  /** A built-in mechanism that meets every constraint of the problem. */
  PASSES,
  /** A built-in mechanism that violates some constraints of the problem (counted in the row). */
  VIOLATES,
  /** Not solved because another row answers it (ex post IC with private values is DSIC). */
  SAME,
  /** The row does not apply to this problem (the note says why). */
  NOT_APPLICABLE,
  /** The solver failed, a limit was reached, the answer could not be verified (or, exact, certified). */
  FAILED;

  /** The row status of a verified solve status. */
  static RowStatus of(SolveStatus status) {
    return switch (status) {
      case OPTIMAL -> OPTIMAL;
      case INFEASIBLE -> INFEASIBLE;
      case UNBOUNDED -> UNBOUNDED;
      default -> FAILED;
    };
  }
}
