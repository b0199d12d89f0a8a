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
  /** SCIP (LP solved as a MIP); no duals. */
  SCIP("scip");

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
}
