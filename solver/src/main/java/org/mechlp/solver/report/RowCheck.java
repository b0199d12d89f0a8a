package org.mechlp.solver.report;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.Sense;

/**
 * One constraint row singled out by a verification: a violated row (amount = the violation, in the problem's units:
 * a gain from misreporting, an IR shortfall, a deficit) or a binding row (amount = its slack, near 0).
 *
 * @param family the family id, for example {@code ic-bic}
 * @param rowName the row's stable name
 * @param description the row in words
 * @param agent the agent the row protects, or -1
 * @param amount the violation or slack
 * @param exactAmount the exact amount when the check ran in rational arithmetic, else null
 * @param dual the row's dual (d objective / d right-hand side) when the backend's duals are reliable, else null
 * @param sense the row's relation ({@code <=}, {@code >=}, {@code =}), or null for a column bound; it tells which way
 *     relaxing the row moves its right-hand side
 */
public record RowCheck(
    String family,
    String rowName,
    String description,
    int agent,
    double amount,
    BigFraction exactAmount,
    Double dual,
    Sense sense) {

  /** A row check whose relation is not recorded (column bounds). */
  public RowCheck(
      String family,
      String rowName,
      String description,
      int agent,
      double amount,
      BigFraction exactAmount,
      Double dual) {
    this(family, rowName, description, agent, amount, exactAmount, dual, null);
  }

  /**
   * How much the optimal objective changes, at the margin, per unit by which this row is relaxed: the right-hand side
   * of a {@code <=} row raised, of a {@code >=} row lowered. Null without a dual, or for an equality (which has no
   * single relaxing direction) and column bounds.
   */
  public Double relaxationEffect() {
    if (dual == null || sense == null) {
      return null;
    }
    return switch (sense) {
      case LE -> dual;
      case GE -> dual == 0 ? 0.0 : -dual;
      case EQ -> null;
    };
  }
}
