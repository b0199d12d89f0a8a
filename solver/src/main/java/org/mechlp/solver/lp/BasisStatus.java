package org.mechlp.solver.lp;

/**
 * Where a column or a row sits in a simplex basis. For a row the status refers to its activity: AT_LOWER means the
 * row is tight at its lower end (the {@code >=} or {@code =} right-hand side), AT_UPPER at its upper end.
 */
public enum BasisStatus {
  BASIC,
  AT_LOWER,
  AT_UPPER,
  /** Nonbasic at a bound that is both lower and upper (an equality row or a fixed column). */
  FIXED,
  /** Nonbasic and free (value 0). */
  FREE
}
