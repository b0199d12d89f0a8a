package org.mechlp.model.dynamic;

import org.apache.commons.math3.fraction.BigFraction;

/** A transition given as one table per action: rows are this period's profiles, columns next period's. */
public final class JointTransition implements Transition {
  private final SignalSpace next;
  private final BigFraction[][][] table;

  /** {@code table[action][from][to]}; the arrays are kept, not copied. */
  public JointTransition(SignalSpace next, BigFraction[][][] table) {
    this.next = next;
    this.table = table;
  }

  @Override
  public SignalSpace next() {
    return next;
  }

  @Override
  public BigFraction probability(int action, int from, int to) {
    return table[action][from][to];
  }
}
