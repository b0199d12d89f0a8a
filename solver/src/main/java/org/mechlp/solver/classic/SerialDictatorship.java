package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mechlp.model.Agent;

/**
 * Serial dictatorship (no money): in a fixed order of the agents (the problem's, or {@code --order}), each agent in
 * turn keeps its most valued outcomes among those left. Dominant-strategy IC with private values; transfers are 0.
 */
final class SerialDictatorship extends SettingMechanism {
  @Override
  public String name() {
    return "serial-dictatorship";
  }

  @Override
  public String summary() {
    return "serial dictatorship: in a fixed order, each agent keeps its favourite outcomes among those left; no money";
  }

  @Override
  boolean needsTransfers() {
    return false;
  }

  @Override
  Optional<String> reason(Setting s, ClassicOptions options) {
    return orderReason(s, options.order());
  }

  @Override
  BuiltMechanism build(Setting s, ClassicOptions options) {
    int[] order = order(s, options.order());
    Table table = s.table();
    for (int p = 0; p < s.profileCount; p++) {
      table.lottery(p, Dictatorship.lottery(s, p, order, options.tieBreak()));
    }
    List<String> names = new ArrayList<>();
    for (int i : order) {
      names.add(s.problem.agents().get(i).name());
    }
    return new BuiltMechanism(
        name(),
        "serial dictatorship in the order " + String.join(", ", names) + " (remaining ties: "
            + options.tieBreak().json() + "); no transfers",
        table.mechanism(),
        List.of());
  }

  /** Why {@code order} is not an order of the agents, or empty (empty order: the problem's). */
  static Optional<String> orderReason(Setting s, List<String> order) {
    if (order.isEmpty()) {
      return Optional.empty();
    }
    List<String> agents = s.problem.agents().stream().map(Agent::name).toList();
    if (order.size() != agents.size() || !order.containsAll(agents) || order.stream().distinct().count() != agents
        .size()) {
      return Optional.of("the order " + String.join(",", order) + " must name every agent once: "
          + String.join(", ", agents));
    }
    return Optional.empty();
  }

  /** The agent indices of {@code order}, or the problem's order when it is empty. */
  static int[] order(Setting s, List<String> order) {
    int[] result = new int[s.n];
    for (int k = 0; k < s.n; k++) {
      result[k] = order.isEmpty() ? k : s.problem.agentIndex(order.get(k));
    }
    return result;
  }
}
