package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Rawlsian;
import org.mechlp.model.RobustKind;
import org.mechlp.model.TypeRef;
import org.mechlp.model.WelfareWeights;

/**
 * Reads the parts of an objective beyond a weighted sum of terms (docs/FORMAT.md, Robust and Rawlsian objectives):
 * {@code "rawlsian"} with its {@code "over"} set, {@code "robust"} (how a set of priors is judged) and {@code
 * "welfareWeights"}.
 */
final class RobustObjectiveParser {
  static final String RAWLSIAN = "rawlsian";
  static final String ROBUST = "robust";
  static final String OVER = "over";
  static final String WELFARE_WEIGHTS = "welfareWeights";

  /** The fields an objective object may have. */
  static final List<String> FIELDS = List.of("maximize", "minimize", ROBUST, OVER, WELFARE_WEIGHTS);

  private final Issues issues;
  private final JsonInput in;
  private final List<Agent> agents;

  RobustObjectiveParser(Issues issues, JsonInput in, List<Agent> agents) {
    this.issues = issues;
    this.in = in;
    this.agents = agents;
  }

  /** Maximize the least interim utility over {@code over} (every agent and type when null); null after an issue. */
  Objective rawlsian(JsonNode over, String overPath, RobustKind kind) {
    if (agents == null) {
      return null;
    }
    List<TypeRef> members = new ArrayList<>();
    if (over == null) {
      for (int i = 0; i < agents.size(); i++) {
        for (int t = 0; t < agents.get(i).typeCount(); t++) {
          members.add(new TypeRef(i, t));
        }
      }
      return Objective.rawlsian(new Rawlsian(members, true), kind);
    }
    if (!in.expectObject(over, overPath)) {
      return null;
    }
    int before = issues.count();
    boolean[][] chosen = new boolean[agents.size()][];
    for (int i = 0; i < agents.size(); i++) {
      chosen[i] = new boolean[agents.get(i).typeCount()];
    }
    for (Map.Entry<String, JsonNode> e : over.properties()) {
      String at = Issues.field(overPath, e.getKey());
      int agent = ProfileRef.agentIndex(agents, e.getKey());
      if (agent < 0) {
        issues.add(at, "unknown agent", "known agents: " + ProfileRef.names(agents));
        continue;
      }
      Agent a = agents.get(agent);
      JsonNode types = e.getValue();
      if (types.isTextual() && types.textValue().equals("all")) {
        Arrays.fill(chosen[agent], true);
      } else if (types.isArray()) {
        for (int j = 0; j < types.size(); j++) {
          String typePath = Issues.index(at, j);
          String name = in.text(types.get(j), typePath);
          int t = name == null ? -1 : a.typeIndex(name);
          if (name != null && t < 0) {
            issues.add(typePath, "unknown type " + JsonInput.quote(name) + " of agent " + a.name(),
                "types of " + a.name() + ": " + ProfileRef.typeNames(a));
          } else if (t >= 0) {
            chosen[agent][t] = true;
          }
        }
      } else {
        issues.add(at, "expected \"all\" or an array of type names, got " + JsonInput.describe(types));
      }
    }
    for (int i = 0; i < agents.size(); i++) {
      for (int t = 0; t < chosen[i].length; t++) {
        if (chosen[i][t]) {
          members.add(new TypeRef(i, t));
        }
      }
    }
    if (issues.count() == before && members.isEmpty()) {
      issues.add(overPath, "names no agent type", "list at least one, or omit \"over\" for every agent and type");
    }
    return issues.count() > before ? null : Objective.rawlsian(new Rawlsian(members, false), kind);
  }

  /** The {@code "robust"} kind of an objective object (max-min when absent), or null after an issue. */
  RobustKind robust(JsonNode node, String path) {
    if (!node.has(ROBUST)) {
      return RobustKind.MAXMIN;
    }
    String at = Issues.field(path, ROBUST);
    String s = in.text(node.get(ROBUST), at);
    for (RobustKind k : RobustKind.values()) {
      if (k.json().equals(s)) {
        return k;
      }
    }
    if (s != null) {
      issues.add(at, "unknown value " + JsonInput.quote(s), "one of: maxmin, regret");
    }
    return null;
  }

  /**
   * {@code base} with the robust kind and welfare weights of the objective object {@code node}; reports {@code
   * "over"} (it belongs to a Rawlsian objective) and weights without a welfare term.
   */
  Objective extend(Objective base, JsonNode node, String path, RobustKind kind) {
    if (node.has(OVER)) {
      issues.add(Issues.field(path, OVER), "only a Rawlsian objective takes \"over\"",
          "use \"maximize\": \"rawlsian\"");
    }
    WelfareWeights weights = null;
    if (node.has(WELFARE_WEIGHTS)) {
      String at = Issues.field(path, WELFARE_WEIGHTS);
      if (base.weight(ObjectiveTerm.WELFARE).getNumerator().signum() == 0) {
        issues.add(at, "the objective does not weigh welfare", "add \"welfare\" to the terms, or remove the weights");
      }
      weights = welfareWeights(node.get(WELFARE_WEIGHTS), at);
    }
    return new Objective(base.maximize(), base.weights(), kind, null, null, weights);
  }

  /** {@code {"agent": w, "agent2": {"type": w, ...}}}, absent agents and types weight 1; non-negative. */
  private WelfareWeights welfareWeights(JsonNode node, String path) {
    if (agents == null || !in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    BigFraction[][] table = new BigFraction[agents.size()][];
    for (int i = 0; i < agents.size(); i++) {
      table[i] = new BigFraction[agents.get(i).typeCount()];
      Arrays.fill(table[i], BigFraction.ONE);
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String at = Issues.field(path, e.getKey());
      int agent = ProfileRef.agentIndex(agents, e.getKey());
      if (agent < 0) {
        issues.add(at, "unknown agent", "known agents: " + ProfileRef.names(agents));
        continue;
      }
      Agent a = agents.get(agent);
      if (e.getValue().isObject()) {
        for (Map.Entry<String, JsonNode> t : e.getValue().properties()) {
          String typePath = Issues.field(at, t.getKey());
          int type = a.typeIndex(t.getKey());
          if (type < 0) {
            issues.add(typePath, "unknown type of agent " + a.name(), "types of " + a.name() + ": "
                + ProfileRef.typeNames(a));
            continue;
          }
          BigFraction w = in.nonNegative(t.getValue(), typePath, "weight");
          if (w != null) {
            table[agent][type] = w;
          }
        }
      } else {
        BigFraction w = in.nonNegative(e.getValue(), at, "weight");
        if (w != null) {
          Arrays.fill(table[agent], w);
        }
      }
    }
    if (issues.count() > before) {
      return null;
    }
    List<List<BigFraction>> rows = new ArrayList<>();
    for (BigFraction[] row : table) {
      rows.add(Collections.unmodifiableList(Arrays.asList(row)));
    }
    return new WelfareWeights(rows);
  }
}
