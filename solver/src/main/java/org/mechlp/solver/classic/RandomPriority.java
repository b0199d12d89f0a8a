package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Random priority (random serial dictatorship, no money): serial dictatorship in an order drawn uniformly from all
 * n! orders, computed exactly as the average of the n! lotteries. A lottery over dominant-strategy IC mechanisms that
 * does not depend on the reports, so it is dominant-strategy IC too.
 */
final class RandomPriority extends SettingMechanism {
  /** n! lotteries per profile are averaged; beyond this many lottery evaluations the problem is refused. */
  static final long MAX_EVALUATIONS = 5_000_000;

  @Override
  public String name() {
    return "random-priority";
  }

  @Override
  public String summary() {
    return "random priority: serial dictatorship in a uniformly random order of the agents; no money";
  }

  @Override
  boolean needsTransfers() {
    return false;
  }

  @Override
  Optional<String> reason(Setting s, ClassicOptions options) {
    long orders = 1;
    for (int k = 2; k <= s.n; k++) {
      orders *= k;
      if (orders * s.profileCount > MAX_EVALUATIONS) {
        return Optional.of(s.n + " agents have " + s.n + "! orders, too many to average over " + s.profileCount
            + " profiles exactly (at most " + MAX_EVALUATIONS + " order-profile pairs)");
      }
    }
    return Optional.empty();
  }

  @Override
  BuiltMechanism build(Setting s, ClassicOptions options) {
    List<int[]> orders = new ArrayList<>();
    permutations(new int[s.n], new boolean[s.n], 0, orders);
    BigFraction each = new BigFraction(1, orders.size());
    Table table = s.table();
    for (int p = 0; p < s.profileCount; p++) {
      BigFraction[] sum = Lotteries.zeros(s.m);
      for (int[] order : orders) {
        BigFraction[] lottery = Dictatorship.lottery(s, p, order, options.tieBreak());
        for (int o = 0; o < s.m; o++) {
          sum[o] = sum[o].add(lottery[o].multiply(each));
        }
      }
      table.lottery(p, sum);
    }
    return new BuiltMechanism(
        name(),
        "random priority: serial dictatorship in each of the " + orders.size() + " orders of the agents with"
            + " probability 1/" + orders.size() + " (remaining ties: " + options.tieBreak().json()
            + "); no transfers",
        table.mechanism(),
        List.of());
  }

  private static void permutations(int[] prefix, boolean[] used, int depth, List<int[]> out) {
    if (depth == prefix.length) {
      out.add(prefix.clone());
      return;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (!used[i]) {
        used[i] = true;
        prefix[depth] = i;
        permutations(prefix, used, depth + 1, out);
        used[i] = false;
      }
    }
  }
}
