package org.mechlp.solver.dynamic;

import org.mechlp.model.Fractions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.DynamicProblem;
import org.mechlp.model.dynamic.SignalSpace;
import org.mechlp.model.dynamic.Stage;

/**
 * The source's assumptions as computations, each with its reason in words. A2 (convex independence): per block, the
 * exact L1 distance of every column of M from the hull of the others ({@link ConvexIndependence}). A3 (spanning):
 * the exact rank of every M. A4: the period-T rule is ex post IC without transfers (checked on every profile and
 * misreport), or holds trivially for a constant final action (Corollary 3.3).
 *
 * @param a2 whether A2 holds in every block; null when not computed
 * @param a2Reason the smallest distance, or the first block and column that fails, in words
 * @param a3 whether every M has full column rank
 * @param a3Reason the first rank-deficient block, or the number of blocks checked
 * @param a4 whether A4 holds (true for an infinite horizon, which has no final period)
 * @param a4Reason why
 */
public record Assumptions(Boolean a2, String a2Reason, boolean a3, String a3Reason, boolean a4, String a4Reason) {

  /**
   * Collects A2 and A3 from the solved blocks, in any order ({@link DynamicSolver} computes each block's rank and,
   * when asked, its A2 distances), and adds A4. Keeps counts and the first failure only, so memory is flat.
   */
  public static final class Tally {
    private final DynamicProblem problem;
    private final boolean withA2;
    private int blocks;
    private BigFraction smallest;
    private BlockKey a2Failure;
    private String a2Witness;
    private BlockKey a3Failure;
    private int a3Rank;
    private int a3Columns;

    /** A tally for the blocks of {@code problem} that expects A2 distances in every block when {@code withA2}. */
    public Tally(DynamicProblem problem, boolean withA2) {
      this.problem = problem;
      this.withA2 = withA2;
    }

    /** Whether the blocks are to carry A2 distances. */
    public boolean withA2() {
      return withA2;
    }

    /** Adds one block's rank and A2 distances. */
    public synchronized void add(BlockResult r) {
      blocks++;
      int k = problem.stage(r.key().period()).signals().size(r.key().agent());
      if (r.rank() >= 0 && r.rank() < k && (a3Failure == null || earlier(r.key(), a3Failure))) {
        a3Failure = r.key();
        a3Rank = r.rank();
        a3Columns = k;
      }
      ConvexIndependence ci = r.a2();
      if (ci != null && !ci.holds() && (a2Failure == null || earlier(r.key(), a2Failure))) {
        a2Failure = r.key();
        a2Witness = ci.witness();
      } else if (ci != null && ci.smallest() != null && (smallest == null || ci.smallest().compareTo(smallest) < 0)) {
        smallest = ci.smallest();
      }
    }

    /** The assumptions, with A4 computed now. */
    public Assumptions result(EfficientPolicy policy) {
      Boolean a2 = withA2 ? a2Failure == null : null;
      String a2Reason = !withA2 ? "not computed: more distance LPs than the limit (infeasible blocks still name"
          + " the column that lies in the hull of the others)"
          : a2Failure != null ? where(problem, a2Failure) + ": " + a2Witness
          : "no column of any M lies in the hull of the others; smallest L1 distance "
              + (smallest == null ? "(one signal only)" : Fractions.format(smallest));
      boolean a3 = a3Failure == null;
      String a3Reason = a3 ? "every M (" + blocks + " blocks) has full column rank, checked exactly"
          : where(problem, a3Failure) + ": M has rank " + a3Rank + " < " + a3Columns
              + " (its columns, the laws of the others' next signals by " + problem.agents().get(a3Failure.agent())
              + "'s signal, are linearly dependent)";
      List<String> a4 = a4(problem, policy);
      boolean a4Holds = a4.isEmpty();
      String a4Reason = problem.infinite() ? "the horizon is infinite: there is no final period"
          : problem.finalAction() >= 0 ? "the final action is the constant "
              + problem.stage(problem.horizon()).actions().get(problem.finalAction()) + " (Corollary 3.3)"
          : a4Holds ? "the period-" + problem.horizon() + " efficient rule is ex post IC without transfers"
          : a4.get(0);
      return new Assumptions(a2, a2Reason, a3, a3Reason, a4Holds, a4Reason);
    }

    private static boolean earlier(BlockKey a, BlockKey b) {
      return ORDER.compare(a, b) < 0;
    }
  }

  /** Blocks in the order period, agent, action, others. */
  public static final Comparator<BlockKey> ORDER = Comparator.comparingInt(BlockKey::period)
      .thenComparingInt(BlockKey::agent).thenComparingInt(BlockKey::action).thenComparingInt(BlockKey::others);

  private static String where(DynamicProblem problem, BlockKey key) {
    Stage stage = problem.stage(key.period());
    return "agent " + problem.agents().get(key.agent()) + (problem.infinite() ? "" : ", period " + key.period())
        + ", action " + stage.actions().get(key.action()) + ", others " + stage.signals().othersName(key.agent(),
        key.others());
  }

  /** The profitable period-T misreports without transfers, in words (empty when A4 holds). */
  private static List<String> a4(DynamicProblem problem, EfficientPolicy policy) {
    List<String> failures = new ArrayList<>();
    if (problem.infinite() || problem.finalAction() >= 0) {
      return failures;
    }
    int horizon = problem.horizon();
    Stage last = problem.stage(horizon);
    SignalSpace space = last.signals();
    for (int p = 0; p < space.profileCount(); p++) {
      for (int i = 0; i < problem.agentCount(); i++) {
        int own = space.signalOf(p, i);
        BigFraction truth = last.utility(i, policy.action(problem, horizon, p), p);
        for (int r = 0; r < space.size(i); r++) {
          int q = space.compose(i, r, space.othersIndex(p, i));
          BigFraction gain = last.utility(i, policy.action(problem, horizon, q), p).subtract(truth);
          if (r != own && gain.getNumerator().signum() > 0) {
            failures.add("A4 fails: in period " + horizon + " at " + space.profileName(p) + ", "
                + problem.agents().get(i) + " gains " + Fractions.format(gain) + " by reporting " + space.names(i).get(r));
          }
        }
      }
    }
    return failures;
  }
}
