package org.mechlp.solver.classic;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The Groves family (Groves 1973): the efficient rule, and agent i pays h_i(θ_-i) minus the others' welfare at the
 * chosen lottery (their values minus the outcome's cost), so its utility is total welfare minus h_i and truth-telling
 * is a dominant strategy. VCG is the member with the Clarke pivot h_i = max_x (others' welfare of x).
 */
final class GrovesRule {
  /** h_i at a profile (it may read only the others' types). */
  interface H {
    BigFraction at(Setting s, int agent, int profile);
  }

  private GrovesRule() {}

  /** The Groves mechanism with {@code h}. */
  static Table build(Setting s, ClassicOptions.TieBreak tieBreak, H h) {
    Table table = s.table();
    for (int p = 0; p < s.profileCount; p++) {
      BigFraction[] lottery = s.efficient(p, tieBreak);
      table.lottery(p, lottery);
      for (int i = 0; i < s.n; i++) {
        int agent = i;
        int profile = p;
        BigFraction others = Setting.expectation(lottery, o -> s.othersWelfare(agent, profile, o));
        table.transfer(p, i, h.at(s, i, p).subtract(others));
      }
    }
    return table;
  }

  /** The Clarke pivot: the others' best welfare without agent i's values counting. */
  static BigFraction clarke(Setting s, int agent, int profile) {
    BigFraction best = null;
    for (int o = 0; o < s.m; o++) {
      BigFraction w = s.othersWelfare(agent, profile, o);
      best = best == null || w.compareTo(best) > 0 ? w : best;
    }
    return best;
  }
}
