package org.mechlp.model.dynamic;

import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A direct dynamic mechanism: per period an allocation rule on reported profiles, static transfers paid in the same
 * period, and contingent transfers p^i_{t+1}(y, r; a, theta^-i_t) paid next period, which depend on the others'
 * next reports y and agent i's report r.
 *
 * @param allocation {@code allocation[s][profile]} for stage index s, or null for the efficient policy
 * @param transfers {@code transfers[s][agent * actions + action][profile]}: what the agent pays in period s + 1 when
 *     the reports are {@code profile} and the chosen action is {@code action}; null for none
 * @param contingent per block, {@code payments[y][r]}; a block not listed pays nothing
 */
public record DynamicMechanism(
    int[][] allocation, BigFraction[][][] transfers, Map<BlockKey, BigFraction[][]> contingent) {
  public DynamicMechanism {
    contingent = Map.copyOf(contingent);
  }
}
