package org.mechlp.model;

/** The expected quantities an objective weighs. All are expectations under the prior. */
public enum ObjectiveTerm {
  /** E[sum_i t_i]: the transfers collected. */
  REVENUE("revenue"),
  /** E[sum_i t_i - cost(outcome)]: revenue net of the outcome's cost. */
  PROFIT("profit"),
  /** E[sum_i v_i(outcome) - cost(outcome)]: total surplus (transfers cancel). */
  WELFARE("welfare"),
  /** E[sum_i (v_i(outcome) - t_i)]: the agents' total utility. */
  AGENT_UTILITY("agent-utility"),
  /** E[v_0(outcome)]: the designer's own value of outcomes. */
  DESIGNER("designer"),
  /** E[cost(outcome)]. */
  COST("cost");

  private final String json;

  ObjectiveTerm(String json) {
    this.json = json;
  }

  /** The name used in problem files. */
  public String json() {
    return json;
  }
}
