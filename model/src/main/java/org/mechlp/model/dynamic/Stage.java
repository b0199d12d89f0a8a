package org.mechlp.model.dynamic;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The data of one period.
 *
 * @param signals the period's signal profiles
 * @param actions the period's actions, in declaration order (ties in the efficient policy go to the first)
 * @param utility flow utilities {@code utility[agent][action][profile]} (interdependent: the whole profile)
 * @param transition the law of next period's profile, or null in the last period of a finite horizon
 */
public record Stage(SignalSpace signals, List<String> actions, BigFraction[][][] utility, Transition transition) {
  public Stage {
    actions = List.copyOf(actions);
  }

  /** u^i(a, theta). */
  public BigFraction utility(int agent, int action, int profile) {
    return utility[agent][action][profile];
  }

  /** The sum over agents of u^j(a, theta), leaving out {@code except} (or nobody when it is -1). */
  public BigFraction utilitySum(int action, int profile, int except) {
    BigFraction sum = BigFraction.ZERO;
    for (int j = 0; j < utility.length; j++) {
      if (j != except) {
        sum = sum.add(utility[j][action][profile]);
      }
    }
    return sum;
  }
}
