package org.mechlp.solver.classic;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;

/**
 * The outcome structure of bilateral trade: two agents and two costless outcomes, "no trade", worth 0 to both, and
 * "trade", worth v >= 0 to the buyer and −c <= 0 to the seller (c its cost). Detected from the values.
 */
final class BilateralTrade {
  final int buyer;
  final int seller;
  final int trade;
  final int noTrade;

  private BilateralTrade(int buyer, int seller, int trade, int noTrade) {
    this.buyer = buyer;
    this.seller = seller;
    this.trade = trade;
    this.noTrade = noTrade;
  }

  /** A detected structure, or why the problem has none. */
  record Read(BilateralTrade structure, String reason) {}

  /** The bilateral-trade structure of {@code s}, or the reason it has none. */
  static Read detect(Setting s) {
    String not = "the problem is not bilateral trade (two agents, outcomes no-trade and trade, the buyer valuing"
        + " trade at least 0 and the seller at most 0): ";
    if (s.n != 2 || s.m != 2) {
      return new Read(null, not + s.n + " agents and " + s.m + " outcomes");
    }
    for (int o = 0; o < 2; o++) {
      if (!Fractions.isZero(s.cost[o])) {
        return new Read(null, not + "outcome \"" + s.problem.outcomes().get(o).name() + "\" has a cost");
      }
    }
    for (int noTrade = 0; noTrade < 2; noTrade++) {
      int trade = 1 - noTrade;
      if (sign(s, 0, noTrade) != 0 || sign(s, 1, noTrade) != 0) {
        continue;
      }
      int a = sign(s, 0, trade);
      int b = sign(s, 1, trade);
      if (a >= 0 && b <= 0 && (a > 0 || b < 0)) {
        return new Read(new BilateralTrade(0, 1, trade, noTrade), null);
      }
      if (a <= 0 && b >= 0 && (a < 0 || b > 0)) {
        return new Read(new BilateralTrade(1, 0, trade, noTrade), null);
      }
    }
    if (sign(s, 0, 0) == 0 && sign(s, 0, 1) == 0 && sign(s, 1, 0) == 0 && sign(s, 1, 1) == 0) {
      // Nobody values anything: any reading is bilateral trade, and no price but 0 trades. Take the shortcut's.
      int trade = s.problem.outcomeIndex("trade") == 0 ? 0 : 1;
      return new Read(new BilateralTrade(1, 0, trade, 1 - trade), null);
    }
    return new Read(null, not + "no outcome is worth 0 to both with the other splitting them into a buyer and a"
        + " seller");
  }

  /** 0 when agent i values outcome o at 0 at every type, 1 when at least 0 (not all 0), -1 when at most 0, 2 else. */
  private static int sign(Setting s, int i, int o) {
    boolean positive = false;
    boolean negative = false;
    for (BigFraction[] byOutcome : s.value[i]) {
      positive |= byOutcome[o].getNumerator().signum() > 0;
      negative |= byOutcome[o].getNumerator().signum() < 0;
    }
    return positive && negative ? 2 : positive ? 1 : negative ? -1 : 0;
  }
}
