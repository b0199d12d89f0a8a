package org.mechlp.solver.dynamic;

import org.mechlp.model.dynamic.BlockKey;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.dynamic.DynamicProblem;
import org.mechlp.model.dynamic.Stage;

/**
 * The data of one block: m_theta(y), the law of the others' next signals y when agent i's signal is theta (the
 * column theta of M^-i_{t+1}(a, theta^-i)), and e(theta), what agent i must receive in expectation to become the
 * residual claimant: minus the others' flow utility, and in period T - 1 also minus their expected period-T utility
 * (there is no transfer after period T, so the last blocks pass it on; without it a deviation at T - 1 that moves
 * the law of theta_T could pay).
 *
 * @param key the block
 * @param law {@code law[theta][y]}
 * @param target {@code target[theta]} = e(theta)
 * @param discount delta
 */
public record BlockData(BlockKey key, BigFraction[][] law, BigFraction[] target, BigFraction discount) {

  /** k = |Theta^i_t|. */
  public int reports() {
    return law.length;
  }

  /** L = |Theta^-i_{t+1}|. */
  public int outcomes() {
    return law[0].length;
  }

  /** The column index of P[y, r]. */
  public int column(int y, int r) {
    return y * reports() + r;
  }

  /** The data of block {@code key} (one block alone; {@link PeriodBlocks} builds many of a period). */
  public static BlockData of(DynamicProblem problem, EfficientPolicy policy, BlockKey key) {
    return new PeriodBlocks(problem, policy, key.period()).data(key);
  }

  /** Every block of {@code problem} for period t, in the order agent, action, others. */
  public static List<BlockKey> keys(DynamicProblem problem, int period) {
    Stage stage = problem.stage(period);
    List<BlockKey> keys = new ArrayList<>();
    for (int i = 0; i < problem.agentCount(); i++) {
      for (int a = 0; a < stage.actions().size(); a++) {
        for (int o = 0; o < stage.signals().othersCount(i); o++) {
          keys.add(new BlockKey(i, period, a, o));
        }
      }
    }
    return keys;
  }
}
