package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;

/**
 * A Groves mechanism (Groves 1973) with a given h: the efficient outcome, and agent i pays h_i(θ_-i) minus the others'
 * welfare. h = 0 (the default) pays each agent the others' welfare; any h keeps dominant-strategy IC because it does
 * not depend on the agent's own report.
 */
final class Groves extends SettingMechanism {
  @Override
  public String name() {
    return "groves";
  }

  @Override
  public String summary() {
    return "Groves: the efficient outcome, agent i pays h_i(others' types) minus the others' welfare (h = 0 by"
        + " default)";
  }

  @Override
  boolean needsTransfers() {
    return true;
  }

  @Override
  Optional<String> reason(Setting s, ClassicOptions options) {
    for (Map.Entry<String, Map<String, BigFraction>> e : options.grovesH().entrySet()) {
      int i = s.problem.agentIndex(e.getKey());
      if (i < 0) {
        return Optional.of("h names an unknown agent \"" + e.getKey() + "\"; agents: " + agentNames(s));
      }
      for (String key : e.getValue().keySet()) {
        if (!key.equals("*") && othersProfile(s, i, key) == null) {
          return Optional.of(
              "h." + e.getKey() + ": \"" + key + "\" is not a profile of the other agents' types (their type names"
                  + " in agent order, joined by \",\", or \"*\")");
        }
      }
    }
    return Optional.empty();
  }

  @Override
  BuiltMechanism build(Setting s, ClassicOptions options) {
    Map<String, Map<String, BigFraction>> given = options.grovesH();
    Table table =
        GrovesRule.build(
            s,
            options.tieBreak(),
            (setting, i, p) -> {
              Map<String, BigFraction> h = given.get(setting.problem.agents().get(i).name());
              if (h == null) {
                return BigFraction.ZERO;
              }
              BigFraction amount = h.get(othersKey(setting, i, p));
              return amount != null ? amount : h.getOrDefault("*", BigFraction.ZERO);
            });
    return new BuiltMechanism(
        name(),
        "Groves with " + (given.isEmpty() ? "h = 0" : "the given h") + ": the efficient outcome (ties: "
            + options.tieBreak().json() + "); agent i pays h_i minus the others' welfare at the chosen outcome",
        table.mechanism(),
        List.of());
  }

  /** The others' type names at profile p, in agent order without agent i, joined by ",". */
  static String othersKey(Setting s, int i, int p) {
    List<String> names = new ArrayList<>();
    for (int j = 0; j < s.n; j++) {
      if (j != i) {
        names.add(s.problem.agents().get(j).types().get(s.type(p, j)).name());
      }
    }
    return String.join(",", names);
  }

  /** The others' type indices named by {@code key}, or null when it names no profile of theirs. */
  private static int[] othersProfile(Setting s, int i, String key) {
    String[] parts = key.split(",", -1);
    if (parts.length != s.n - 1 && !(s.n == 1 && key.isEmpty())) {
      return null;
    }
    int[] types = new int[Math.max(0, s.n - 1)];
    for (int j = 0, k = 0; j < s.n; j++) {
      if (j == i) {
        continue;
      }
      Agent a = s.problem.agents().get(j);
      types[k] = a.typeIndex(parts[k]);
      if (types[k] < 0) {
        return null;
      }
      k++;
    }
    return types;
  }

  private static String agentNames(Setting s) {
    return String.join(", ", s.problem.agents().stream().map(Agent::name).toList());
  }
}
