package org.mechlp.solver.dynamic;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.DynamicProblem;

/**
 * Solves every contingent-transfer block of a problem: period by period, the period's blocks in parallel, each
 * result handed to the sink in a fixed order (agent, action, others) before the next period starts, so memory stays
 * flat in the horizon when the sink does not keep the payments.
 */
public final class DynamicSolver {
  private DynamicSolver() {}

  /**
   * Solves the blocks of {@code problem} with {@code threads} threads.
   *
   * @param sink receives every block's result, period by period
   */
  public static void solve(DynamicProblem problem, EfficientPolicy policy, int threads, Consumer<BlockResult> sink) {
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    try {
      for (int t = 1; t <= problem.blockPeriods(); t++) {
        String[][] names = names(problem, t);
        List<BlockKey> keys = BlockData.keys(problem, t);
        List<BlockResult> results = pool.submit(() -> keys.parallelStream()
            .map(k -> BlockSolver.solve(BlockData.of(problem, policy, k), problem.contingent(), names[k.agent()]))
            .toList()).get();
        results.forEach(sink);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdown();
    }
  }

  /** Each agent's signal names in period t. */
  static String[][] names(DynamicProblem problem, int t) {
    String[][] names = new String[problem.agentCount()][];
    for (int i = 0; i < names.length; i++) {
      names[i] = problem.stage(t).signals().names(i).toArray(String[]::new);
    }
    return names;
  }
}
