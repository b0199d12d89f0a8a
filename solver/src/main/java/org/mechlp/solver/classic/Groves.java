package org.mechlp.solver.classic;

import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;

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
    BigFraction[][] h = options.grovesH();
    if (h == null) {
      return Optional.empty();
    }
    if (h.length != s.n) {
      return Optional.of("h has " + h.length + " agents, the problem " + s.n);
    }
    for (int i = 0; i < s.n; i++) {
      if (h[i].length != s.profileCount) {
        return Optional.of("h of " + s.problem.agents().get(i).name() + " has " + h[i].length
            + " profiles, the problem " + s.profileCount);
      }
      for (int p = 0; p < s.profileCount; p++) {
        for (int t = 0; t < s.value[i].length; t++) {
          if (!h[i][s.profiles.withType(p, i, t)].equals(h[i][p])) {
            return Optional.of("h of " + s.problem.agents().get(i).name() + " depends on its own type at profile ("
                + s.problem.describeProfile(p, s.profiles) + "); Groves' h may read the others' types only");
          }
        }
      }
    }
    return Optional.empty();
  }

  @Override
  BuiltMechanism build(Setting s, ClassicOptions options) {
    BigFraction[][] h = options.grovesH();
    Table table =
        GrovesRule.build(s, options.tieBreak(), (setting, i, p) -> h == null ? BigFraction.ZERO : h[i][p]);
    return new BuiltMechanism(
        name(),
        "Groves with " + (h == null ? "h = 0" : "the given h") + ": the efficient outcome (ties: "
            + options.tieBreak().json() + "); agent i pays h_i minus the others' welfare at the chosen outcome",
        table.mechanism(),
        List.of());
  }
}
