package org.mechlp.solver.dynamic;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.DynamicProblem;
import org.mechlp.model.dynamic.SignalSpace;
import org.mechlp.model.dynamic.Stage;

/**
 * Builds the blocks of one period from what the period's blocks share, computed once: the exact transition law
 * ({@link IntegerLaw}) and, in period T - 1 of a finite horizon, each agent's terminal term (the others' period-T
 * utility under the period-T rule, which those blocks pass on; see {@link BlockData}).
 */
final class PeriodBlocks {
  private final DynamicProblem problem;
  private final Stage stage;
  private final IntegerLaw law;
  private final ScaledVector[] terminalGap;

  PeriodBlocks(DynamicProblem problem, EfficientPolicy policy, int period) {
    this.problem = problem;
    this.stage = problem.stage(period);
    this.law = IntegerLaw.of(stage);
    boolean lastBlock = !problem.infinite() && period == problem.horizon() - 1;
    this.terminalGap = lastBlock ? terminalGaps(problem, policy) : null;
  }

  BlockData data(BlockKey key) {
    SignalSpace space = stage.signals();
    int i = key.agent();
    int k = space.size(i);
    BigFraction[][] columns = new BigFraction[k][];
    BigFraction[] target = new BigFraction[k];
    for (int theta = 0; theta < k; theta++) {
      int profile = space.compose(i, theta, key.others());
      columns[theta] = law.othersLaw(i, key.action(), profile);
      BigFraction e = stage.utilitySum(key.action(), profile, i).negate();
      if (terminalGap != null) {
        e = e.subtract(problem.discount().multiply(law.expectation(key.action(), profile, terminalGap[i])));
      }
      target[theta] = e;
    }
    return new BlockData(key, columns, target, problem.discount());
  }

  /** Agent i's others' period-T utility sum_{j != i} u^j(a_T(theta), theta), per agent. */
  private static ScaledVector[] terminalGaps(DynamicProblem problem, EfficientPolicy policy) {
    int horizon = problem.horizon();
    Stage last = problem.stage(horizon);
    ScaledVector[] gaps = new ScaledVector[problem.agentCount()];
    for (int i = 0; i < gaps.length; i++) {
      BigFraction[] gap = new BigFraction[last.signals().profileCount()];
      for (int p = 0; p < gap.length; p++) {
        gap[p] = last.utilitySum(policy.action(problem, horizon, p), p, i);
      }
      gaps[i] = ScaledVector.of(gap);
    }
    return gaps;
  }

  /** The integer form of column theta of M for modular rank tests: numerators over the law's denominator. */
  ScaledVector column(BlockKey key, int theta) {
    return law.others(key.agent(), key.action(), stage.signals().compose(key.agent(), theta, key.others()));
  }

  BigInteger lawDen() {
    return law.den();
  }
}
