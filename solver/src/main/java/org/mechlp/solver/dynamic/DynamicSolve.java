package org.mechlp.solver.dynamic;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.DynamicProblem;
import org.mechlp.model.dynamic.Stage;

/**
 * A whole dynamic solve: the efficient policy, every block (streamed period by period, last first), the assumptions,
 * and the one-shot-deviation check of the solved mechanism, run backward alongside the blocks. Only counts, the
 * largest payment, the unsolved blocks and the first failures are kept; a listener sees every block once and keeps
 * what it needs (the payments for a mechanism file, the first blocks for a report), so memory stays flat in T.
 */
public final class DynamicSolve {
  /**
   * @param policy the efficient policy
   * @param blocks the number of blocks
   * @param solved blocks solved and verified exactly
   * @param infeasible blocks proven infeasible
   * @param reused blocks whose verified answer is a stationary twin's
   * @param largest the largest |P| over all blocks, or null
   * @param unsolved the blocks not solved (infeasible or failed), in block order
   * @param assumptions A2, A3, A4
   * @param check the check of the solved mechanism, or null when a block was not solved
   * @param threads the threads the blocks used
   * @param policyNanos time of the efficient policy
   * @param blockNanos time of the blocks (without the check)
   * @param checkNanos time of the check
   * @param totalNanos the whole solve
   */
  public record Summary(EfficientPolicy policy, long blocks, long solved, long infeasible, long reused,
      BigFraction largest, List<BlockResult> unsolved, Assumptions assumptions, DynamicChecker.Result check,
      int threads, long policyNanos, long blockNanos, long checkNanos, long totalNanos) {
    /** Blocks whose solve failed (neither solved nor proven infeasible). */
    public long failed() {
      return blocks - solved - infeasible;
    }

    /** solved, infeasible, failed or check-failed. */
    public String status() {
      return failed() > 0 ? "failed" : infeasible > 0 ? "infeasible" : check.passed() ? "solved" : "check-failed";
    }
  }

  private DynamicSolve() {}

  /**
   * Solves {@code problem} with {@code threads} threads; A2 is computed when the blocks need at most {@code
   * a2LpLimit} distance LPs. {@code listener} sees every block once (from one thread at a time).
   */
  public static Summary run(DynamicProblem problem, int threads, int a2LpLimit, Consumer<BlockResult> listener) {
    long start = System.nanoTime();
    EfficientPolicy policy = EfficientPolicy.of(problem);
    long policyNanos = System.nanoTime() - start;
    long lps = 0;
    for (int t = 1; t <= problem.blockPeriods(); t++) {
      Stage stage = problem.stage(t);
      lps += (long) stage.actions().size() * stage.signals().profileCount() * problem.agentCount();
    }
    Assumptions.Tally assumptions = new Assumptions.Tally(problem, lps <= a2LpLimit);
    DynamicChecker.Pass pass = new DynamicChecker.Pass(problem, policy.action(), null);
    long[] counts = new long[4]; // blocks, solved, infeasible, reused
    BigFraction[] largest = {null};
    List<BlockResult> unsolved = new ArrayList<>();
    long[] checkNanos = {0};
    boolean[] checking = {true};
    long c0 = System.nanoTime();
    if (!problem.infinite()) {
      pass.period(problem.horizon(), key -> null); // no contingent payment follows the last period
    }
    checkNanos[0] += System.nanoTime() - c0;
    DynamicSolver.solve(problem, policy, threads, assumptions.withA2(), (t, results, reused) -> {
      Map<BlockKey, BigFraction[][]> payments = new HashMap<>();
      for (BlockResult r : results) {
        assumptions.add(r);
        listener.accept(r);
        counts[0]++;
        counts[3] += reused ? 1 : 0;
        if (r.status() == BlockResult.Status.SOLVED) {
          counts[1]++;
          payments.put(r.key(), r.payments());
        } else {
          counts[2] += r.status() == BlockResult.Status.INFEASIBLE ? 1 : 0;
          unsolved.add(r);
        }
        if (r.largest() != null && (largest[0] == null || r.largest().compareTo(largest[0]) > 0)) {
          largest[0] = r.largest();
        }
      }
      checking[0] &= payments.size() == results.size();
      if (checking[0]) {
        long c = System.nanoTime();
        pass.period(t, payments::get);
        checkNanos[0] += System.nanoTime() - c;
      }
    });
    long blockNanos = System.nanoTime() - start - policyNanos - checkNanos[0];
    Assumptions a = assumptions.result(policy);
    DynamicChecker.Result check = checking[0] ? pass.finish() : null;
    unsolved.sort(java.util.Comparator.comparing(BlockResult::key, Assumptions.ORDER));
    return new Summary(policy, counts[0], counts[1], counts[2], counts[3], largest[0], List.copyOf(unsolved), a,
        check, threads, policyNanos, blockNanos, checkNanos[0], System.nanoTime() - start);
  }
}
