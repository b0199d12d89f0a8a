package org.mechlp.solver.compare;

/** What a row of a {@link Comparison} is. */
public enum RowKind {
  /** The optimum (lotteries allowed) under one incentive and one participation constraint. */
  OPTIMUM("optimum"),
  /** The best deterministic mechanism (pure outcomes, a mixed-integer program) under the same constraints. */
  DETERMINISTIC("deterministic"),
  /** A built-in mechanism (VCG, second price, ...), checked against the problem's own constraints. */
  BUILT_IN("built-in"),
  /** A calibrated problem's optimum under one disclosure policy (full, none, optimal, or the given signal). */
  DISCLOSURE("disclosure");

  private final String json;

  RowKind(String json) {
    this.json = json;
  }

  /** The name used in reports. */
  public String json() {
    return json;
  }
}
