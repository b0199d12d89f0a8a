package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mechlp.model.Agent;
import org.mechlp.model.AgentType;

/** Reads a type profile written as {@code {"bidder1": "low", "bidder2": "high"}}, naming every agent once. */
final class ProfileRef {
  private ProfileRef() {}

  /**
   * The type index of every agent, or null after reporting unknown agents, unknown types or missing agents.
   */
  static int[] read(JsonNode node, String path, List<Agent> agents, JsonInput in, Issues issues) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    int[] types = new int[agents.size()];
    Arrays.fill(types, -1);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String at = Issues.field(path, e.getKey());
      int agent = agentIndex(agents, e.getKey());
      if (agent < 0) {
        issues.add(at, "unknown agent", "known agents: " + names(agents));
        continue;
      }
      String typeName = in.text(e.getValue(), at);
      if (typeName == null) {
        continue;
      }
      int type = agents.get(agent).typeIndex(typeName);
      if (type < 0) {
        issues.add(at, "unknown type " + JsonInput.quote(typeName) + " of agent " + e.getKey(),
            "types of " + e.getKey() + ": " + typeNames(agents.get(agent)));
        continue;
      }
      types[agent] = type;
    }
    for (int i = 0; i < agents.size(); i++) {
      if (types[i] < 0 && !node.has(agents.get(i).name())) {
        issues.add(path, "missing the type of agent " + agents.get(i).name());
      }
    }
    return issues.count() > before ? null : types;
  }

  /** Index of the named agent, or -1. */
  static int agentIndex(List<Agent> agents, String name) {
    for (int i = 0; i < agents.size(); i++) {
      if (agents.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** A readable profile such as {@code bidder1=high, bidder2=low}. */
  static String describe(List<Agent> agents, int[] types) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < agents.size(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(agents.get(i).name()).append('=').append(agents.get(i).types().get(types[i]).name());
    }
    return sb.toString();
  }

  /** The agents' names, comma-separated. */
  static String names(List<Agent> agents) {
    return String.join(", ", agents.stream().map(Agent::name).toList());
  }

  /** The agent's type names, comma-separated. */
  static String typeNames(Agent agent) {
    return String.join(", ", agent.types().stream().map(AgentType::name).toList());
  }
}
