package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Gives k units to the agents with the highest scores (bids, or virtual values), among those eligible: the agents
 * strictly above the k-th highest score win; those tied at it share the remaining units, uniformly at random
 * ({@link ClassicOptions.TieBreak#SPLIT}) or in agent order (the first or the last ones).
 */
final class UnitAllocation {
  private UnitAllocation() {}

  /**
   * The outcome lottery and each agent's probability of a unit.
   *
   * @param lottery over outcomes
   * @param winProbability per agent
   */
  record Result(BigFraction[] lottery, BigFraction[] winProbability) {}

  /**
   * Allocates {@code structure.units} units.
   *
   * @param scores per agent, null for an agent that may not win
   */
  static Result allocate(UnitDemand structure, int m, BigFraction[] scores, ClassicOptions.TieBreak tieBreak) {
    int n = scores.length;
    List<Integer> eligible = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      if (scores[i] != null) {
        eligible.add(i);
      }
    }
    eligible.sort((a, b) -> scores[b].compareTo(scores[a]));
    int sure = 0;
    List<Integer> tied = new ArrayList<>();
    int slots;
    if (eligible.size() <= structure.units) {
      for (int i : eligible) {
        sure |= 1 << i;
      }
      slots = 0;
    } else {
      BigFraction cut = scores[eligible.get(structure.units - 1)];
      int above = 0;
      for (int i : eligible) {
        int c = scores[i].compareTo(cut);
        if (c > 0) {
          sure |= 1 << i;
          above++;
        } else if (c == 0) {
          tied.add(i);
        }
      }
      tied.sort(Integer::compare);
      slots = structure.units - above;
    }
    BigFraction[] win = Lotteries.zeros(n);
    for (int i = 0; i < n; i++) {
      if ((sure & (1 << i)) != 0) {
        win[i] = BigFraction.ONE;
      }
    }
    BigFraction[] lottery = Lotteries.zeros(m);
    if (slots == 0 || tieBreak != ClassicOptions.TieBreak.SPLIT) {
      int winners = sure;
      for (int i : slots == 0 ? List.<Integer>of() : tieBreak.kept(tied, slots)) {
        winners |= 1 << i;
        win[i] = BigFraction.ONE;
      }
      lottery[structure.outcome(winners)] = BigFraction.ONE;
      return new Result(lottery, win);
    }
    List<Integer> subsets = new ArrayList<>();
    subsets(tied, slots, 0, 0, subsets);
    BigFraction each = new BigFraction(1, subsets.size());
    for (int chosen : subsets) {
      int o = structure.outcome(sure | chosen);
      lottery[o] = lottery[o].add(each);
    }
    BigFraction share = new BigFraction(slots, tied.size());
    for (int i : tied) {
      win[i] = share;
    }
    return new Result(lottery, win);
  }

  private static void subsets(List<Integer> items, int size, int from, int chosen, List<Integer> out) {
    if (size == 0) {
      out.add(chosen);
      return;
    }
    for (int j = from; j <= items.size() - size; j++) {
      subsets(items, size - 1, j + 1, chosen | (1 << items.get(j)), out);
    }
  }
}
