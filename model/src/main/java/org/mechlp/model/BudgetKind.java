package org.mechlp.model;

/**
 * Budget balance: the transfers collected minus the cost of the chosen outcome, compared with minus the budget
 * (the subsidy the designer may spend; 0 by default).
 */
public enum BudgetKind {
  /** No budget constraint. */
  NONE("none"),
  /** E[sum_i t_i - cost] >= -budget. */
  EX_ANTE("exante"),
  /** E[sum_i t_i - cost] = -budget. */
  EX_ANTE_STRONG("exante-strong"),
  /** sum_i t_i - cost >= -budget at every profile. */
  EX_POST_WEAK("expost-weak"),
  /** sum_i t_i - cost = -budget at every profile. */
  EX_POST_STRONG("expost-strong");

  private final String json;

  BudgetKind(String json) {
    this.json = json;
  }

  /** The name used in problem files. */
  public String json() {
    return json;
  }
}
