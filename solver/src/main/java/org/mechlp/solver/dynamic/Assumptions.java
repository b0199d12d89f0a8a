package org.mechlp.solver.dynamic;

import org.mechlp.model.Fractions;
import java.util.ArrayList;
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

  /** Computes A3 and A4, and A2 when {@code withA2} (k small LPs per block). */
  public static Assumptions of(DynamicProblem problem, EfficientPolicy policy, boolean withA2) {
    Boolean a2 = withA2 ? Boolean.TRUE : null;
    String a2Reason = withA2 ? null : "not computed (solve --assumptions computes it)";
    BigFraction smallest = null;
    boolean a3 = true;
    String a3Reason = null;
    int blocks = 0;
    for (int t = 1; t <= problem.blockPeriods(); t++) {
      String[][] names = DynamicSolver.names(problem, t);
      for (BlockKey key : BlockData.keys(problem, t)) {
        blocks++;
        BlockData data = BlockData.of(problem, policy, key);
        int rank = ExactMatrices.rank(data.law());
        if (rank < data.reports() && a3) {
          a3 = false;
          a3Reason = where(problem, key) + ": M has rank " + rank + " < " + data.reports()
              + " (its columns, the laws of the others' next signals by " + problem.agents().get(key.agent())
              + "'s signal, are linearly dependent)";
        }
        if (withA2 && a2) {
          ConvexIndependence ci = ConvexIndependence.of(data.law(), names[key.agent()]);
          if (!ci.holds()) {
            a2 = false;
            a2Reason = where(problem, key) + ": " + ci.witness();
          } else if (ci.smallest() != null && (smallest == null || ci.smallest().compareTo(smallest) < 0)) {
            smallest = ci.smallest();
          }
        }
      }
    }
    if (a3) {
      a3Reason = "every M (" + blocks + " blocks) has full column rank, checked exactly";
    }
    if (a2 != null && a2) {
      a2Reason = "no column of any M lies in the hull of the others; smallest L1 distance "
          + (smallest == null ? "(one signal only)" : Fractions.format(smallest));
    }
    List<String> a4 = a4(problem, policy);
    boolean a4Holds = a4.isEmpty();
    String a4Reason = problem.infinite() ? "the horizon is infinite: there is no final period"
        : problem.finalAction() >= 0 ? "the final action is the constant "
            + problem.stage(problem.horizon()).actions().get(problem.finalAction()) + " (Corollary 3.3)"
        : a4Holds ? "the period-" + problem.horizon() + " efficient rule is ex post IC without transfers"
        : a4.get(0);
    return new Assumptions(a2, a2Reason, a3, a3Reason, a4Holds, a4Reason);
  }

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
