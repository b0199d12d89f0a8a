package org.mechlp.solver.dynamic;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.dynamic.DynamicProblem;
import org.mechlp.model.dynamic.Stage;
import org.mechlp.model.dynamic.Transition;

/**
 * The efficient policy a*_t and the surplus W_t, in exact fractions. Finite horizon: backward induction on
 * W_t(theta) = max_a sum_i u^i(a, theta) + delta E[W_{t+1} | a, theta] with W_{T+1} = 0 (a constant final action
 * replaces the max in period T). Infinite horizon: policy iteration, each policy's values an exact linear solve of
 * (I - delta P) W = r, which ends after finitely many improvements at the exact stationary W. Ties go to the first
 * action in declaration order.
 *
 * @param surplus {@code surplus[s][profile]} = W for stage index s (period s + 1)
 * @param action {@code action[s][profile]} = a*
 */
public record EfficientPolicy(BigFraction[][] surplus, int[][] action) {

  /** Computes the policy of {@code problem}. */
  public static EfficientPolicy of(DynamicProblem problem) {
    return problem.infinite() ? stationary(problem) : backward(problem);
  }

  /** a*_t(theta) for period t (1-based). */
  public int action(DynamicProblem problem, int t, int profile) {
    return action[problem.infinite() ? 0 : t - 1][profile];
  }

  /** W_t(theta) for period t (1-based). */
  public BigFraction surplus(DynamicProblem problem, int t, int profile) {
    return surplus[problem.infinite() ? 0 : t - 1][profile];
  }

  /** E[W_1] under the initial law. */
  public BigFraction expectedSurplus(DynamicProblem problem) {
    BigFraction sum = BigFraction.ZERO;
    for (int p = 0; p < problem.initial().length; p++) {
      sum = sum.add(problem.initial()[p].multiply(surplus[0][p]));
    }
    return sum;
  }

  private static EfficientPolicy backward(DynamicProblem problem) {
    int horizon = problem.horizon();
    BigFraction[][] w = new BigFraction[horizon][];
    int[][] act = new int[horizon][];
    for (int t = horizon; t >= 1; t--) {
      Stage stage = problem.stage(t);
      int n = stage.signals().profileCount();
      w[t - 1] = new BigFraction[n];
      act[t - 1] = new int[n];
      for (int p = 0; p < n; p++) {
        int best = -1;
        BigFraction bestValue = null;
        for (int a = 0; a < stage.actions().size(); a++) {
          if (t == horizon && problem.finalAction() >= 0 && a != problem.finalAction()) {
            continue;
          }
          BigFraction v = stage.utilitySum(a, p, -1);
          if (t < horizon) {
            v = v.add(problem.discount().multiply(expectation(stage.transition(), a, p, w[t])));
          }
          if (bestValue == null || v.compareTo(bestValue) > 0) {
            best = a;
            bestValue = v;
          }
        }
        w[t - 1][p] = bestValue;
        act[t - 1][p] = best;
      }
    }
    return new EfficientPolicy(w, act);
  }

  private static EfficientPolicy stationary(DynamicProblem problem) {
    Stage stage = problem.stage(1);
    int n = stage.signals().profileCount();
    BigFraction delta = problem.discount();
    int[] policy = new int[n];
    for (int p = 0; p < n; p++) {
      policy[p] = greedy(stage, p, delta, null, -1);
    }
    while (true) {
      BigFraction[] w = values(stage, policy, delta);
      boolean changed = false;
      for (int p = 0; p < n; p++) {
        int better = greedy(stage, p, delta, w, policy[p]);
        if (better != policy[p]) {
          policy[p] = better;
          changed = true;
        }
      }
      if (!changed) {
        int[] first = new int[n];
        for (int p = 0; p < n; p++) {
          first[p] = greedy(stage, p, delta, w, -1);
        }
        return new EfficientPolicy(new BigFraction[][] {w}, new int[][] {first});
      }
    }
  }

  /** The best action at p against continuation w (null: none); {@code keep} wins ties when it is a maximizer. */
  private static int greedy(Stage stage, int p, BigFraction delta, BigFraction[] w, int keep) {
    int best = -1;
    BigFraction bestValue = null;
    for (int a = 0; a < stage.actions().size(); a++) {
      BigFraction v = stage.utilitySum(a, p, -1);
      if (w != null) {
        v = v.add(delta.multiply(expectation(stage.transition(), a, p, w)));
      }
      if (bestValue == null || v.compareTo(bestValue) > 0) {
        best = a;
        bestValue = v;
      }
    }
    if (keep >= 0) {
      BigFraction kept = stage.utilitySum(keep, p, -1).add(delta.multiply(expectation(stage.transition(), keep, p, w)));
      if (kept.compareTo(bestValue) == 0) {
        return keep;
      }
    }
    return best;
  }

  /** The exact values of a stationary policy: (I - delta P) W = r. */
  static BigFraction[] values(Stage stage, int[] policy, BigFraction delta) {
    int n = policy.length;
    BigFraction[][] a = new BigFraction[n][n];
    BigFraction[] r = new BigFraction[n];
    for (int p = 0; p < n; p++) {
      Arrays.fill(a[p], BigFraction.ZERO);
      for (int q = 0; q < n; q++) {
        a[p][q] = delta.multiply(stage.transition().probability(policy[p], p, q)).negate();
      }
      a[p][p] = a[p][p].add(BigFraction.ONE);
      r[p] = stage.utilitySum(policy[p], p, -1);
    }
    return ExactMatrices.solve(a, r);
  }

  /** E[f(theta') | a, theta] under a transition. */
  static BigFraction expectation(Transition transition, int action, int profile, BigFraction[] f) {
    BigFraction sum = BigFraction.ZERO;
    for (int q = 0; q < f.length; q++) {
      BigFraction p = transition.probability(action, profile, q);
      if (p.getNumerator().signum() != 0) {
        sum = sum.add(p.multiply(f[q]));
      }
    }
    return sum;
  }
}
