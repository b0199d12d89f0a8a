package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;

/**
 * Reads the h of data-driven VCG given as a table ({@code mechlp-vcg-h/1}): per agent i, h_i(t_-i) for each profile
 * of the others' types, with an optional {@code default} for the profiles not listed (docs/FORMAT.md, Data-driven
 * mechanisms).
 *
 * <pre>
 * { "format": "mechlp-vcg-h/1",
 *   "h": { "a": {"default": 0, "table": [{"others": {"b": "t1/H"}, "value": "3/2"}]},
 *          "b": {"default": "1/2"} } }
 * </pre>
 */
public final class VcgHJson {
  /** The value of the {@code "format"} field. */
  public static final String FORMAT = "mechlp-vcg-h/1";

  private VcgHJson() {}

  /** Reads an h table for {@code ddp}: indexed [agent][type profile], the same for profiles that differ in i only. */
  public static BigFraction[][] read(Path file, DataDrivenProblem ddp) throws IOException, InvalidInputException {
    return read(Files.readString(file, StandardCharsets.UTF_8), file.toString(), ddp);
  }

  /** Reads an h table from JSON text; {@code source} names it in messages. */
  public static BigFraction[][] read(String json, String source, DataDrivenProblem ddp)
      throws InvalidInputException {
    return read(json, source, ddp.problem());
  }

  /**
   * Reads an h table for any problem (Groves' h of {@code mechlp mechanism groves --h FILE} has the same shape);
   * {@code source} names it in messages.
   */
  public static BigFraction[][] read(String json, String source, Problem problem) throws InvalidInputException {
    JsonNode root = JsonInput.parse(json, source);
    Issues issues = new Issues(source);
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
    JsonNode h = root.get("h");
    if (h == null) {
      issues.add("h", "missing required field");
    }
    issues.throwIfAny();
    if (!in.expectObject(h, "h")) {
      issues.throwIfAny();
    }
    List<Agent> agents = problem.agents();
    for (Map.Entry<String, JsonNode> e : JsonInput.entries(h)) {
      if (problem.agentIndex(e.getKey()) < 0) {
        issues.add(Issues.field("h", e.getKey()), "unknown agent " + JsonInput.quote(e.getKey()),
            "agents: " + ProfileRef.names(agents));
      }
    }
    TypeProfiles profiles = problem.profiles();
    BigFraction[][] table = new BigFraction[agents.size()][profiles.count()];
    for (int i = 0; i < agents.size(); i++) {
      String path = Issues.field("h", agents.get(i).name());
      JsonNode node = h.get(agents.get(i).name());
      if (node == null) {
        issues.add(path, "missing: an h for every agent (\"default\": 0 gives h = 0)");
        continue;
      }
      if (in.expectObject(node, path)) {
        readAgent(node, path, i, problem, table[i], in, issues);
      }
    }
    issues.throwIfAny();
    return table;
  }

  private static void readAgent(JsonNode node, String path, int agent, Problem problem, BigFraction[] values,
      JsonInput in, Issues issues) {
    in.checkFields(node, path, List.of("default", "table"));
    List<Agent> agents = problem.agents();
    TypeProfiles profiles = problem.profiles();
    int before = issues.count();
    BigFraction fallback = node.has("default") ? in.number(node.get("default"), Issues.field(path, "default")) : null;
    JsonNode list = node.get("table");
    String tablePath = Issues.field(path, "table");
    if (list != null && in.expectArray(list, tablePath)) {
      for (int k = 0; k < list.size(); k++) {
        String at = Issues.index(tablePath, k);
        JsonNode entry = list.get(k);
        if (!in.expectObject(entry, at)) {
          continue;
        }
        in.checkFields(entry, at, List.of("others", "value"));
        JsonNode others = entry.get("others");
        if (others == null || !entry.has("value")) {
          issues.add(Issues.field(at, others == null ? "others" : "value"), "missing required field");
          continue;
        }
        if (!in.expectObject(others, Issues.field(at, "others"))) {
          continue;
        }
        String own = agents.get(agent).name();
        if (others.has(own)) {
          issues.add(Issues.field(Issues.field(at, "others"), own), "h of agent " + own
              + " depends on the others' types only", "remove " + JsonInput.quote(own));
          continue;
        }
        // The others' profile with agent i at its first type: every profile that differs in i only gets the value.
        ObjectNode full = ((ObjectNode) others).deepCopy().put(own, agents.get(agent).types().get(0).name());
        int[] types = ProfileRef.read(full, Issues.field(at, "others"), agents, in, issues);
        BigFraction value = in.number(entry.get("value"), Issues.field(at, "value"));
        if (types == null || value == null) {
          continue;
        }
        int first = profiles.encode(types);
        if (values[first] != null) {
          issues.add(at, "duplicate entry for the others' types " + othersText(problem, first, agent));
          continue;
        }
        for (int type = 0; type < profiles.typeCount(agent); type++) {
          values[profiles.withType(first, agent, type)] = value;
        }
      }
    }
    if (issues.count() > before) {
      return;
    }
    for (int t = 0; t < values.length; t++) {
      if (values[t] == null) {
        if (fallback == null) {
          issues.add(tablePath, "no value for the others' types " + othersText(problem, t, agent),
              "list it, or give a \"default\" for the profiles not listed");
          return;
        }
        values[t] = fallback;
      }
    }
  }

  private static String othersText(Problem problem, int profile, int agent) {
    StringBuilder sb = new StringBuilder();
    for (int j = 0; j < problem.agentCount(); j++) {
      if (j != agent) {
        Agent a = problem.agents().get(j);
        sb.append(sb.length() == 0 ? "" : ", ").append(a.name()).append('=')
            .append(a.types().get(problem.profiles().typeOf(profile, j)).name());
      }
    }
    return sb.length() == 0 ? "(none: one agent)" : sb.toString();
  }
}
