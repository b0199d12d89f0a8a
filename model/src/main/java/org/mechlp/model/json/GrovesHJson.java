package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;

/**
 * Reads the h of a Groves mechanism ({@code mechlp mechanism groves --h FILE}): per agent, the amount h_i(θ_-i) it
 * pays whatever it reports, keyed by the other agents' type names in agent order joined by {@code ","}, with
 * {@code "*"} for every profile of theirs not listed (default 0).
 *
 * <pre>
 * { "format": "mechlp-groves-h/1",
 *   "h": { "bidder1": {"v1": 0, "v2": 1, "v3": 2}, "bidder2": {"*": "1/2"} } }
 * </pre>
 */
public final class GrovesHJson {
  /** The value of the optional {@code "format"} field. */
  public static final String FORMAT = "mechlp-groves-h/1";

  private GrovesHJson() {}

  /**
   * The h of {@code problem}'s agents, by agent name and the others' profile key; every issue is reported with its
   * path.
   */
  public static Map<String, Map<String, BigFraction>> read(String json, String sourceName, Problem problem)
      throws InvalidInputException {
    JsonNode root = JsonInput.parse(json, sourceName);
    Issues issues = new Issues(sourceName);
    JsonInput in = new JsonInput(issues);
    if (!in.expectObject(root, "")) {
      issues.throwIfAny();
    }
    in.checkFields(root, "", List.of("format", "description", "h"));
    if (root.has("format")) {
      String format = in.text(root.get("format"), "format");
      if (format != null && !format.equals(FORMAT)) {
        issues.add("format", "unsupported format " + JsonInput.quote(format) + "; supported: " + FORMAT);
      }
    }
    if (root.has("description")) {
      in.text(root.get("description"), "description");
    }
    Map<String, Map<String, BigFraction>> h = new LinkedHashMap<>();
    if (!root.has("h")) {
      issues.add("h", "missing required field");
    } else if (in.expectObject(root.get("h"), "h")) {
      for (Map.Entry<String, JsonNode> e : root.get("h").properties()) {
        String at = Issues.field("h", e.getKey());
        int agent = problem.agentIndex(e.getKey());
        if (agent < 0) {
          issues.add(at, "unknown agent", "agents: " + ProfileRef.names(problem.agents()));
          continue;
        }
        if (!in.expectObject(e.getValue(), at)) {
          continue;
        }
        Map<String, BigFraction> amounts = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : e.getValue().properties()) {
          String key = entry.getKey();
          String keyAt = Issues.field(at, key);
          if (!key.equals("*") && !namesOthers(problem, agent, key)) {
            issues.add(keyAt, "not a profile of the other agents' types",
                "write their type names in agent order joined by \",\" (" + example(problem, agent)
                    + "), or \"*\" for every profile not listed");
            continue;
          }
          BigFraction amount = in.number(entry.getValue(), keyAt);
          if (amount != null) {
            amounts.put(key, amount);
          }
        }
        h.put(e.getKey(), amounts);
      }
    }
    issues.throwIfAny();
    return h;
  }

  private static boolean namesOthers(Problem problem, int agent, String key) {
    String[] parts = key.split(",", -1);
    List<Agent> others = others(problem, agent);
    if (parts.length != others.size()) {
      return others.isEmpty() && key.isEmpty();
    }
    for (int k = 0; k < parts.length; k++) {
      if (others.get(k).typeIndex(parts[k]) < 0) {
        return false;
      }
    }
    return true;
  }

  private static String example(Problem problem, int agent) {
    List<String> first = new ArrayList<>();
    for (Agent a : others(problem, agent)) {
      first.add(a.types().get(0).name());
    }
    return "\"" + String.join(",", first) + "\"";
  }

  private static List<Agent> others(Problem problem, int agent) {
    List<Agent> others = new ArrayList<>(problem.agents());
    others.remove(agent);
    return others;
  }
}
