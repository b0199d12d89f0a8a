package org.mechlp.solver.dynamic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.IntStream;
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
 *
 * <p>The check runs backward, one period at a time ({@link Pass}): it needs the contingent payments of period t only
 * while it handles period t, so a solve can hand them over as it produces them and drop them afterwards. The
 * expectations are integer dot products over the transition's common denominator ({@link IntegerLaw}).
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

  private DynamicChecker() {}

  /** Checks {@code mechanism}; {@code policy} supplies the allocation when the mechanism says "efficient". */
  public static Result check(DynamicProblem problem, DynamicMechanism mechanism, EfficientPolicy policy) {
    Pass pass = new Pass(problem, mechanism.allocation() != null ? mechanism.allocation() : policy.action(),
        mechanism.transfers());
    for (int t = pass.periods(); t >= 1; t--) {
      pass.period(t, mechanism.contingent()::get);
    }
    return pass.finish();
  }

  /**
   * One backward pass: {@link #period} is called for t = {@link #periods()} down to 1 (once for an infinite
   * horizon), each time with the contingent payments paid after period t (none after the last period).
   */
  public static final class Pass {
    private final DynamicProblem problem;
    private final int[][] allocation;
    private final BigFraction[][][] transfers;
    private final boolean[][] reachable;
    private final int periods;
    private final ScaledVector[] later;
    private final List<Deviation> found = Collections.synchronizedList(new ArrayList<>());
    private long nodes;
    private int expected;

    /**
     * @param allocation {@code allocation[s][profile]} per stage index
     * @param transfers static transfers as in {@link DynamicMechanism#transfers()}, or null
     */
    public Pass(DynamicProblem problem, int[][] allocation, BigFraction[][][] transfers) {
      this.problem = problem;
      this.allocation = allocation;
      this.transfers = transfers;
      this.periods = problem.infinite() ? 1 : problem.horizon();
      this.reachable = reachable();
      this.later = new ScaledVector[problem.agentCount()];
      this.expected = periods;
    }

    /** The number of periods the pass goes through: T, or 1 for an infinite horizon. */
    public int periods() {
      return periods;
    }

    /**
     * Handles period t: every agent's truthful continuation V_t and the one-shot deviations at period t's
     * reachable nodes.
     *
     * @param payments the contingent payments of period t's blocks ({@code payments[y][r]}), null for a block that
     *     pays nothing
     */
    public void period(int t, Function<BlockKey, BigFraction[][]> payments) {
      if (t != expected) {
        throw new IllegalStateException("period " + t + " handed over out of order; expected " + expected);
      }
      expected--;
      long[] counted = new long[problem.agentCount()];
      IntStream.range(0, problem.agentCount()).parallel().forEach(i -> {
        AgentPeriod ap = new AgentPeriod(i, t, payments, problem.infinite() ? null : later[i]);
        ScaledVector v = problem.infinite() ? ap.stationaryValues() : ap.values();
        if (problem.infinite()) {
          ap = new AgentPeriod(i, t, payments, v); // the deviations compare against the exact stationary V
        }
        counted[i] = ap.scan();
        later[i] = v;
      });
      nodes += Arrays.stream(counted).sum();
    }

    /** The result, once every period has been handled. */
    public Result finish() {
      if (expected != 0) {
        throw new IllegalStateException("periods 1 to " + expected + " were not handed over");
      }
      List<Deviation> sorted = new ArrayList<>(found);
      // Largest gain first; ties in a fixed order, since the agents are checked in parallel.
      sorted.sort(Comparator.comparing(Deviation::gain).reversed().thenComparingInt(Deviation::period)
          .thenComparingInt(Deviation::agent).thenComparingInt(Deviation::profile)
          .thenComparingInt(Deviation::report));
      return new Result(nodes, sorted);
    }

    private int stageIndex(int t) {
      return problem.infinite() ? 0 : t - 1;
    }

    /** Agent i in period t: payoffs of reports, with the expectations of period t computed once. */
    private final class AgentPeriod {
      private final int agent;
      private final int t;
      private final Stage stage;
      private final SignalSpace space;
      private final IntegerLaw law;
      private final ScaledVector next;
      private final Function<BlockKey, BigFraction[][]> payments;
      private final BigFraction[] continuation;
      private final Map<BlockKey, ScaledVector[]> scaledPayments = new HashMap<>();

      /** @param next V_{t+1} (null in the last period, or while the stationary V is being computed) */
      AgentPeriod(int agent, int t, Function<BlockKey, BigFraction[][]> payments, ScaledVector next) {
        this.agent = agent;
        this.t = t;
        this.stage = problem.stage(t);
        this.space = stage.signals();
        boolean hasNext = problem.infinite() || t < periods;
        this.law = hasNext ? IntegerLaw.of(stage) : null;
        this.next = next;
        this.payments = payments;
        this.continuation = new BigFraction[stage.actions().size() * space.profileCount()];
      }

      /** V_t over period t's profiles, from V_{t+1}. */
      ScaledVector values() {
        BigFraction[] v = new BigFraction[space.profileCount()];
        for (int p = 0; p < v.length; p++) {
          v[p] = payoff(p, space.signalOf(p, agent));
        }
        return ScaledVector.of(v).reduced();
      }

      /** Stationary V: V = r + delta P V, with r the flow payoff net of transfers and expected contingent payment. */
      ScaledVector stationaryValues() {
        int n = space.profileCount();
        BigFraction[][] a = new BigFraction[n][n];
        BigFraction[] r = new BigFraction[n];
        for (int p = 0; p < n; p++) {
          int action = allocation[0][p];
          r[p] = payoff(p, space.signalOf(p, agent));
          ScaledVector row = law.row(action, p);
          for (int q = 0; q < n; q++) {
            a[p][q] = problem.discount().multiply(row.get(q)).negate();
          }
          a[p][p] = a[p][p].add(BigFraction.ONE);
        }
        return ScaledVector.of(ExactMatrices.solve(a, r));
      }

      /** Counts and records the profitable one-shot deviations at period t's reachable nodes. */
      long scan() {
        long count = 0;
        for (int p = 0; p < space.profileCount(); p++) {
          if (!reachable[t - 1][p]) {
            continue;
          }
          int own = space.signalOf(p, agent);
          BigFraction truth = payoff(p, own);
          for (int r = 0; r < space.size(agent); r++) {
            if (r == own) {
              continue;
            }
            count++;
            BigFraction gain = payoff(p, r).subtract(truth);
            if (gain.getNumerator().signum() > 0) {
              int o = space.othersIndex(p, agent);
              found.add(new Deviation(agent, t, p, r, allocation[stageIndex(t)][p],
                  allocation[stageIndex(t)][space.compose(agent, r, o)], gain));
            }
          }
        }
        return count;
      }

      /**
       * Agent i's payoff from reporting r at (t, theta) and truth afterwards: u^i(a', theta) - s^i_t(r, theta^-i)
       * + delta E[-c(y, r; a', theta^-i) + V_{t+1} | a', theta], with a' = a_t(r, theta^-i).
       */
      private BigFraction payoff(int profile, int report) {
        int others = space.othersIndex(profile, agent);
        int reported = space.compose(agent, report, others);
        int action = allocation[stageIndex(t)][reported];
        BigFraction value = stage.utility(agent, action, profile).subtract(staticTransfer(action, reported));
        if (law == null) {
          return value;
        }
        BigFraction future = BigFraction.ZERO;
        BlockKey key = new BlockKey(agent, problem.infinite() ? 1 : t, action, others);
        ScaledVector[] pay = scaled(key);
        if (pay != null) {
          ScaledVector m = law.others(agent, action, profile);
          future = new BigFraction(Dots.dot(m, pay[report]), law.den().multiply(pay[report].den())).negate();
        }
        if (next != null) {
          int index = action * space.profileCount() + profile;
          if (continuation[index] == null) {
            continuation[index] = law.expectation(action, profile, next);
          }
          future = future.add(continuation[index]);
        }
        return value.add(problem.discount().multiply(future));
      }

      /** A block's payments by report, each column P[., r] over the block's common denominator. */
      private ScaledVector[] scaled(BlockKey key) {
        if (scaledPayments.containsKey(key)) {
          return scaledPayments.get(key);
        }
        BigFraction[][] pay = payments.apply(key);
        ScaledVector[] columns = null;
        if (pay != null) {
          int l = pay.length;
          int k = pay[0].length;
          BigFraction[] byReport = new BigFraction[k * l];
          for (int y = 0; y < l; y++) {
            for (int r = 0; r < k; r++) {
              byReport[r * l + y] = pay[y][r];
            }
          }
          ScaledVector all = ScaledVector.of(byReport);
          columns = new ScaledVector[k];
          for (int r = 0; r < k; r++) {
            columns[r] = all.slice(r * l, l);
          }
        }
        scaledPayments.put(key, columns);
        return columns;
      }

      private BigFraction staticTransfer(int action, int reported) {
        if (transfers == null) {
          return BigFraction.ZERO;
        }
        int actions = stage.actions().size();
        return transfers[stageIndex(t)][agent * actions + action][reported];
      }
    }

    private boolean[][] reachable() {
      boolean[][] seen = new boolean[periods][];
      Stage first = problem.stage(1);
      seen[0] = new boolean[first.signals().profileCount()];
      for (int p = 0; p < seen[0].length; p++) {
        seen[0][p] = problem.initial()[p].getNumerator().signum() != 0;
      }
      if (problem.infinite()) {
        IntegerLaw law = IntegerLaw.of(first);
        boolean grew = true;
        while (grew) {
          grew = false;
          for (int p = 0; p < seen[0].length; p++) {
            if (seen[0][p]) {
              grew |= spread(first, law, p, seen[0]);
            }
          }
        }
        return seen;
      }
      for (int t = 1; t < periods; t++) {
        Stage stage = problem.stage(t);
        IntegerLaw law = IntegerLaw.of(stage);
        seen[t] = new boolean[problem.stage(t + 1).signals().profileCount()];
        for (int p = 0; p < seen[t - 1].length; p++) {
          if (seen[t - 1][p]) {
            spread(stage, law, p, seen[t]);
          }
        }
      }
      return seen;
    }

    /** Marks every profile reachable from p in one step under any action; true when something new was marked. */
    private static boolean spread(Stage stage, IntegerLaw law, int p, boolean[] into) {
      boolean grew = false;
      for (int a = 0; a < stage.actions().size(); a++) {
        ScaledVector row = law.row(a, p);
        for (int q = 0; q < into.length; q++) {
          if (!into[q] && !row.isZero(q)) {
            into[q] = true;
            grew = true;
          }
        }
      }
      return grew;
    }
  }
}
