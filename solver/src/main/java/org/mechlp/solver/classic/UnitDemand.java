package org.mechlp.solver.classic;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;

/**
 * The outcome structure of auctions: k identical units and unit demand. Every outcome gives a unit to a set of
 * agents, the outcomes are exactly the sets of at most k agents (for a single item: "none" and one outcome per
 * agent), outcomes cost nothing, and agent i values an outcome at its bid b_i(type) >= 0 when it gets a unit and 0
 * otherwise. Detected from the values (an agent that values everything at 0 gets its unit in the outcome named after
 * it, as in the single-item shortcut).
 */
final class UnitDemand {
  /** k, the number of units. */
  final int units;
  /** bid[i][t]: agent i's value of a unit at type t. */
  final BigFraction[][] bid;
  private final Map<Integer, Integer> outcomeOf;

  private UnitDemand(int units, BigFraction[][] bid, Map<Integer, Integer> outcomeOf) {
    this.units = units;
    this.bid = bid;
    this.outcomeOf = outcomeOf;
  }

  /** A detected structure, or why the problem has none. */
  record Read(UnitDemand structure, String reason) {}

  /** The unit-demand structure of {@code s}, or the reason it has none. */
  static Read detect(Setting s) {
    String not = "the outcomes are not those of an auction of identical units (single item: \"none\" and one outcome"
        + " per agent, each agent valuing only its own): ";
    if (s.n > 20) {
      return fail("more than 20 agents");
    }
    for (int o = 0; o < s.m; o++) {
      if (!Fractions.isZero(s.cost[o])) {
        return fail(not + "outcome \"" + s.problem.outcomes().get(o).name() + "\" has a cost");
      }
    }
    BigFraction[][] bid = new BigFraction[s.n][];
    int[] masks = new int[s.m];
    for (int i = 0; i < s.n; i++) {
      String agent = s.problem.agents().get(i).name();
      int k = s.value[i].length;
      for (int o = 0; o < s.m && bid[i] == null; o++) {
        BigFraction[] column = column(s, i, o);
        if (!allZero(column)) {
          bid[i] = column;
        }
      }
      boolean silent = bid[i] == null;
      if (silent) {
        bid[i] = Lotteries.zeros(k);
        if (s.problem.outcomeIndex(agent) < 0) {
          return fail(not + agent + " values every outcome at 0, so its values do not say which outcomes give it a"
              + " unit (name its single-item outcome after it, as the single-item shortcut does)");
        }
      }
      for (BigFraction b : bid[i]) {
        if (b.getNumerator().signum() < 0) {
          return fail(not + agent + " has a negative value " + Fractions.format(b));
        }
      }
      for (int o = 0; o < s.m; o++) {
        BigFraction[] column = column(s, i, o);
        boolean gets =
            silent ? s.problem.outcomes().get(o).name().equals(agent) : Arrays.equals(column, bid[i]);
        if (!gets && !allZero(column)) {
          return fail(not + agent + "'s values of \"" + s.problem.outcomes().get(o).name()
              + "\" are neither 0 nor its values of its own unit");
        }
        if (gets) {
          masks[o] |= 1 << i;
        }
      }
    }
    Map<Integer, Integer> outcomeOf = new HashMap<>();
    int units = 0;
    for (int o = 0; o < s.m; o++) {
      Integer earlier = outcomeOf.putIfAbsent(masks[o], o);
      if (earlier != null) {
        return fail(not + "outcomes \"" + s.problem.outcomes().get(earlier).name() + "\" and \""
            + s.problem.outcomes().get(o).name() + "\" give units to the same agents");
      }
      units = Math.max(units, Integer.bitCount(masks[o]));
    }
    if (units == 0) {
      return fail(not + "no outcome gives anything to anyone");
    }
    long expected = 0;
    for (int size = 0; size <= units; size++) {
      expected += binomial(s.n, size);
    }
    if (expected != s.m) {
      return fail(not + "with " + units + " unit" + (units == 1 ? "" : "s") + " and " + s.n + " agents there are "
          + expected + " ways to give them out, but the problem has " + s.m + " outcomes");
    }
    return new Read(new UnitDemand(units, bid, outcomeOf), null);
  }

  /** The outcome that gives units to exactly the agents of {@code winners} (a bit set). */
  int outcome(int winners) {
    return outcomeOf.get(winners);
  }

  /** "a single item" or "k identical units". */
  String describe() {
    return units == 1 ? "a single item" : units + " identical units";
  }

  private static Read fail(String reason) {
    return new Read(null, reason);
  }

  private static BigFraction[] column(Setting s, int i, int o) {
    BigFraction[] c = new BigFraction[s.value[i].length];
    for (int t = 0; t < c.length; t++) {
      c[t] = s.value[i][t][o];
    }
    return c;
  }

  private static boolean allZero(BigFraction[] values) {
    return Arrays.stream(values).allMatch(Fractions::isZero);
  }

  private static long binomial(int n, int k) {
    long r = 1;
    for (int j = 1; j <= k; j++) {
      r = r * (n - k + j) / j;
    }
    return r;
  }
}
