package org.mechlp.solver.dynamic;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.dynamic.DynamicProblem;
import org.mechlp.model.dynamic.Stage;

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
    BigFraction delta = problem.discount();
    BigFraction[][] w = new BigFraction[horizon][];
    int[][] act = new int[horizon][];
    ScaledVector next = null;
    for (int t = horizon; t >= 1; t--) {
      Stage stage = problem.stage(t);
      int n = stage.signals().profileCount();
      int m = stage.actions().size();
      boolean constant = t == horizon && problem.finalAction() >= 0;
      // W_t(p) = max_a U(a, p) + delta E[W_{t+1} | a, p], every term over one common denominator: integers only.
      ScaledVector u = utilitySums(stage);
      IntegerLaw law = t < horizon ? IntegerLaw.of(stage) : null;
      ScaledVector continuation = next;
      BigInteger expectationDen = law == null ? BigInteger.ONE
          : delta.getDenominator().multiply(law.den()).multiply(continuation.den());
      BigInteger den = IntegerLaw.lcm(u.den(), expectationDen);
      BigInteger expectationScale = den.divide(expectationDen).multiply(delta.getNumerator());
      BigInteger utilityScale = den.divide(u.den());
      BigInteger[] best = new BigInteger[n];
      int[] chosen = new int[n];
      IntStream.range(0, n).parallel().forEach(p -> {
        for (int a = 0; a < m; a++) {
          if (constant && a != problem.finalAction()) {
            continue;
          }
          BigInteger v = u.num(a * n + p).multiply(utilityScale);
          if (law != null) {
            v = v.add(Dots.dot(law.row(a, p), continuation).multiply(expectationScale));
          }
          if (best[p] == null || v.compareTo(best[p]) > 0) {
            best[p] = v;
            chosen[p] = a;
          }
        }
      });
      next = ScaledVector.of(best, den).reduced();
      w[t - 1] = new BigFraction[n];
      for (int p = 0; p < n; p++) {
        w[t - 1][p] = next.get(p);
      }
      act[t - 1] = chosen;
    }
    return new EfficientPolicy(w, act);
  }

  /** sum_i u^i(a, p) for every (a, p), index a * |Theta| + p, over one common denominator. */
  static ScaledVector utilitySums(Stage stage) {
    int n = stage.signals().profileCount();
    BigFraction[] sums = new BigFraction[stage.actions().size() * n];
    for (int a = 0; a < stage.actions().size(); a++) {
      for (int p = 0; p < n; p++) {
        sums[a * n + p] = stage.utilitySum(a, p, -1);
      }
    }
    return ScaledVector.of(sums);
  }

  private static EfficientPolicy stationary(DynamicProblem problem) {
    Stage stage = problem.stage(1);
    IntegerLaw law = IntegerLaw.of(stage);
    int n = stage.signals().profileCount();
    BigFraction delta = problem.discount();
    int[] policy = new int[n];
    for (int p = 0; p < n; p++) {
      policy[p] = greedy(stage, law, p, delta, null, -1);
    }
    while (true) {
      BigFraction[] w = values(stage, policy, delta);
      ScaledVector scaled = ScaledVector.of(w);
      boolean changed = false;
      for (int p = 0; p < n; p++) {
        int better = greedy(stage, law, p, delta, scaled, policy[p]);
        if (better != policy[p]) {
          policy[p] = better;
          changed = true;
        }
      }
      if (!changed) {
        int[] first = new int[n];
        for (int p = 0; p < n; p++) {
          first[p] = greedy(stage, law, p, delta, scaled, -1);
        }
        return new EfficientPolicy(new BigFraction[][] {w}, new int[][] {first});
      }
    }
  }

  /** The best action at p against continuation w (null: none); {@code keep} wins ties when it is a maximizer. */
  private static int greedy(Stage stage, IntegerLaw law, int p, BigFraction delta, ScaledVector w, int keep) {
    int best = -1;
    BigFraction bestValue = null;
    for (int a = 0; a < stage.actions().size(); a++) {
      BigFraction v = stage.utilitySum(a, p, -1);
      if (w != null) {
        v = v.add(delta.multiply(law.expectation(a, p, w)));
      }
      if (bestValue == null || v.compareTo(bestValue) > 0) {
        best = a;
        bestValue = v;
      }
    }
    if (keep >= 0) {
      BigFraction kept = stage.utilitySum(keep, p, -1).add(delta.multiply(law.expectation(keep, p, w)));
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
}
