package org.mechlp.solver.lp;

/** How an LP solve ended, as the backend reported it (before mechlp's own verification). */
public enum LpStatus {
  /** The backend claims optimality. */
  OPTIMAL,
  /** The backend proved infeasibility. */
  INFEASIBLE,
  /** The backend proved unboundedness. */
  UNBOUNDED,
  /** A time or iteration limit stopped the solve. */
  LIMIT_REACHED,
  /** The backend failed (ABNORMAL, an error, a numerical breakdown). */
  FAILED
}
