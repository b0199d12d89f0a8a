package org.mechlp.model.dynamic;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A transition under which the agents' next signals are independent given this period's action and profile: the
 * product of one table per agent, {@code own[agent][action][from][nextSignal]}.
 */
public final class ProductTransition implements Transition {
  private final SignalSpace next;
  private final BigFraction[][][][] own;

  /** The arrays are kept, not copied. */
  public ProductTransition(SignalSpace next, BigFraction[][][][] own) {
    this.next = next;
    this.own = own;
  }

  @Override
  public SignalSpace next() {
    return next;
  }

  @Override
  public BigFraction probability(int action, int from, int to) {
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
