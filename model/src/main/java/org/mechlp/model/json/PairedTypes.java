package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Types given as (preference, signal) pairs in a data-driven problem (docs/FORMAT.md, Data-driven mechanisms): an
 * agent lists its {@code preferences} with their {@code prior}, and its {@code signals}, each with its likelihood
 * P(signal | state) per state. Signals are independent of each other given the state and preferences independent of
 * everything, so the joint prior is f(state, types) = p(state) x prod_i prior_i(preference_i) P_i(signal_i | state).
 * The file is rewritten into ordinary types named {@code preference/signal} (the preference's attributes and the
 * signal's together) and that joint prior, which the standard parser then reads; every issue found here carries the
 * path of the pair syntax itself.
 */
final class PairedTypes {
  /** Separates the preference from the signal in the name of a type. */
  static final String SEPARATOR = "/";
  /** More (profile, state) pairs than this are refused before the joint prior is written out. */
  private static final long MAX_ENTRIES = 5_000_000;

  private final Issues issues;
  private final JsonInput in;

  PairedTypes(Issues issues, JsonInput in) {
    this.issues = issues;
    this.in = in;
  }

  /** One agent's types and, per type and state, its factor of the joint prior. */
  private record AgentPairs(String name, ArrayNode types, BigFraction[][] factor) {}

  /** Whether some agent of the file gives {@code preferences}: then the file uses the pair syntax. */
  static boolean uses(JsonNode root) {
    JsonNode agents = root.get("agents");
    if (agents == null || !agents.isArray()) {
      return false;
    }
    for (JsonNode a : agents) {
      if (a.isObject() && (a.has("preferences") || a.has("signals"))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Rewrites {@code base} (a copy of the file) into ordinary types and a joint prior. Reports every issue of the pair
   * syntax and leaves {@code base} unchanged when there is one.
   */
  void expand(ObjectNode base) {
    int before = issues.count();
    if (base.has("prior")) {
      issues.add("prior", "not allowed when agents give \"preferences\" and \"signals\": the joint prior is built"
          + " from the states' \"p\", each agent's preference \"prior\" and its signals' likelihoods",
          "remove the top-level \"prior\"");
    }
    List<String> stateNames = new ArrayList<>();
    List<BigFraction> statePrior = readStates(base.get("states"), stateNames);
    JsonNode agentsNode = base.get("agents");
    List<AgentPairs> agents = new ArrayList<>();
    for (int i = 0; i < agentsNode.size(); i++) {
      agents.add(readAgent(agentsNode.get(i), Issues.index("agents", i), stateNames));
    }
    if (issues.count() > before || statePrior == null || agents.contains(null)) {
      return;
    }
    long entries = stateNames.size();
    for (AgentPairs a : agents) {
      entries *= a.types().size();
      if (entries > MAX_ENTRIES) {
        issues.add("agents", "the (preference, signal) pairs make more than " + MAX_ENTRIES
            + " (type profile, state) pairs: too large for a joint prior");
        return;
      }
    }
    for (int i = 0; i < agents.size(); i++) {
      ObjectNode agent = (ObjectNode) agentsNode.get(i);
      agent.remove(List.of("preferences", "signals", "prior"));
      agent.set("types", agents.get(i).types());
    }
    for (JsonNode state : base.get("states")) {
      ((ObjectNode) state).remove("p");
    }
    base.set("prior", jointPrior(agents, stateNames, statePrior));
  }

  private List<BigFraction> readStates(JsonNode node, List<String> names) {
    if (node == null) {
      issues.add("states", "missing: (preference, signal) pairs need the states the signals are about");
      return null;
    }
    if (!in.expectArray(node, "states")) {
      return null;
    }
    int before = issues.count();
    List<BigFraction> prior = new ArrayList<>();
    for (int j = 0; j < node.size(); j++) {
      String path = Issues.index("states", j);
      JsonNode state = node.get(j);
      if (!in.expectObject(state, path)) {
        continue;
      }
      names.add(state.has("name") ? state.get("name").asText() : "");
      if (!state.has("p")) {
        issues.add(Issues.field(path, "p"), "missing: with (preference, signal) pairs every state needs its"
            + " probability \"p\"");
        continue;
      }
      prior.add(in.nonNegative(state.get("p"), Issues.field(path, "p"), "probability"));
    }
    if (issues.count() > before) {
      return null;
    }
    BigFraction sum = prior.stream().reduce(BigFraction.ZERO, BigFraction::add);
    if (!sum.equals(BigFraction.ONE)) {
      issues.add("states", "state probabilities sum to " + JsonInput.ratio(sum) + ", expected exactly 1");
      return null;
    }
    return prior;
  }

  private AgentPairs readAgent(JsonNode agent, String path, List<String> states) {
    if (!agent.isObject()) {
      return null; // the standard parser reports it
    }
    String name = agent.has("name") ? agent.get("name").asText() : "";
    if (agent.has("types")) {
      issues.add(Issues.field(path, "types"), "not allowed when agents give (preference, signal) pairs",
          "give this agent \"preferences\" (and \"signals\" when it has private information about the state)");
      return null;
    }
    if (!agent.has("preferences")) {
      issues.add(Issues.field(path, "preferences"), "missing: when one agent gives \"preferences\" every agent"
          + " does");
      return null;
    }
    List<ObjectNode> preferences = readNamed(agent.get("preferences"), Issues.field(path, "preferences"), false);
    List<ObjectNode> signals = agent.has("signals")
        ? readNamed(agent.get("signals"), Issues.field(path, "signals"), true)
        : null;
    if (preferences == null || (agent.has("signals") && signals == null)) {
      return null;
    }
    BigFraction[] prior = readPreferencePrior(agent.get("prior"), Issues.field(path, "prior"), preferences);
    BigFraction[][] likelihood = signals == null
        ? null
        : readLikelihoods(signals, Issues.field(path, "signals"), states);
    if (prior == null || (signals != null && likelihood == null)) {
      return null;
    }
    ArrayNode types = JsonInput.mapper().createArrayNode();
    List<BigFraction[]> factor = new ArrayList<>();
    int signalCount = signals == null ? 1 : signals.size();
    for (int p = 0; p < preferences.size(); p++) {
      for (int s = 0; s < signalCount; s++) {
        ObjectNode type = preferences.get(p).deepCopy();
        if (signals != null) {
          ObjectNode signal = signals.get(s);
          type.put("name", preferences.get(p).get("name").asText() + SEPARATOR + signal.get("name").asText());
          for (Map.Entry<String, JsonNode> e : signal.properties()) {
            if (e.getKey().equals("name") || e.getKey().equals("p")) {
              continue;
            }
            if (type.has(e.getKey())) {
              issues.add(Issues.field(Issues.index(Issues.field(path, "signals"), s), e.getKey()),
                  "attribute " + JsonInput.quote(e.getKey()) + " is also an attribute of preference "
                      + JsonInput.quote(preferences.get(p).get("name").asText()),
                  "a type's attributes are its preference's and its signal's together: rename one");
              return null;
            }
            type.set(e.getKey(), e.getValue());
          }
        }
        types.add(type);
        BigFraction[] f = new BigFraction[states.size()];
        for (int w = 0; w < f.length; w++) {
          f[w] = signals == null ? prior[p] : prior[p].multiply(likelihood[s][w]);
        }
        factor.add(f);
      }
    }
    return new AgentPairs(name, types, factor.toArray(new BigFraction[0][]));
  }

  /**
   * A list of preferences or signals: names or objects with a {@code name} (signals also {@code p}) and attributes,
   * as plain objects with a {@code name}; null after an issue.
   */
  private List<ObjectNode> readNamed(JsonNode node, String path, boolean signals) {
    if (!in.expectArray(node, path)) {
      return null;
    }
    if (node.isEmpty()) {
      issues.add(path, "must not be empty");
      return null;
    }
    int before = issues.count();
    List<ObjectNode> list = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int k = 0; k < node.size(); k++) {
      String at = Issues.index(path, k);
      JsonNode entry = node.get(k);
      ObjectNode named;
      if (entry.isTextual() && !signals) {
        named = JsonInput.mapper().createObjectNode().put("name", entry.textValue());
      } else if (entry.isObject()) {
        named = (ObjectNode) entry;
      } else {
        issues.add(at, signals
            ? "expected an object with a \"name\" and its likelihood \"p\" per state, got " + JsonInput.describe(entry)
            : "expected a name or an object with a \"name\", got " + JsonInput.describe(entry));
        continue;
      }
      if (!named.has("name")) {
        issues.add(Issues.field(at, "name"), "missing required field");
        continue;
      }
      String name = in.name(named.get("name"), Issues.field(at, "name"));
      if (name == null) {
        continue;
      }
      if (name.contains(SEPARATOR)) {
        issues.add(Issues.field(at, "name"), "must not contain " + JsonInput.quote(SEPARATOR)
            + ", which joins a preference and a signal in a type's name");
        continue;
      }
      Integer previous = seen.putIfAbsent(name, k);
      if (previous != null) {
        issues.add(at, "duplicate name " + JsonInput.quote(name) + " (also " + Issues.index(path, previous) + ")");
        continue;
      }
      if (signals && !named.has("p")) {
        issues.add(Issues.field(at, "p"), "missing: the signal's probability given each state");
        continue;
      }
      if (!attributesValid(named, at, signals)) {
        continue;
      }
      list.add(named);
    }
    return issues.count() > before ? null : list;
  }

  /**
   * Checks the attributes here, so that a bad one is reported at the path the file gives it rather than at the type
   * it becomes: identifier names (they appear in expressions) and numeric values.
   */
  private boolean attributesValid(ObjectNode named, String path, boolean signal) {
    int before = issues.count();
    for (Map.Entry<String, JsonNode> e : named.properties()) {
      if (e.getKey().equals("name") || (signal && e.getKey().equals("p"))) {
        continue;
      }
      String at = Issues.field(path, e.getKey());
      if (!JsonInput.IDENTIFIER.matcher(e.getKey()).matches()) {
        issues.add(at, "attribute name " + JsonInput.quote(e.getKey()) + " is not an identifier",
            "use letters, digits and _, not starting with a digit (attributes appear in expressions)");
      } else {
        in.number(e.getValue(), at);
      }
    }
    return issues.count() == before;
  }

  private BigFraction[] readPreferencePrior(JsonNode node, String path, List<ObjectNode> preferences) {
    if (node == null) {
      issues.add(path, "missing: the probability of each preference");
      return null;
    }
    List<String> names = preferences.stream().map(p -> p.get("name").asText()).toList();
    return NamedDistribution.read(in, issues, node, path, "preference", names,
        "preferences: " + String.join(", ", names), true, "expected exactly 1");
  }

  /** P(signal | state), indexed [signal][state]; each state's column must sum to exactly 1. */
  private BigFraction[][] readLikelihoods(List<ObjectNode> signals, String path, List<String> states) {
    int before = issues.count();
    BigFraction[][] likelihood = new BigFraction[signals.size()][states.size()];
    for (int s = 0; s < signals.size(); s++) {
      Arrays.fill(likelihood[s], BigFraction.ZERO);
      String at = Issues.field(Issues.index(path, s), "p");
      JsonNode p = signals.get(s).get("p");
      if (!in.expectObject(p, at)) {
        continue;
      }
      for (Map.Entry<String, JsonNode> e : p.properties()) {
        int w = states.indexOf(e.getKey());
        if (w < 0) {
          issues.add(Issues.field(at, e.getKey()), "unknown state " + JsonInput.quote(e.getKey()),
              "states: " + String.join(", ", states));
          continue;
        }
        BigFraction v = in.nonNegative(e.getValue(), Issues.field(at, e.getKey()), "probability");
        if (v != null) {
          likelihood[s][w] = v;
        }
      }
    }
    if (issues.count() > before) {
      return null;
    }
    for (int w = 0; w < states.size(); w++) {
      BigFraction sum = BigFraction.ZERO;
      for (BigFraction[] row : likelihood) {
        sum = sum.add(row[w]);
      }
      if (!sum.equals(BigFraction.ONE)) {
        issues.add(path, "the signals' probabilities in state " + JsonInput.quote(states.get(w)) + " sum to "
            + JsonInput.ratio(sum) + ", expected exactly 1 (P(signal | state) over the signals)");
        return null;
      }
    }
    return likelihood;
  }

  /** The joint prior as the standard parser reads it: one entry per (type profile, state) of positive probability. */
  private static ArrayNode jointPrior(List<AgentPairs> agents, List<String> states, List<BigFraction> statePrior) {
    ArrayNode prior = JsonInput.mapper().createArrayNode();
    int n = agents.size();
    int[] type = new int[n];
    while (true) {
      for (int w = 0; w < states.size(); w++) {
        BigFraction p = statePrior.get(w);
        for (int i = 0; i < n && p.getNumerator().signum() != 0; i++) {
          p = p.multiply(agents.get(i).factor()[type[i]][w]);
        }
        if (p.getNumerator().signum() == 0) {
          continue;
        }
        ObjectNode entry = prior.addObject();
        ObjectNode types = entry.putObject("types");
        for (int i = 0; i < n; i++) {
          types.put(agents.get(i).name(), agents.get(i).types().get(type[i]).get("name").asText());
        }
        entry.put("state", states.get(w));
        entry.put("p", JsonInput.ratio(p));
      }
      int i = n - 1;
      while (i >= 0 && ++type[i] == agents.get(i).types().size()) {
        type[i--] = 0;
      }
      if (i < 0) {
        return prior;
      }
    }
  }
}
