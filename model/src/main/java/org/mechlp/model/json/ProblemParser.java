package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.AgentType;
import org.mechlp.model.BuiltinExpectation;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.Expectation;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.MechanismSpec;
import org.mechlp.model.Objective;
import org.mechlp.model.Outcome;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.State;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.ValueFunction;

/**
 * Walks one problem file's JSON tree, collecting every issue with its path, and builds the {@link Problem}. Sections
 * that refer to agents, states or outcomes are checked only when those parsed cleanly, so one mistake does not
 * cascade into many.
 */
final class ProblemParser {
  static final String FORMAT = "mechlp/1";

  private Expectation expectation;

  private static final List<String> TOP_FIELDS =
      List.of(
          "$schema", "format", "name", "description", "agents", "states", "prior", "outcomes", "valuations",
          "designer", "mechanism", "objective", CalibrationParser.CALIBRATION, "expect");
  private static final List<String> STATUSES =
      List.of("OPTIMAL", "INFEASIBLE", "UNBOUNDED", "TIME_LIMIT", "NUMERICAL_FAILURE");
  private static final List<String> AGENT_FIELDS = List.of("name", "types", "prior");
  private static final List<String> RESERVED_AGENT_NAMES =
      List.of(Expressions.SELF, Expressions.OTHER, Expressions.STATE);

  /** The outcome shortcuts and the default valuations they bring. */
  enum Shortcut {
    NONE(""),
    SINGLE_ITEM("single-item"),
    PUBLIC_PROJECT("public-project"),
    BILATERAL_TRADE("bilateral-trade");

    final String json;

    Shortcut(String json) {
      this.json = json;
    }
  }

  private final String source;
  private final String defaultName;
  private final Issues issues;
  private final JsonInput in;

  private List<Agent> agents;
  private final List<JsonNode> agentPriorNodes = new ArrayList<>();
  private List<State> states;
  private boolean statesGiven;
  private final List<JsonNode> stateProbabilityNodes = new ArrayList<>();
  private List<Outcome> outcomes;
  private Shortcut shortcut = Shortcut.NONE;
  private int seller = -1;
  private int buyer = -1;

  ProblemParser(String source, String defaultName) {
    this.source = source;
    this.defaultName = defaultName;
    this.issues = new Issues(source);
    this.in = new JsonInput(issues, true);
  }

  /** Reads the whole problem, throwing with every issue found. */
  Problem parse(JsonNode root) throws InvalidInputException {
    if (!root.isObject()) {
      issues.add("", "expected an object, got " + JsonInput.describe(root));
      issues.throwIfAny();
    }
    in.checkFields(root, "", TOP_FIELDS);
    readFormat(root.get("format"));
    String name = optionalText(root, "name", defaultName);
    String description = optionalText(root, "description", "");
    agents = readAgents(root.get("agents"));
    readStates(root.get("states"));
    readOutcomes(root.get("outcomes"));

    boolean structure = agents != null && states != null && outcomes != null;
    Prior prior = null;
    List<ValueFunction> valuations = null;
    ValueFunction designer = null;
    if (agents != null && states != null) {
      prior = readPrior(root.get("prior"));
    }
    if (structure) {
      valuations = new ValuationParser(this).readAll(root.get("valuations"));
      if (root.has("designer")) {
        designer = new ValuationParser(this).readDesigner(root.get("designer"), "designer");
      }
    }
    JsonNode calibrationNode = root.get(CalibrationParser.CALIBRATION);
    boolean calibrated = CalibrationParser.requested(calibrationNode);
    SpecParser spec = new SpecParser(this, calibrated);
    MechanismSpec mechanism = spec.readMechanism(root.get("mechanism"));
    Objective objective = spec.readObjective(root.get("objective"), root.has("designer"));
    if (structure && valuations != null && mechanism != null) {
      spec.checkIcAgainstValues(root.get("mechanism"), valuations);
    }
    CalibrationSpec calibration = calibrated ? new CalibrationParser(this).read(calibrationNode) : null;
    if (root.has("expect")) {
      expectation = readExpectation(root.get("expect"));
    }
    in.checkAmountRatio();
    issues.throwIfAny();
    Problem draft =
        new Problem(name, description, agents, states, statesGiven, outcomes, prior, valuations, designer,
            mechanism, objective, calibration);
    ConstraintParser.checkAgainstPrior(draft, issues);
    issues.throwIfAny();
    MechanismSpec complete = spec.completeAllocation(draft);
    issues.throwIfAny();
    return complete == mechanism
        ? draft
        : new Problem(name, description, agents, states, statesGiven, outcomes, prior, valuations, designer,
            complete, objective, calibration);
  }

  /** The file's "expect" block after {@link #parse}, or null. */
  Expectation expectation() {
    return expectation;
  }

  /** {"status": "OPTIMAL", "objective": "2", "tolerance": 1e-7}: what the answer must be. */
  private Expectation readExpectation(JsonNode node) {
    if (!in.expectObject(node, "expect")) {
      return null;
    }
    in.checkFields(
        node, "expect", List.of("status", "objective", "tolerance", "mechanism", "verdict", "source", "builtins"));
    int before = issues.count();
    String status = "OPTIMAL";
    if (node.has("status")) {
      String given = in.text(node.get("status"), "expect.status");
      if (given != null && !STATUSES.contains(given)) {
        issues.add(
            "expect.status", "unknown status " + JsonInput.quote(given), "statuses: " + String.join(", ", STATUSES));
      } else if (given != null) {
        status = given;
      }
    }
    String mechanism = node.has("mechanism") ? in.name(node.get("mechanism"), "expect.mechanism") : null;
    String verdict = null;
    if (node.has("verdict")) {
      verdict = in.text(node.get("verdict"), "expect.verdict");
      if (verdict != null && !List.of("pass", "fail").contains(verdict)) {
        issues.add("expect.verdict", "unknown verdict " + JsonInput.quote(verdict), "verdicts: pass, fail");
      }
      if (mechanism == null) {
        issues.add("expect.verdict", "a verdict needs \"mechanism\": the file to check");
      }
    }
    BigFraction objective = node.has("objective") ? in.number(node.get("objective"), "expect.objective") : null;
    double tolerance = Expectation.DEFAULT_TOLERANCE;
    if (node.has("tolerance")) {
      BigFraction t = in.nonNegative(node.get("tolerance"), "expect.tolerance", "tolerance");
      tolerance = t == null ? tolerance : t.doubleValue();
    }
    String source = node.has("source") ? in.text(node.get("source"), "expect.source") : null;
    List<BuiltinExpectation> builtins =
        node.has("builtins") ? BuiltinExpectationParser.read(node.get("builtins"), "expect.builtins", in, issues)
            : List.of();
    if (issues.count() > before) {
      return null;
    }
    return new Expectation(
        status, objective, tolerance, mechanism, mechanism == null ? null : verdict == null ? "pass" : verdict, source,
        builtins);
  }

  String source() {
    return source;
  }

  Issues issues() {
    return issues;
  }

  JsonInput in() {
    return in;
  }

  /** The agents, or null when they did not parse. */
  List<Agent> agents() {
    return agents;
  }

  List<State> states() {
    return states;
  }

  boolean statesGiven() {
    return statesGiven;
  }

  /** The outcomes, or null when they did not parse. */
  List<Outcome> outcomes() {
    return outcomes;
  }

  Shortcut shortcut() {
    return shortcut;
  }

  int seller() {
    return seller;
  }

  int buyer() {
    return buyer;
  }

  /** Index of the named outcome, or -1. */
  int outcomeIndex(String name) {
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The outcome names, comma-separated, for hints. */
  String outcomeNames() {
    return String.join(", ", outcomes.stream().map(Outcome::name).toList());
  }

  private void readFormat(JsonNode node) {
    if (node == null) {
      issues.add("format", "missing required field", "add \"format\": \"" + FORMAT + "\"");
      return;
    }
    String format = in.text(node, "format");
    if (format != null && !format.equals(FORMAT)) {
      issues.add("format", "unsupported format " + JsonInput.quote(format) + "; supported: " + FORMAT);
    }
  }

  private String optionalText(JsonNode root, String field, String fallback) {
    JsonNode node = root.get(field);
    if (node == null) {
      return fallback;
    }
    String s = in.text(node, field);
    return s == null ? fallback : s;
  }

  private List<Agent> readAgents(JsonNode node) {
    if (node == null) {
      issues.add("agents", "missing required field");
      return null;
    }
    if (!in.expectArray(node, "agents")) {
      return null;
    }
    if (node.isEmpty()) {
      issues.add("agents", "must list at least one agent");
      return null;
    }
    int before = issues.count();
    List<Agent> list = new ArrayList<>();
    Map<String, Map.Entry<Integer, String>> seen = new HashMap<>();
    for (int i = 0; i < node.size(); i++) {
      String path = Issues.index("agents", i);
      JsonNode a = node.get(i);
      agentPriorNodes.add(a.isObject() ? a.get("prior") : null);
      if (!in.expectObject(a, path)) {
        continue;
      }
      in.checkFields(a, path, AGENT_FIELDS);
      String name = agentName(a.get("name"), Issues.field(path, "name"), seen, i);
      List<AgentType> types = readTypes(a.get("types"), Issues.field(path, "types"));
      if (name != null && types != null) {
        list.add(new Agent(name, types));
      }
    }
    if (issues.count() == before && !fewEnoughProfiles(list)) {
      return null;
    }
    return issues.count() > before ? null : list;
  }

  /**
   * Type profiles are indexed by int: a product of type counts over 2^31 - 1 cannot be represented at all, so it is
   * refused here, by arithmetic, before anything is allocated per profile.
   */
  private boolean fewEnoughProfiles(List<Agent> list) {
    java.math.BigInteger profiles = java.math.BigInteger.ONE;
    StringBuilder product = new StringBuilder();
    for (Agent a : list) {
      profiles = profiles.multiply(java.math.BigInteger.valueOf(a.typeCount()));
      product.append(product.length() == 0 ? "" : " x ").append(a.typeCount());
    }
    if (profiles.compareTo(java.math.BigInteger.valueOf(Integer.MAX_VALUE)) <= 0) {
      return true;
    }
    if (list.stream().mapToInt(Agent::typeCount).distinct().count() == 1) {
      product.setLength(0);
      product.append(list.get(0).typeCount()).append(" types each");
    } else {
      product.append(" types");
    }
    issues.add("agents", String.format(java.util.Locale.ROOT,
        "%d agents with %s give %,d type profiles; mechlp represents at most %,d (2^31 - 1)", list.size(),
        product, profiles, Integer.MAX_VALUE),
        "fewer agents or types; a problem this size has far more LP rows than any solver handles");
    return false;
  }

  private String agentName(
      JsonNode node, String path, Map<String, Map.Entry<Integer, String>> seen, int index) {
    if (node == null) {
      issues.add(path, "missing required field");
      return null;
    }
    String name = in.name(node, path);
    if (name == null) {
      return null;
    }
    if (!JsonInput.IDENTIFIER.matcher(name).matches()) {
      issues.add(path, JsonInput.quote(name) + " is not an identifier",
          "use letters, digits and _, not starting with a digit (agent names appear in expressions)");
      return null;
    }
    String key = name.toLowerCase(Locale.ROOT);
    if (RESERVED_AGENT_NAMES.contains(key)) {
      issues.add(path, JsonInput.quote(name) + " is reserved in expressions",
          "choose another name than self, other or state");
      return null;
    }
    Map.Entry<Integer, String> previous = seen.putIfAbsent(key, Map.entry(index, name));
    if (previous != null) {
      // EvalEx looks variables up ignoring case, so "A" and "a" would be one variable in expressions.
      issues.add(path, "duplicate name " + JsonInput.quote(name) + " (also agents[" + previous.getKey() + "]"
          + (name.equals(previous.getValue()) ? "" : ", names are compared ignoring case") + ")");
      return null;
    }
    return name;
  }

  private List<AgentType> readTypes(JsonNode node, String path) {
    if (node == null) {
      issues.add(path, "missing required field");
      return null;
    }
    if (!in.expectArray(node, path)) {
      return null;
    }
    if (node.isEmpty()) {
      issues.add(path, "must list at least one type");
      return null;
    }
    int before = issues.count();
    List<AgentType> types = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < node.size(); j++) {
      String at = Issues.index(path, j);
      Named named = readNamed(node.get(j), at, List.of("name"));
      if (named == null) {
        continue;
      }
      Integer previous = seen.putIfAbsent(named.name(), j);
      if (previous != null) {
        issues.add(named.namePath(), "duplicate type name " + JsonInput.quote(named.name()) + " (also "
            + Issues.index(path, previous) + ")");
        continue;
      }
      types.add(new AgentType(named.name(), named.attributes()));
    }
    return issues.count() > before ? null : types;
  }

  /** A name with numeric attributes, written as a plain string or an object. */
  private record Named(String name, String namePath, Map<String, BigFraction> attributes, JsonNode node) {}

  /**
   * Reads {@code "low"} or {@code {"name": "low", "value": 1}}; fields other than {@code reserved} are numeric
   * attributes with identifier names.
   */
  private Named readNamed(JsonNode node, String path, List<String> reserved) {
    if (node.isTextual()) {
      String name = in.name(node, path);
      return name == null ? null : new Named(name, path, Map.of(), node);
    }
    if (!node.isObject()) {
      issues.add(path, "expected a name or an object with a \"name\", got " + JsonInput.describe(node));
      return null;
    }
    int before = issues.count();
    String namePath = Issues.field(path, "name");
    JsonNode nameNode = node.get("name");
    String name = null;
    if (nameNode == null) {
      issues.add(namePath, "missing required field");
    } else {
      name = in.name(nameNode, namePath);
    }
    Map<String, BigFraction> attributes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      if (reserved.contains(e.getKey())) {
        continue;
      }
      String at = Issues.field(path, e.getKey());
      if (!JsonInput.IDENTIFIER.matcher(e.getKey()).matches()) {
        issues.add(at, "attribute name " + JsonInput.quote(e.getKey()) + " is not an identifier",
            "use letters, digits and _, not starting with a digit (attributes appear in expressions)");
        continue;
      }
      BigFraction value = in.number(e.getValue(), at);
      if (value != null) {
        attributes.put(e.getKey(), value);
      }
    }
    return issues.count() > before ? null : new Named(name, namePath, attributes, node);
  }

  private void readStates(JsonNode node) {
    if (node == null) {
      statesGiven = false;
      states = List.of(new State("default", Map.of()));
      return;
    }
    statesGiven = true;
    if (!in.expectArray(node, "states")) {
      return;
    }
    if (node.isEmpty()) {
      issues.add("states", "must list at least one state", "omit \"states\" for a problem without states");
      return;
    }
    int before = issues.count();
    List<State> list = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < node.size(); j++) {
      String path = Issues.index("states", j);
      Named named = readNamed(node.get(j), path, List.of("name", "p"));
      stateProbabilityNodes.add(node.get(j).isObject() ? node.get(j).get("p") : null);
      if (named == null) {
        continue;
      }
      Integer previous = seen.putIfAbsent(named.name(), j);
      if (previous != null) {
        issues.add(named.namePath(), "duplicate state name " + JsonInput.quote(named.name()) + " (also states["
            + previous + "])");
        continue;
      }
      list.add(new State(named.name(), named.attributes()));
    }
    states = issues.count() > before ? null : list;
  }

  private void readOutcomes(JsonNode node) {
    if (node == null) {
      issues.add("outcomes", "missing required field");
      return;
    }
    if (node.isObject()) {
      readShortcut(node);
      return;
    }
    if (!node.isArray()) {
      issues.add("outcomes", "expected an array of outcomes or a shortcut object, got "
          + JsonInput.describe(node));
      return;
    }
    if (node.isEmpty()) {
      issues.add("outcomes", "must list at least one outcome");
      return;
    }
    int before = issues.count();
    List<Outcome> list = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (int j = 0; j < node.size(); j++) {
      String path = Issues.index("outcomes", j);
      JsonNode o = node.get(j);
      String name;
      String namePath = path;
      BigFraction cost = BigFraction.ZERO;
      if (o.isObject()) {
        in.checkFields(o, path, List.of("name", "cost"));
        namePath = Issues.field(path, "name");
        if (!o.has("name")) {
          issues.add(namePath, "missing required field");
          continue;
        }
        name = in.name(o.get("name"), namePath);
        if (o.has("cost")) {
          cost = in.number(o.get("cost"), Issues.field(path, "cost"));
        }
      } else if (o.isTextual()) {
        name = in.name(o, path);
      } else {
        issues.add(path, "expected a name or an object with a \"name\", got " + JsonInput.describe(o));
        continue;
      }
      if (name == null || cost == null) {
        continue;
      }
      Integer previous = seen.putIfAbsent(name, j);
      if (previous != null) {
        issues.add(namePath, "duplicate outcome name " + JsonInput.quote(name) + " (also outcomes[" + previous
            + "])");
        continue;
      }
      list.add(new Outcome(name, cost));
    }
    outcomes = issues.count() > before ? null : list;
  }

  private void readShortcut(JsonNode node) {
    String kindPath = "outcomes.shortcut";
    JsonNode kindNode = node.get("shortcut");
    if (kindNode == null) {
      issues.add(kindPath, "missing required field",
          "use \"shortcut\": \"single-item\", \"public-project\" or \"bilateral-trade\", or list the outcomes");
      return;
    }
    String kind = in.text(kindNode, kindPath);
    if (kind == null) {
      return;
    }
    int before = issues.count();
    switch (kind) {
      case "single-item" -> {
        in.checkFields(node, "outcomes", List.of("shortcut"));
        shortcut = Shortcut.SINGLE_ITEM;
        if (agents != null) {
          List<Outcome> list = new ArrayList<>();
          list.add(Outcome.of("none"));
          for (Agent a : agents) {
            if (a.name().equals("none")) {
              issues.add("outcomes", "single-item names an outcome after each agent, and \"none\" is taken",
                  "rename the agent called \"none\"");
            }
            list.add(Outcome.of(a.name()));
          }
          outcomes = issues.count() > before ? null : list;
        }
      }
      case "public-project" -> {
        in.checkFields(node, "outcomes", List.of("shortcut", "cost"));
        shortcut = Shortcut.PUBLIC_PROJECT;
        BigFraction cost =
            node.has("cost") ? in.number(node.get("cost"), "outcomes.cost") : BigFraction.ZERO;
        if (cost != null) {
          outcomes = List.of(Outcome.of("no"), new Outcome("build", cost));
        }
      }
      case "bilateral-trade" -> {
        in.checkFields(node, "outcomes", List.of("shortcut", "seller", "buyer"));
        shortcut = Shortcut.BILATERAL_TRADE;
        readTrader(node, "seller");
        readTrader(node, "buyer");
        if (agents != null && agents.size() != 2) {
          issues.add("outcomes.shortcut", "bilateral-trade needs exactly two agents, the problem has "
              + agents.size());
        }
        // Without agents (they had issues of their own) the traders cannot be resolved, and need not be.
        if (issues.count() == before && agents != null) {
          seller = ProfileRef.agentIndex(agents, node.get("seller").textValue());
          buyer = ProfileRef.agentIndex(agents, node.get("buyer").textValue());
          if (seller == buyer) {
            issues.add("outcomes.buyer", "the buyer must differ from the seller");
            return;
          }
          outcomes = List.of(Outcome.of("no-trade"), Outcome.of("trade"));
        }
      }
      default -> issues.add(kindPath, "unknown shortcut " + JsonInput.quote(kind),
          "one of: single-item, public-project, bilateral-trade");
    }
  }

  private void readTrader(JsonNode node, String role) {
    String path = Issues.field("outcomes", role);
    if (!node.has(role)) {
      issues.add(path, "missing required field");
      return;
    }
    String name = in.text(node.get(role), path);
    if (name != null && agents != null && ProfileRef.agentIndex(agents, name) < 0) {
      issues.add(path, "unknown agent " + JsonInput.quote(name), "known agents: " + ProfileRef.names(agents));
    }
  }

  private Prior readPrior(JsonNode joint) {
    TypeProfiles profiles = TypeProfiles.of(agents);
    boolean anyAgentPrior = agentPriorNodes.stream().anyMatch(n -> n != null);
    if (joint != null) {
      for (int i = 0; i < agents.size(); i++) {
        if (agentPriorNodes.get(i) != null) {
          issues.add(Issues.field(Issues.index("agents", i), "prior"),
              "not allowed together with the top-level joint \"prior\"", "remove one of the two");
        }
      }
      for (int j = 0; j < stateProbabilityNodes.size(); j++) {
        if (stateProbabilityNodes.get(j) != null) {
          issues.add(Issues.field(Issues.index("states", j), "p"),
              "not allowed together with the top-level joint \"prior\"", "remove one of the two");
        }
      }
      return readJointPrior(joint, profiles);
    }
    if (!anyAgentPrior) {
      issues.add("prior", "missing: give every agent a \"prior\" (independent types) or a top-level joint \"prior\"");
      return null;
    }
    int before = issues.count();
    List<List<BigFraction>> agentPriors = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      String path = Issues.field(Issues.index("agents", i), "prior");
      JsonNode node = agentPriorNodes.get(i);
      if (node == null) {
        issues.add(path, "missing: every agent needs a \"prior\" unless a top-level joint \"prior\" is given");
        continue;
      }
      agentPriors.add(readDistribution(node, path, agents.get(i)));
    }
    List<BigFraction> statePrior = List.of(BigFraction.ONE);
    if (statesGiven) {
      statePrior = readStatePrior();
    }
    if (issues.count() > before) {
      return null;
    }
    return Prior.independent(profiles, agentPriors, statePrior);
  }

  private List<BigFraction> readDistribution(JsonNode node, String path, Agent agent) {
    List<String> names = agent.types().stream().map(AgentType::name).toList();
    BigFraction[] p = NamedDistribution.read(in, issues, node, path, "type", names,
        "types of " + agent.name() + ": " + ProfileRef.typeNames(agent), true, "expected 1");
    return p == null ? null : Arrays.asList(p);
  }

  private List<BigFraction> readStatePrior() {
    int before = issues.count();
    List<BigFraction> p = new ArrayList<>();
    for (int j = 0; j < states.size(); j++) {
      String path = Issues.field(Issues.index("states", j), "p");
      JsonNode node = stateProbabilityNodes.get(j);
      if (node == null) {
        issues.add(path, "missing: with per-agent priors every state needs a probability \"p\"");
        continue;
      }
      p.add(in.nonNegative(node, path, "probability"));
    }
    if (issues.count() == before) {
      BigFraction sum = p.stream().reduce(BigFraction.ZERO, BigFraction::add);
      if (!sum.equals(BigFraction.ONE)) {
        issues.add("states", "state probabilities sum to " + JsonInput.ratio(sum) + ", expected 1");
      }
    }
    return p;
  }

  private void checkSum(List<BigFraction> p, String path) {
    BigFraction sum = p.stream().reduce(BigFraction.ZERO, BigFraction::add);
    if (!sum.equals(BigFraction.ONE)) {
      issues.add(path, "sums to " + JsonInput.ratio(sum) + ", expected 1");
    }
  }

  private Prior readJointPrior(JsonNode node, TypeProfiles profiles) {
    if (!in.expectArray(node, "prior")) {
      return null;
    }
    int before = issues.count();
    int stateCount = states.size();
    Map<Long, BigFraction> entries = new HashMap<>();
    Map<Long, Integer> firstAt = new HashMap<>();
    for (int e = 0; e < node.size(); e++) {
      String path = Issues.index("prior", e);
      JsonNode entry = node.get(e);
      if (!in.expectObject(entry, path)) {
        continue;
      }
      in.checkFields(entry, path, List.of("types", "state", "p"));
      int[] types = null;
      if (entry.has("types")) {
        types = ProfileRef.read(entry.get("types"), Issues.field(path, "types"), agents, in, issues);
      } else {
        issues.add(Issues.field(path, "types"), "missing required field");
      }
      int state = readStateRef(entry, path, true);
      BigFraction p = null;
      if (entry.has("p")) {
        p = in.nonNegative(entry.get("p"), Issues.field(path, "p"), "probability");
      } else {
        issues.add(Issues.field(path, "p"), "missing required field");
      }
      if (types == null || state < 0 || p == null) {
        continue;
      }
      long key = (long) profiles.encode(types) * stateCount + state;
      Integer previous = firstAt.putIfAbsent(key, e);
      if (previous != null) {
        issues.add(path, "duplicate entry for " + ProfileRef.describe(agents, types)
            + (statesGiven ? ", state " + states.get(state).name() : "") + " (also prior[" + previous + "])");
        continue;
      }
      entries.put(key, p);
    }
    if (issues.count() > before) {
      return null;
    }
    checkSum(new ArrayList<>(entries.values()), "prior");
    return Prior.joint(profiles, stateCount, entries);
  }

  /**
   * Reads the {@code "state"} field of {@code entry}: the state index, 0 without states, or -1 after an issue.
   * When {@code required} is false an absent field gives {@link Integer#MAX_VALUE} (all states).
   */
  int readStateRef(JsonNode entry, String path, boolean required) {
    String at = Issues.field(path, "state");
    JsonNode node = entry.get("state");
    if (node == null) {
      if (!statesGiven) {
        return 0;
      }
      if (required) {
        issues.add(at, "missing: the problem has states");
        return -1;
      }
      return Integer.MAX_VALUE;
    }
    String name = in.text(node, at);
    if (name == null) {
      return -1;
    }
    if (!statesGiven) {
      issues.add(at, "the problem declares no states");
      return -1;
    }
    for (int w = 0; w < states.size(); w++) {
      if (states.get(w).name().equals(name)) {
        return w;
      }
    }
    issues.add(at, "unknown state " + JsonInput.quote(name),
        "states: " + String.join(", ", states.stream().map(State::name).toList()));
    return -1;
  }
}
