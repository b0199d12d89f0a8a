package org.mechlp.solver.dynamic;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.DynamicProblem;

/**
 * Solves every contingent-transfer block of a problem: period by period from the last block period back to the
 * first (so that the one-shot-deviation check, which runs backward, can consume each period as it comes), the
 * period's blocks in parallel, each period handed to the sink before the next one starts, so memory stays flat in
 * the horizon when the sink does not keep the payments. With stationary data the blocks of period t are the blocks
 * of period t + 1 (same utilities, transition and discount; only the last block period differs, by its terminal
 * term): their verified results are reused for the new keys instead of being solved again.
 */
public final class DynamicSolver {
  /** Receives the blocks of one period, in the order agent, action, others. */
  public interface PeriodSink {
    /**
     * @param period t
     * @param results the period's blocks
     * @param reused true when the results are those of period t + 1, whose blocks have the same data
     */
    void period(int period, List<BlockResult> results, boolean reused);
  }

  private DynamicSolver() {}

  /** Solves the blocks of {@code problem} with {@code threads} threads, handing every result to {@code sink}. */
  public static void solve(DynamicProblem problem, EfficientPolicy policy, int threads, Consumer<BlockResult> sink) {
    solve(problem, policy, threads, false, (t, results, reused) -> results.forEach(sink));
  }

  /**
   * Solves the blocks of {@code problem} with {@code threads} threads; every result carries the exact rank of its M
   * (A3) and, when {@code withA2}, the A2 distances of its columns.
   */
  public static void solve(
      DynamicProblem problem, EfficientPolicy policy, int threads, boolean withA2, PeriodSink sink) {
    ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
    try {
      List<BlockResult> later = null;
      for (int t = problem.blockPeriods(); t >= 1; t--) {
        List<BlockKey> keys = BlockData.keys(problem, t);
        if (later != null && sameBlocks(problem, t, t + 1)) {
          List<BlockResult> reused = new ArrayList<>(keys.size());
          for (int b = 0; b < keys.size(); b++) {
            reused.add(later.get(b).forKey(keys.get(b)));
          }
          sink.period(t, reused, true);
          later = reused;
          continue;
        }
        String[][] names = names(problem, t);
        PeriodBlocks blocks = new PeriodBlocks(problem, policy, t);
        List<BlockResult> results = pool.submit(() -> keys.parallelStream()
            .map(k -> solveOne(problem, blocks, k, names[k.agent()], withA2))
            .toList()).get();
        sink.period(t, results, false);
        later = results;
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

  private static BlockResult solveOne(
      DynamicProblem problem, PeriodBlocks blocks, BlockKey key, String[] names, boolean withA2) {
    BlockData data = blocks.data(key);
    BlockResult result = BlockSolver.solve(data, problem.contingent(), names);
    int rank = result.rank();
    if (rank < 0) {
      ScaledVector[] columns = new ScaledVector[data.reports()];
      for (int theta = 0; theta < columns.length; theta++) {
        columns[theta] = blocks.column(key, theta);
      }
      rank = ExactMatrices.rank(columns);
    }
    return result.with(rank, withA2 ? ConvexIndependence.of(data.law(), names) : null);
  }

  /**
   * True when the blocks of periods t and u have the same data: both before the last block period of a finite
   * horizon (which carries the terminal term) and the same stage (signals, actions, and the very same utility and
   * transition tables, as the reader shares them between stationary periods).
   */
  static boolean sameBlocks(DynamicProblem problem, int t, int u) {
    if (problem.infinite() || Math.max(t, u) >= problem.horizon() - 1) {
      return false;
    }
    return problem.stage(t).equals(problem.stage(u));
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
