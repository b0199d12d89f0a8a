package org.mechlp.model.dynamic;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A transition under which the agents' next signals are independent given this period's action and profile: the
 * product of one table per agent, {@code own[agent][action][from][nextSignal]}.
 */
public final class ProductTransition implements Transition {
  private final SignalSpace next;
  private final BigFraction[][][][] own;
  private final AtomicReferenceArray<BigFraction[]> rows;

  /** The arrays are kept, not copied. */
  public ProductTransition(SignalSpace next, BigFraction[][][][] own) {
    this.next = next;
    this.own = own;
    this.rows = new AtomicReferenceArray<>(own[0].length * own[0][0].length);
  }

  @Override
  public SignalSpace next() {
    return next;
  }

  @Override
  public BigFraction probability(int action, int from, int to) {
    int index = action * own[0][0].length + from;
    BigFraction[] row = rows.get(index);
    if (row == null) {
      // Built once per (action, from) on first use; two threads racing here compute the same row.
      row = new BigFraction[next.profileCount()];
      for (int q = 0; q < row.length; q++) {
        row[q] = product(action, from, q);
      }
      rows.set(index, row);
    }
    return row[to];
  }

  /** The number of agents. */
  public int agentCount() {
    return own.length;
  }

  /** mu^j(own next signal | action, from): agent j's own factor of the product. */
  public BigFraction own(int agent, int action, int from, int nextSignal) {
    return own[agent][action][from][nextSignal];
  }

  private BigFraction product(int action, int from, int to) {
    int[] s = next.decode(to);
    BigFraction p = BigFraction.ONE;
    for (int j = 0; j < s.length && p.getNumerator().signum() != 0; j++) {
      p = p.multiply(own[j][action][from][s[j]]);
    }
    return p;
  }

  /** The others' law is the product of their own tables: no sum over agent i's next signal is needed. */
  @Override
  public BigFraction[] othersLaw(int agent, int action, int from) {
    int count = next.othersCount(agent);
    BigFraction[] m = new BigFraction[count];
    Arrays.fill(m, BigFraction.ONE);
    for (int y = 0; y < count; y++) {
      int[] s = next.decode(next.compose(agent, 0, y));
      for (int j = 0; j < s.length; j++) {
        if (j != agent) {
          m[y] = m[y].multiply(own[j][action][from][s[j]]);
        }
      }
    }
    return m;
  }
}
