package org.mechlp.solver.dynamic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.DynamicMechanism;
import org.mechlp.model.dynamic.DynamicProblem;
import org.mechlp.model.dynamic.SignalSpace;
import org.mechlp.model.dynamic.Stage;

/**
 * Periodic ex post IC by one-shot deviations, in exact arithmetic. V^i_t(theta), agent i's continuation payoff when
 * everybody reports truthfully from period t on, is Markov in theta_t (the contingent payment due in period t is
 * sunk): V_t = u^i(a_t(theta), theta) - s^i_t(theta) + delta E[-c^i_{t+1}(theta'^-i, theta^i; a, theta^-i) + V_{t+1}].
 * A one-shot deviation to r at (t, theta) changes the action to a_t(r, theta^-i), the static transfer, and the
 * contingent payment's report. By the one-shot deviation principle (bounded payoffs, discounting or a finite horizon),
 * the mechanism is periodic ex post IC iff no such deviation gains, at every reachable (t, theta) node; reachable
 * means in the support of mu_1, then of mu_{t+1}(. | a, theta) for any action a (a deviation can take any action).
 */
public final class DynamicChecker {
  /**
   * @param nodes the (t, theta, agent, report) deviations examined
   * @param deviations every profitable deviation, largest gain first
   */
  public record Result(long nodes, List<Deviation> deviations) {
    public boolean passed() {
      return deviations.isEmpty();
    }
  }

  private final DynamicProblem problem;
  private final DynamicMechanism mechanism;
  private final int[][] allocation;

  private DynamicChecker(DynamicProblem problem, DynamicMechanism mechanism, EfficientPolicy policy) {
    this.problem = problem;
    this.mechanism = mechanism;
    this.allocation = mechanism.allocation() != null ? mechanism.allocation() : policy.action();
  }

  /** Checks {@code mechanism}; {@code policy} supplies the allocation when the mechanism says "efficient". */
  public static Result check(DynamicProblem problem, DynamicMechanism mechanism, EfficientPolicy policy) {
    return new DynamicChecker(problem, mechanism, policy).run();
  }

  private int stageIndex(int t) {
    return problem.infinite() ? 0 : t - 1;
  }

  private Result run() {
    int periods = problem.infinite() ? 1 : problem.horizon();
    int n = problem.agentCount();
    boolean[][] reachable = reachable(periods);
    List<Deviation> found = new ArrayList<>();
    long nodes = 0;
    for (int i = 0; i < n; i++) {
      BigFraction[][] v = continuation(i, periods);
      for (int t = 1; t <= periods; t++) {
        Stage stage = problem.stage(t);
        SignalSpace space = stage.signals();
        BigFraction[] next = t < periods ? v[t] : problem.infinite() ? v[0] : null;
        for (int p = 0; p < space.profileCount(); p++) {
          if (!reachable[t - 1][p]) {
            continue;
          }
          int own = space.signalOf(p, i);
          BigFraction truth = payoff(i, t, p, own, next);
          for (int r = 0; r < space.size(i); r++) {
            if (r == own) {
              continue;
            }
            nodes++;
            BigFraction gain = payoff(i, t, p, r, next).subtract(truth);
            if (gain.getNumerator().signum() > 0) {
              int o = space.othersIndex(p, i);
              found.add(new Deviation(i, t, p, r, allocation[stageIndex(t)][p],
                  allocation[stageIndex(t)][space.compose(i, r, o)], gain));
            }
          }
        }
      }
    }
    found.sort(Comparator.comparing(Deviation::gain).reversed());
    return new Result(nodes, found);
  }

  /**
   * Agent i's payoff from reporting r at (t, theta) and truth afterwards: u^i(a', theta) - s^i_t(r, theta^-i)
   * + delta E[-c(y, r; a', theta^-i) + V_{t+1} | a', theta], with a' = a_t(r, theta^-i).
   */
  private BigFraction payoff(int i, int t, int profile, int report, BigFraction[] nextValue) {
    Stage stage = problem.stage(t);
    SignalSpace space = stage.signals();
    int others = space.othersIndex(profile, i);
    int reported = space.compose(i, report, others);
    int action = allocation[stageIndex(t)][reported];
    BigFraction value = stage.utility(i, action, profile).subtract(staticTransfer(i, t, action, reported));
    if (nextValue == null) {
      return value;
    }
    BigFraction[][] pay = mechanism.contingent().get(new BlockKey(i, problem.infinite() ? 1 : t, action, others));
    BigFraction future = BigFraction.ZERO;
    if (pay != null) {
      BigFraction[] law = stage.transition().othersLaw(i, action, profile);
      for (int y = 0; y < law.length; y++) {
        future = future.subtract(law[y].multiply(pay[y][report]));
      }
    }
    future = future.add(EfficientPolicy.expectation(stage.transition(), action, profile, nextValue));
    return value.add(problem.discount().multiply(future));
  }

  private BigFraction staticTransfer(int i, int t, int action, int reported) {
    if (mechanism.transfers() == null) {
      return BigFraction.ZERO;
    }
    int actions = problem.stage(t).actions().size();
    return mechanism.transfers()[stageIndex(t)][i * actions + action][reported];
  }

  /** V^i_t for t = 1..periods (index t - 1): backward for a finite horizon, an exact linear solve otherwise. */
  private BigFraction[][] continuation(int i, int periods) {
    BigFraction[][] v = new BigFraction[periods][];
    if (!problem.infinite()) {
      for (int t = periods; t >= 1; t--) {
        Stage stage = problem.stage(t);
        v[t - 1] = new BigFraction[stage.signals().profileCount()];
        for (int p = 0; p < v[t - 1].length; p++) {
          v[t - 1][p] = payoff(i, t, p, stage.signals().signalOf(p, i), t < periods ? v[t] : null);
        }
      }
      return v;
    }
    // Stationary: V = r + delta P V, with r the flow payoff net of transfers and of the expected contingent payment.
    Stage stage = problem.stage(1);
    int n = stage.signals().profileCount();
    BigFraction[] zero = new BigFraction[n];
    Arrays.fill(zero, BigFraction.ZERO);
    BigFraction[][] a = new BigFraction[n][n];
    BigFraction[] r = new BigFraction[n];
    for (int p = 0; p < n; p++) {
      int action = allocation[0][p];
      r[p] = payoff(i, 1, p, stage.signals().signalOf(p, i), zero);
      for (int q = 0; q < n; q++) {
        a[p][q] = problem.discount().multiply(stage.transition().probability(action, p, q)).negate();
      }
      a[p][p] = a[p][p].add(BigFraction.ONE);
    }
    v[0] = ExactMatrices.solve(a, r);
    return v;
  }

  private boolean[][] reachable(int periods) {
    boolean[][] seen = new boolean[periods][];
    Stage first = problem.stage(1);
    seen[0] = new boolean[first.signals().profileCount()];
    for (int p = 0; p < seen[0].length; p++) {
      seen[0][p] = problem.initial()[p].getNumerator().signum() != 0;
    }
    if (problem.infinite()) {
      boolean grew = true;
      while (grew) {
        grew = false;
        for (int p = 0; p < seen[0].length; p++) {
          if (seen[0][p]) {
            grew |= spread(first, p, seen[0]);
          }
        }
      }
      return seen;
    }
    for (int t = 1; t < periods; t++) {
      Stage stage = problem.stage(t);
      seen[t] = new boolean[problem.stage(t + 1).signals().profileCount()];
      for (int p = 0; p < seen[t - 1].length; p++) {
        if (seen[t - 1][p]) {
          spread(stage, p, seen[t]);
        }
      }
    }
    return seen;
  }

  /** Marks every profile reachable from p in one step under any action; true when something new was marked. */
  private static boolean spread(Stage stage, int p, boolean[] into) {
    boolean grew = false;
    for (int a = 0; a < stage.actions().size(); a++) {
      for (int q = 0; q < into.length; q++) {
        if (!into[q] && stage.transition().probability(a, p, q).getNumerator().signum() != 0) {
          into[q] = true;
          grew = true;
        }
      }
    }
    return grew;
  }
}
