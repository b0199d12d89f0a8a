package org.mechlp.model;

/**
 * How an objective is judged over a set of priors (docs/THEORY.md, Robust and Rawlsian objectives).
 */
public enum RobustKind {
  /** Maximize the worst prior's expected objective (Gilboa and Schmeidler's max-min expected utility). */
  MAXMIN("maxmin"),
  /** Minimize the largest regret: each prior's own optimum minus what the mechanism earns under it (Savage). */
  REGRET("regret");

  private final String json;

  RobustKind(String json) {
    this.json = json;
  }

  /** The name used in problem files. */
  public String json() {
    return json;
  }
}
