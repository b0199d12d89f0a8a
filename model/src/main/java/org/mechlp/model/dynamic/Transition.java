package org.mechlp.model.dynamic;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The law of next period's signal profile given this period's action and profile, mu_{t+1}(theta' | a, theta).
 * Every row sums to exactly 1 (the reader refuses other data).
 */
public interface Transition {
  /** The next period's signal space. */
  SignalSpace next();

  /** mu(to | action, from). */
  BigFraction probability(int action, int from, int to);

  /**
   * The law of the others' next signals, m(y) = sum over agent i's next signal of mu((own, y) | action, from), indexed
   * by the others' profile of the next period.
   */
  default BigFraction[] othersLaw(int agent, int action, int from) {
    SignalSpace n = next();
    BigFraction[] m = new BigFraction[n.othersCount(agent)];
    java.util.Arrays.fill(m, BigFraction.ZERO);
    for (int to = 0; to < n.profileCount(); to++) {
      BigFraction p = probability(action, from, to);
      if (p.getNumerator().signum() != 0) {
        int y = n.othersIndex(to, agent);
        m[y] = m[y].add(p);
      }
    }
    return m;
  }
}
