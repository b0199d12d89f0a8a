package org.mechlp.model.datadriven;

/** The solution concept a data-driven mechanism must meet (docs/THEORY.md, Data-driven mechanisms). */
public enum Equilibrium {
  /**
   * Truth is optimal at every true profile when the others report truthfully, with expectations over the state and
   * the estimate given everyone's true types (the default).
   */
  POSTERIOR("posterior"),
  /** Truth is optimal given the agent's own type only, in expectation over the others' types too. */
  BAYES("bayes"),
  /** Truth is optimal at every true profile and every state: only the estimate remains uncertain. */
  EXPOST("expost");

  private final String json;

  Equilibrium(String json) {
    this.json = json;
  }

  /** The name used in problem files. */
  public String json() {
    return json;
  }

  /** The equilibrium with this file name, or null. */
  public static Equilibrium fromJson(String name) {
    for (Equilibrium e : values()) {
      if (e.json.equals(name)) {
        return e;
      }
    }
    return null;
  }
}
