package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.AgentType;
import org.mechlp.model.State;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.ValueFunction;
import org.mechlp.model.ValueFunction.Scope;

/**
 * Reads the {@code "valuations"} and {@code "designer"} sections into dense {@link ValueFunction}s: tables by own
 * type, expressions, explicit per-profile tables, and the defaults of the outcome shortcuts.
 */
final class ValuationParser {
  private static final List<String> FORMS = List.of("table", "expression", "profiles");

  private final ProblemParser problem;
  private final Issues issues;
  private final JsonInput in;
  private final List<Agent> agents;
  private final List<State> states;
  private final int outcomeCount;
  private final TypeProfiles profiles;

  ValuationParser(ProblemParser problem) {
    this.problem = problem;
    this.issues = problem.issues();
    this.in = problem.in();
    this.agents = problem.agents();
    this.states = problem.states();
    this.outcomeCount = problem.outcomes().size();
    this.profiles = TypeProfiles.of(agents);
  }

  /** One value function per agent, or null when any had an issue. */
  List<ValueFunction> readAll(JsonNode node) {
    int before = issues.count();
    ValueFunction[] result = new ValueFunction[agents.size()];
    boolean[] given = new boolean[agents.size()];
    if (node != null && in.expectObject(node, "valuations")) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        String path = Issues.field("valuations", e.getKey());
        int agent = ProfileRef.agentIndex(agents, e.getKey());
        if (agent < 0) {
          issues.add(path, "unknown agent", "known agents: " + ProfileRef.names(agents));
          continue;
        }
        given[agent] = true;
        result[agent] = readAgent(e.getValue(), path, agent);
      }
    }
    for (int i = 0; i < agents.size(); i++) {
      if (given[i]) {
        continue;
      }
      if (problem.shortcut() != ProblemParser.Shortcut.NONE) {
        result[i] = shortcutDefault(i);
      } else {
        issues.add(Issues.field("valuations", agents.get(i).name()), "missing: every agent needs a valuation",
            "give a \"table\", an \"expression\" or \"profiles\", or use an outcome shortcut");
      }
    }
    return issues.count() > before ? null : Arrays.asList(result);
  }

  /** The designer's value of outcomes: a table by outcome or expressions; null after an issue. */
  ValueFunction readDesigner(JsonNode node, String path) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    List<String> forms = List.of("table", "expression");
    String form = onlyForm(node, path, forms);
    if (form == null) {
      return null;
    }
    String at = Issues.field(path, form);
    if (form.equals("table")) {
      BigFraction[] row = outcomeRow(node.get(form), at);
      if (row == null) {
        return null;
      }
      BigFraction[][][] values = new BigFraction[1][states.size()][];
      Arrays.fill(values[0], row);
      return new ValueFunction(Scope.OUTCOME, 0, values);
    }
    return readExpressions(node.get(form), at, -1);
  }

  private ValueFunction readAgent(JsonNode node, String path, int agent) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    String form = onlyForm(node, path, FORMS);
    if (form == null) {
      return null;
    }
    String at = Issues.field(path, form);
    return switch (form) {
      case "table" -> readTable(node.get(form), at, agent);
      case "expression" -> readExpressions(node.get(form), at, agent);
      default -> readProfiles(node.get(form), at);
    };
  }

  /** The single form field present in {@code node}, or null after an issue. */
  private String onlyForm(JsonNode node, String path, List<String> forms) {
    in.checkFields(node, path, forms);
    List<String> present = forms.stream().filter(node::has).toList();
    if (present.size() == 1) {
      return present.get(0);
    }
    String choices = String.join(", ", forms.stream().map(JsonInput::quote).toList());
    issues.add(path, present.isEmpty() ? "expected one of " + choices : "give only one of " + choices);
    return null;
  }

  /** {@code {"outcome": value}}, unlisted outcomes 0; null after an issue. */
  private BigFraction[] outcomeRow(JsonNode node, String path) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    BigFraction[] row = zeros(outcomeCount);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String at = Issues.field(path, e.getKey());
      int o = problem.outcomeIndex(e.getKey());
      if (o < 0) {
        issues.add(at, "unknown outcome", "outcomes: " + problem.outcomeNames());
        continue;
      }
      BigFraction v = in.number(e.getValue(), at);
      if (v != null) {
        row[o] = v;
      }
    }
    return issues.count() > before ? null : row;
  }

  private ValueFunction readTable(JsonNode node, String path, int agent) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    Agent a = agents.get(agent);
    BigFraction[][][] values = new BigFraction[a.typeCount()][states.size()][];
    for (BigFraction[][] byState : values) {
      Arrays.fill(byState, zeros(outcomeCount));
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String at = Issues.field(path, e.getKey());
      int t = a.typeIndex(e.getKey());
      if (t < 0) {
        issues.add(at, "unknown type of agent " + a.name(), "types of " + a.name() + ": "
            + ProfileRef.typeNames(a));
        continue;
      }
      BigFraction[] row = outcomeRow(e.getValue(), at);
      if (row != null) {
        Arrays.fill(values[t], row);
      }
    }
    return issues.count() > before ? null : new ValueFunction(Scope.OWN_TYPE, agent, values);
  }

  private ValueFunction readExpressions(JsonNode node, String path, int owner) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    Expressions.Scope scope = new Expressions.Scope(agents, owner, states, problem.statesGiven());
    BigFraction[] constants = zeros(outcomeCount);
    Expressions.Compiled[] compiled = new Expressions.Compiled[outcomeCount];
    String[] paths = new String[outcomeCount];
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String at = Issues.field(path, e.getKey());
      int o = problem.outcomeIndex(e.getKey());
      if (o < 0) {
        issues.add(at, "unknown outcome", "outcomes: " + problem.outcomeNames());
        continue;
      }
      JsonNode value = e.getValue();
      if (value.isNumber()) {
        BigFraction v = in.number(value, at);
        if (v != null) {
          constants[o] = v;
        }
      } else if (value.isTextual()) {
        paths[o] = at;
        compiled[o] = Expressions.compile(value.textValue(), at, scope, issues);
      } else {
        issues.add(at, "expected an expression string or a number, got " + JsonInput.describe(value));
      }
    }
    if (issues.count() > before) {
      return null;
    }
    boolean byProfile = Arrays.stream(compiled).anyMatch(c -> c != null && c.usesOtherTypes());
    boolean byState = Arrays.stream(compiled).anyMatch(c -> c != null && c.usesState());
    Scope valueScope = byProfile ? Scope.PROFILE : owner < 0 ? Scope.OUTCOME : Scope.OWN_TYPE;
    int keyCount =
        switch (valueScope) {
          case PROFILE -> profiles.count();
          case OWN_TYPE -> agents.get(owner).typeCount();
          case OUTCOME -> 1;
        };
    long evaluations = (long) keyCount * (byState ? states.size() : 1) * outcomeCount;
    if (evaluations > ExpressionLimits.MAX_EVALUATIONS) {
      // Checked before evaluating or allocating anything: each value is an exact fraction, and each takes EvalEx
      // microseconds, so millions of them would take minutes and gigabytes for a problem far too large to solve.
      issues.add(path, String.format(java.util.Locale.ROOT,
          "these expressions would be evaluated %,d times (%,d %s x %d outcomes%s); mechlp evaluates at most %,d",
          evaluations, keyCount, valueScope == Scope.PROFILE ? "type profiles" : "types", outcomeCount,
          byState ? " x " + states.size() + " states" : "", ExpressionLimits.MAX_EVALUATIONS),
          "fewer agents or types; the LP of a problem this size is far beyond --max-lp-rows anyway");
      return null;
    }
    BigFraction[][][] values = new BigFraction[keyCount][states.size()][];
    boolean[] failed = new boolean[outcomeCount];
    for (int key = 0; key < keyCount; key++) {
      int[] types = valueScope == Scope.PROFILE ? profiles.decode(key) : new int[agents.size()];
      if (valueScope == Scope.OWN_TYPE) {
        types[owner] = key;
      }
      for (int w = 0; w < states.size(); w++) {
        if (w > 0 && !byState) {
          values[key][w] = values[key][0];
          continue;
        }
        BigFraction[] row = constants.clone();
        for (int o = 0; o < outcomeCount; o++) {
          if (compiled[o] == null || failed[o]) {
            continue;
          }
          try {
            row[o] = compiled[o].evaluate(types, w);
            String at = where(valueScope, owner, types, w, byState);
            if (!in.inRange(row[o], paths[o], true, at.isEmpty() ? "the value " : "the value at " + at + ": ")) {
              failed[o] = true;
            }
          } catch (IllegalArgumentException ex) {
            failed[o] = true;
            issues.add(paths[o], "cannot evaluate at " + where(valueScope, owner, types, w, byState) + ": "
                + ex.getMessage());
          }
        }
        values[key][w] = row;
      }
    }
    return issues.count() > before ? null : new ValueFunction(valueScope, Math.max(owner, 0), values);
  }

  private String where(Scope scope, int owner, int[] types, int state, boolean byState) {
    String at =
        switch (scope) {
          case PROFILE -> ProfileRef.describe(agents, types);
          case OWN_TYPE -> agents.get(owner).name() + "=" + agents.get(owner).types().get(types[owner]).name();
          case OUTCOME -> "";
        };
    if (byState) {
      String s = "state " + states.get(state).name();
      at = at.isEmpty() ? s : at + ", " + s;
    }
    return at;
  }

  private ValueFunction readProfiles(JsonNode node, String path) {
    if (!in.expectArray(node, path)) {
      return null;
    }
    int before = issues.count();
    int stateCount = states.size();
    BigFraction[][][] values = new BigFraction[profiles.count()][stateCount][];
    for (BigFraction[][] byState : values) {
      Arrays.fill(byState, zeros(outcomeCount));
    }
    Map<Long, Integer> firstAt = new HashMap<>();
    for (int e = 0; e < node.size(); e++) {
      String at = Issues.index(path, e);
      JsonNode entry = node.get(e);
      if (!in.expectObject(entry, at)) {
        continue;
      }
      in.checkFields(entry, at, List.of("types", "state", "values"));
      int[] types = null;
      if (entry.has("types")) {
        types = ProfileRef.read(entry.get("types"), Issues.field(at, "types"), agents, in, issues);
      } else {
        issues.add(Issues.field(at, "types"), "missing required field");
      }
      int state = problem.readStateRef(entry, at, false);
      BigFraction[] row = null;
      if (entry.has("values")) {
        row = outcomeRow(entry.get("values"), Issues.field(at, "values"));
      } else {
        issues.add(Issues.field(at, "values"), "missing required field");
      }
      if (types == null || state < 0 || row == null) {
        continue;
      }
      int profile = profiles.encode(types);
      List<Integer> covered = new ArrayList<>();
      if (state == Integer.MAX_VALUE) {
        for (int w = 0; w < stateCount; w++) {
          covered.add(w);
        }
      } else {
        covered.add(state);
      }
      for (int w : covered) {
        Integer previous = firstAt.putIfAbsent((long) profile * stateCount + w, e);
        if (previous != null) {
          issues.add(at, "duplicate entry for " + ProfileRef.describe(agents, types)
              + (problem.statesGiven() ? ", state " + states.get(w).name() : "") + " (also "
              + Issues.index(path, previous) + ")");
          break;
        }
        values[profile][w] = row;
      }
    }
    return issues.count() > before ? null : new ValueFunction(Scope.PROFILE, 0, values);
  }

  /** The valuation an outcome shortcut gives {@code agent}: its type's "value" on the outcomes it cares about. */
  private ValueFunction shortcutDefault(int agent) {
    Agent a = agents.get(agent);
    int before = issues.count();
    BigFraction[][][] values = new BigFraction[a.typeCount()][states.size()][];
    for (int t = 0; t < a.typeCount(); t++) {
      AgentType type = a.types().get(t);
      BigFraction v = type.attribute("value");
      if (v == null) {
        issues.add(Issues.index(Issues.field(Issues.index("agents", agent), "types"), t),
            "missing attribute \"value\" needed by the " + problem.shortcut().json + " shortcut",
            "add a \"value\" to the type, or give valuations." + a.name());
        continue;
      }
      BigFraction[] row = zeros(outcomeCount);
      switch (problem.shortcut()) {
        // Outcome 0 is "none"; outcome 1 + i gives the item to agent i.
        case SINGLE_ITEM -> row[1 + agent] = v;
        // Outcomes: "no", "build".
        case PUBLIC_PROJECT -> row[1] = v;
        // Outcomes: "no-trade", "trade"; the seller's value is its cost, lost on trade.
        case BILATERAL_TRADE -> row[1] = agent == problem.seller() ? v.negate() : v;
        case NONE -> throw new IllegalStateException("no shortcut");
      }
      Arrays.fill(values[t], row);
    }
    return issues.count() > before ? null : new ValueFunction(Scope.OWN_TYPE, agent, values);
  }

  private static BigFraction[] zeros(int n) {
    BigFraction[] row = new BigFraction[n];
    Arrays.fill(row, BigFraction.ZERO);
    return row;
  }
}
