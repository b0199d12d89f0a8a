package org.mechlp.solver.classic;

import java.util.Arrays;
import java.util.Collection;
import org.apache.commons.math3.fraction.BigFraction;

/** Small exact lotteries over outcomes. */
final class Lotteries {
  private Lotteries() {}

  /** The uniform lottery over {@code outcomes} among {@code m}. */
  static BigFraction[] uniform(int m, Collection<Integer> outcomes) {
    BigFraction[] lottery = zeros(m);
    BigFraction share = new BigFraction(1, outcomes.size());
    for (int o : outcomes) {
      lottery[o] = lottery[o].add(share);
    }
    return lottery;
  }

  /** The lottery that picks {@code outcome} for sure. */
  static BigFraction[] sure(int m, int outcome) {
    BigFraction[] lottery = zeros(m);
    lottery[outcome] = BigFraction.ONE;
    return lottery;
  }

  /** {@code size} zeros. */
  static BigFraction[] zeros(int size) {
    BigFraction[] z = new BigFraction[size];
    Arrays.fill(z, BigFraction.ZERO);
    return z;
  }
}
