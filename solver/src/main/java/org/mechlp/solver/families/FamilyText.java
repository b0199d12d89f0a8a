package org.mechlp.solver.families;

import java.util.ArrayList;
import java.util.List;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;

/** The words and name fragments the families share, so every row name and description reads the same way. */
final class FamilyText {
  private FamilyText() {}

  /** The name of {@code agent}. */
  static String agent(Problem problem, int agent) {
    return problem.agents().get(agent).name();
  }

  /** The name of {@code type} of {@code agent}. */
  static String type(Problem problem, int agent, int type) {
    return problem.agents().get(agent).types().get(type).name();
  }

  /** The other agents' types in {@code profile} for row names, {@code bidder2=low,bidder3=high}; empty if none. */
  static String others(Problem problem, TypeProfiles profiles, int profile, int agent) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < problem.agentCount(); j++) {
      if (j != agent) {
        if (sb.length() > 0) {
          sb.append(',');
        }
        sb.append(agent(problem, j)).append('=').append(type(problem, j, profiles.typeOf(profile, j)));
      }
    }
    return sb.toString();
  }

  /** The other agents' types in words, {@code " when bidder2 is low and bidder3 is high"}; empty for one agent. */
  static String whenOthers(Problem problem, TypeProfiles profiles, int profile, int agent) {
    List<String> parts = new ArrayList<>();
    for (int j = 0; j < problem.agentCount(); j++) {
      if (j != agent) {
        parts.add(agent(problem, j) + " is " + type(problem, j, profiles.typeOf(profile, j)));
      }
    }
    if (parts.isEmpty()) {
      return "";
    }
    if (parts.size() == 1) {
      return " when " + parts.get(0);
    }
    return " when "
        + String.join(", ", parts.subList(0, parts.size() - 1))
        + " and "
        + parts.get(parts.size() - 1);
  }

  /** {@code agent:type} followed by {@code |others} when there are other agents. */
  static String agentAtProfile(Problem problem, TypeProfiles profiles, int profile, int agent) {
    String head = agent(problem, agent) + ":" + type(problem, agent, profiles.typeOf(profile, agent));
    String others = others(problem, profiles, profile, agent);
    return others.isEmpty() ? head : head + "|" + others;
  }
}
