package org.mechlp.solver.datadriven;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/** Feasibility of a free allocation: at every reported profile the outcome probabilities sum to 1. */
final class LotteryFamily extends KeyedFamily {
  LotteryFamily(DataDrivenLayout layout) {
    super(layout);
    for (int t = 0; t < data.profileCount; t++) {
      key(t);
    }
  }

  @Override
  public String id() {
    return "feasibility";
  }

  @Override
  public String title() {
    return "each reported profile gets a lottery over outcomes";
  }

  @Override
  Row build(int[] key) {
    Terms terms = new Terms();
    for (int x = 0; x < data.outcomes; x++) {
      terms.add(layout.allocation(key[0], x), BigFraction.ONE);
    }
    return terms.row(this, key, Sense.EQ, BigFraction.ONE);
  }

  @Override
  public String rowName(int[] key) {
    return "feasibility[" + data.describe(key[0]).replace(" ", "") + "]";
  }

  @Override
  public String describe(int[] key) {
    return "Feasibility: the outcome probabilities at " + data.describe(key[0]) + " sum to 1";
  }
}
