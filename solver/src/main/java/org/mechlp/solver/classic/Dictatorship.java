package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Serial dictatorship over the outcomes for one order of the agents: the first agent narrows the outcomes to its
 * most valued ones, the next narrows those to its most valued ones, and so on; what remains is chosen uniformly (or
 * the first or the last, by the tie-break). No transfers. Each agent gets its best outcome among those the agents
 * before it left, whatever it reports, so truth-telling is dominant.
 */
final class Dictatorship {
  private Dictatorship() {}

  /** The lottery at profile p for {@code order} (agent indices, first dictator first). */
  static BigFraction[] lottery(Setting s, int p, int[] order, ClassicOptions.TieBreak tieBreak) {
    List<Integer> left = new ArrayList<>();
    for (int o = 0; o < s.m; o++) {
      left.add(o);
    }
    for (int i : order) {
      BigFraction best = null;
      List<Integer> kept = new ArrayList<>();
      for (int o : left) {
        BigFraction v = s.value(i, p, o);
        int c = best == null ? 1 : v.compareTo(best);
        if (c > 0) {
          best = v;
          kept.clear();
        }
        if (c >= 0) {
          kept.add(o);
        }
      }
      left = kept;
    }
    return Lotteries.uniform(s.m, tieBreak.kept(left, 1));
  }
}
