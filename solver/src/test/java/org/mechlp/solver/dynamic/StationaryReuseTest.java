package org.mechlp.solver.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.DynamicProblem;

/**
 * The solver reuses the answers of period t + 1 for period t only when the two periods' blocks have the same data:
 * here every block's data is rebuilt independently for both periods and compared.
 */
class StationaryReuseTest {
  @Test
  void reusedPeriodsHaveIdenticalBlockDataAndTheTerminalPeriodIsNotReused() throws Exception {
    DynamicProblem problem = Instances.shipped("bench-n3-k4-m3-t5"); // T = 5, stationary data
    EfficientPolicy policy = EfficientPolicy.of(problem);
    for (int t = 1; t <= 2; t++) {
      assertThat(DynamicSolver.sameBlocks(problem, t, t + 1)).as("period %d", t).isTrue();
      for (BlockKey key : BlockData.keys(problem, t)) {
        BlockData here = BlockData.of(problem, policy, key);
        BlockData later = BlockData.of(problem, policy, new BlockKey(key.agent(), t + 1, key.action(), key.others()));
        assertThat(here.law()).isDeepEqualTo(later.law());
        assertThat(here.target()).isEqualTo(later.target());
      }
    }
    // Period 4 = T - 1 passes on the others' period-5 utility: its blocks differ, so period 3 is solved afresh.
    assertThat(DynamicSolver.sameBlocks(problem, 3, 4)).isFalse();
    boolean differs = false;
    for (BlockKey key : BlockData.keys(problem, 3)) {
      BlockData here = BlockData.of(problem, policy, key);
      BlockData later = BlockData.of(problem, policy, new BlockKey(key.agent(), 4, key.action(), key.others()));
      differs |= !java.util.Arrays.equals(here.target(), later.target());
    }
    assertThat(differs).isTrue();
  }

  @Test
  void theStreamedSolveCountsReusedBlocksAndItsMechanismPassesTheCheck() throws Exception {
    DynamicProblem problem = Instances.shipped("bench-n3-k4-m3-t5");
    DynamicSolve.Summary run = DynamicSolve.run(problem, 2, 0, r -> {});
    // 576 blocks by the size formula N (T - 1) m k^(N-1); periods 1 and 2 repeat period 3's answers: 2 x 144.
    assertThat(run.blocks()).isEqualTo(576);
    assertThat(run.solved()).isEqualTo(576);
    assertThat(run.reused()).isEqualTo(288);
    assertThat(run.check().passed()).isTrue();
    assertThat(run.assumptions().a3()).isTrue();
  }
}
