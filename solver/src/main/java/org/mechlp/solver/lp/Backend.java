package org.mechlp.solver.lp;

/** The LP engines mechlp can use, all bundled with OR-Tools 9.14 for linux-x86-64. */
public enum Backend {
  /** Google's primal/dual simplex: the default; exact-enough vertices and reliable duals. */
  GLOP("glop"),
  /** First-order primal-dual hybrid gradient, for the largest LPs; run with tightened tolerances. */
  PDLP("pdlp"),
  /** HiGHS; its duals through OR-Tools 9.14 are row activities, so mechlp never reports them. */
  HIGHS("highs"),
  /** COIN-OR CLP simplex. */
  CLP("clp"),
  /** SCIP (LP solved as a MIP); no duals. Solves mixed-integer programs (deterministic mechanisms). */
  SCIP("scip"),
  /**
   * Google's CP-SAT, for mixed-integer programs only: it scales fractional coefficients and continuous columns to
   * integers internally, so mechlp always verifies its answers; no duals.
   */
  CP_SAT("cpsat");

  private final String cliName;

  Backend(String cliName) {
    this.cliName = cliName;
  }

  /** The name on the command line. */
  public String cliName() {
    return cliName;
  }

  /** Whether duals from this backend can be reported. */
  public boolean hasReliableDuals() {
    return this == GLOP || this == CLP || this == PDLP;
  }

  /** Whether this backend honours integer columns (the others would silently solve the LP relaxation). */
  public boolean solvesIntegerPrograms() {
    return this == SCIP || this == CP_SAT;
  }
}
