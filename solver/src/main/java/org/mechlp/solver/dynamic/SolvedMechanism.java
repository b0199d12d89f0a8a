package org.mechlp.solver.dynamic;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.DynamicMechanism;
import org.mechlp.model.dynamic.DynamicProblem;

/** The mechanism a solve produces: the efficient policy, no static transfers, the blocks' contingent payments. */
public final class SolvedMechanism {
  private SolvedMechanism() {}

  /** Builds the mechanism from solved blocks (unsolved blocks pay nothing). */
  public static DynamicMechanism of(DynamicProblem problem, EfficientPolicy policy, List<BlockResult> results) {
    Map<BlockKey, BigFraction[][]> contingent = new HashMap<>();
    for (BlockResult r : results) {
      if (r.status() == BlockResult.Status.SOLVED) {
        contingent.put(r.key(), r.payments());
      }
    }
    return new DynamicMechanism(policy.action(), null, contingent);
  }
}
