package org.mechlp.model;

/** When individual rationality (participation) must hold. */
public enum IrKind {
  /** At every type profile. */
  EX_POST("expost"),
  /** In expectation over the others' types and the state, for every own type. */
  INTERIM("interim"),
  /** In expectation over everything. */
  EX_ANTE("exante"),
  /** No participation constraint. */
  NONE("none");

  private final String json;

  IrKind(String json) {
    this.json = json;
  }

  /** The name used in problem files. */
  public String json() {
    return json;
  }
}
