package org.mechlp.model.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.json.StrictJson;

/**
 * Reads and validates a multi-period problem: a {@code mechlp/1} file with a {@code periods} block (docs/FORMAT.md,
 * Dynamic problems). Every issue is reported at once with its JSON path; nothing is returned unless the file is
 * valid. Top-level data are stationary; {@code by_period} overrides signals, actions, utilities or the transition of
 * single periods of a finite horizon.
 */
public final class DynamicProblemReader {
  static final List<String> FIELDS =
      List.of("$schema", "format", "name", "description", "periods", "agents", "actions", "utilities",
          "transition", "initial", "by_period", "final", "contingent", "expect");
  private static final List<String> PERIOD_FIELDS = List.of("period", "signals", "actions", "utilities", "transition");

  private final DynamicJson in;
  private final String source;

  private DynamicProblemReader(String source) {
    this.source = source;
    this.in = new DynamicJson(source);
  }

  /** True when {@code file} is a JSON object with a {@code periods} field (a multi-period problem). */
  public static boolean isDynamic(Path file) {
    if (!Files.isRegularFile(file)) {
      return false; // a device or a pipe is for the ordinary reader, which refuses it with the size limit
    }
    try {
      JsonNode root = DynamicJson.parse(StrictJson.readText(file), file.toString());
      return root.isObject() && root.has("periods");
    } catch (IOException | InvalidInputException e) {
      return false; // the ordinary reader reports unreadable or malformed files
    }
  }

  /** Reads and validates a multi-period problem file. */
  public static DynamicProblem read(Path file) throws IOException, InvalidInputException {
    return read(StrictJson.readText(file), file.toString());
  }

  /** Reads a multi-period problem from JSON text; {@code source} names it in messages. */
  public static DynamicProblem read(String json, String source) throws InvalidInputException {
    DynamicProblemReader reader = new DynamicProblemReader(source);
    DynamicProblem problem = reader.parse(DynamicJson.parse(json, source));
    reader.in.throwIfAny();
    return problem;
  }

  private DynamicProblem parse(JsonNode root) throws InvalidInputException {
    if (!in.expectObject(root, "")) {
      in.throwIfAny();
    }
    in.checkFields(root, "", FIELDS);
    JsonNode format = root.get("format");
    if (format != null && !"mechlp/1".equals(format.asText())) {
      in.add("format", "expected \"mechlp/1\", got " + DynamicJson.describe(format));
    }
    String name = root.has("name") ? in.text(root.get("name"), "name") : defaultName(source);
    String description = root.has("description") ? in.text(root.get("description"), "description") : "";
    Integer horizon = null;
    boolean infinite = false;
    BigFraction discount = null;
    JsonNode periods = root.get("periods");
    if (in.expectObject(periods, "periods")) {
      in.checkFields(periods, "periods", List.of("horizon", "discount"));
      JsonNode h = periods.get("horizon");
      if (h == null) {
        in.add("periods.horizon", "missing", "a number of periods such as 3, or \"infinite\"");
      } else if (h.isTextual() && h.textValue().equals("infinite")) {
        infinite = true;
      } else if (h.isIntegralNumber() && h.asLong() >= 1 && h.asLong() <= 100_000) {
        horizon = h.asInt();
      } else {
        in.add("periods.horizon", "expected a number of periods from 1 to 100000 or \"infinite\", got "
            + DynamicJson.describe(h));
      }
      JsonNode d = periods.get("discount");
      if (d == null) {
        in.add("periods.discount", "missing", "a discount factor in (0, 1], such as \"9/10\"");
      } else {
        discount = in.number(d, "periods.discount");
        if (discount != null && (discount.getNumerator().signum() <= 0 || discount.compareTo(BigFraction.ONE) > 0)) {
          in.add("periods.discount", "discount " + DynamicJson.ratio(discount) + " is outside (0, 1]");
          discount = null;
        } else if (discount != null && infinite && discount.equals(BigFraction.ONE)) {
          in.add("periods.discount", "an infinite horizon needs a discount below 1 (payoffs would be unbounded)");
          discount = null;
        }
      }
    }
    List<String> agents = new ArrayList<>();
    List<List<String>> signalNames = new ArrayList<>();
    List<List<BigFraction>> signalValues = new ArrayList<>();
    int beforeAgents = in.count();
    JsonNode agentsNode = root.get("agents");
    if (agentsNode == null) {
      in.add("agents", "missing");
    } else if (in.expectArray(agentsNode, "agents")) {
      if (agentsNode.size() < 2) {
        in.add("agents", "a dynamic problem needs at least 2 agents, got " + agentsNode.size());
      }
      for (int i = 0; i < agentsNode.size(); i++) {
        String path = "agents[" + i + "]";
        JsonNode a = agentsNode.get(i);
        if (!in.expectObject(a, path)) {
          continue;
        }
        in.checkFields(a, path, List.of("name", "signals"));
        String agentName = in.name(a.get("name"), path + ".name");
        if (agentName != null && agents.contains(agentName)) {
          in.add(path + ".name", "duplicate agent name \"" + agentName + "\"");
        }
        agents.add(agentName == null ? "agent" + (i + 1) : agentName);
        List<String> names = new ArrayList<>();
        List<BigFraction> values = new ArrayList<>();
        readSignals(a.get("signals"), path + ".signals", names, values);
        signalNames.add(names);
        signalValues.add(values);
      }
    }
    if (in.count() > beforeAgents || (horizon == null && !infinite)) {
      in.throwIfAny(); // everything below needs the agents, signals and horizon
    }
    SignalSpace space = new SignalSpace(signalNames, signalValues);
    JsonNode byPeriod = root.get("by_period");
    if (infinite && byPeriod != null) {
      in.add("by_period", "the horizon is infinite, so the data must be stationary: no per-period overrides");
    }
    int stageCount = infinite ? 1 : horizon;
    SignalSpace[] spaces = new SignalSpace[stageCount];
    Arrays.fill(spaces, space);
    JsonNode[] overrides = new JsonNode[stageCount];
    String[] overridePaths = new String[stageCount];
    if (!infinite && byPeriod != null && in.expectArray(byPeriod, "by_period")) {
      for (int k = 0; k < byPeriod.size(); k++) {
        String path = "by_period[" + k + "]";
        JsonNode o = byPeriod.get(k);
        if (!in.expectObject(o, path)) {
          continue;
        }
        in.checkFields(o, path, PERIOD_FIELDS);
        JsonNode p = o.get("period");
        if (p == null || !p.isIntegralNumber() || p.asInt() < 1 || p.asInt() > horizon) {
          in.add(path + ".period", "expected a period from 1 to " + horizon + ", got " + DynamicJson.describe(p));
          continue;
        }
        int t = p.asInt();
        if (overrides[t - 1] != null) {
          in.add(path + ".period", "period " + t + " is overridden twice");
          continue;
        }
        overrides[t - 1] = o;
        overridePaths[t - 1] = path;
        if (o.has("signals")) {
          spaces[t - 1] = overrideSignals(o.get("signals"), path + ".signals", agents, space);
        }
      }
    }
    if (in.count() > beforeAgents) {
      in.throwIfAny(); // a broken override leaves no signal spaces to read the tables against
    }
    List<String> defaultActions = root.has("actions") ? readActions(root.get("actions"), "actions") : null;
    List<Stage> stages = new ArrayList<>();
    BigFraction[][][] sharedUtility = null;
    Transition sharedTransition = null;
    for (int t = 1; t <= stageCount; t++) {
      JsonNode o = overrides[t - 1];
      String op = overridePaths[t - 1];
      List<String> actions =
          o != null && o.has("actions") ? readActions(o.get("actions"), op + ".actions") : defaultActions;
      if (actions == null) {
        in.add("actions", "missing", "a list of action names");
        break;
      }
      String uPath = o != null && o.has("utilities") ? op + ".utilities" : "utilities";
      JsonNode uNode = o != null && o.has("utilities") ? o.get("utilities") : root.get("utilities");
      // Stationary data are read once and shared by every period with the same signals and actions.
      boolean shared = o == null && spaces[t - 1].equals(space) && actions == defaultActions;
      BigFraction[][][] utility = shared && sharedUtility != null ? sharedUtility
          : readUtilities(uNode, uPath, agents, actions, spaces[t - 1]);
      if (shared) {
        sharedUtility = utility;
      }
      Transition transition = null;
      boolean last = !infinite && t == horizon;
      if (!last) {
        SignalSpace next = infinite ? spaces[0] : spaces[t];
        String tPath = o != null && o.has("transition") ? op + ".transition" : "transition";
        JsonNode tNode = o != null && o.has("transition") ? o.get("transition") : root.get("transition");
        boolean sharedT = shared && next.equals(space);
        transition = sharedT && sharedTransition != null ? sharedTransition
            : new TransitionReader(in, agents, actions, spaces[t - 1], next).read(tNode, tPath);
        if (sharedT) {
          sharedTransition = transition;
        }
      }
      stages.add(new Stage(spaces[t - 1], actions, utility, transition));
    }
    BigFraction[] initial = readInitial(root.get("initial"), space.equals(spaces[0]) ? space : spaces[0]);
    int finalAction = -1;
    JsonNode fin = root.get("final");
    if (fin != null && !stages.isEmpty()) {
      finalAction = readFinal(fin, infinite, stages.get(stages.size() - 1).actions());
    }
    ContingentSpec contingent = readContingent(root.get("contingent"));
    DynamicExpectation expect = root.has("expect") ? readExpect(root.get("expect")) : null;
    in.throwIfAny();
    return new DynamicProblem(name, description, agents, horizon, discount, stages, initial, finalAction,
        contingent, expect);
  }

  private void readSignals(JsonNode node, String path, List<String> names, List<BigFraction> values) {
    if (node == null) {
      in.add(path, "missing", "a list of signals such as [{\"name\": \"lo\", \"value\": 1}, ...]");
      return;
    }
    if (!in.expectArray(node, path)) {
      return;
    }
    if (node.isEmpty()) {
      in.add(path, "an agent needs at least one signal");
    }
    for (int s = 0; s < node.size(); s++) {
      String sp = path + "[" + s + "]";
      JsonNode sig = node.get(s);
      String n;
      BigFraction v = new BigFraction(s);
      if (sig.isTextual()) {
        n = in.name(sig, sp);
      } else if (in.expectObject(sig, sp)) {
        in.checkFields(sig, sp, List.of("name", "value"));
        n = in.name(sig.get("name"), sp + ".name");
        if (sig.has("value")) {
          BigFraction read = in.number(sig.get("value"), sp + ".value");
          v = read == null ? v : read;
        }
      } else {
        continue;
      }
      if (n != null && (n.contains(",") || n.equals("*"))) {
        in.add(sp, "a signal name may not contain \",\" or be \"*\" (profiles are written \"lo,hi\")");
      } else if (n != null && names.contains(n)) {
        in.add(sp, "duplicate signal name \"" + n + "\"");
      } else if (n != null) {
        names.add(n);
        values.add(v);
      }
    }
  }

  private SignalSpace overrideSignals(JsonNode node, String path, List<String> agents, SignalSpace base) {
    List<List<String>> names = new ArrayList<>();
    List<List<BigFraction>> values = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      names.add(base.names(i));
      List<BigFraction> v = new ArrayList<>();
      for (int s = 0; s < base.size(i); s++) {
        v.add(base.value(i, s));
      }
      values.add(v);
    }
    if (in.expectObject(node, path)) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        int i = agents.indexOf(e.getKey());
        if (i < 0) {
          in.add(path + "." + e.getKey(), "undeclared agent", "agents: " + String.join(", ", agents));
          continue;
        }
        List<String> n = new ArrayList<>();
        List<BigFraction> v = new ArrayList<>();
        readSignals(e.getValue(), path + "." + e.getKey(), n, v);
        names.set(i, n);
        values.set(i, v);
      }
    }
    return new SignalSpace(names, values);
  }

  private List<String> readActions(JsonNode node, String path) {
    List<String> actions = new ArrayList<>();
    if (!in.expectArray(node, path)) {
      return actions;
    }
    if (node.isEmpty()) {
      in.add(path, "at least one action is needed");
    }
    Set<String> seen = new HashSet<>();
    for (int k = 0; k < node.size(); k++) {
      String a = in.name(node.get(k), path + "[" + k + "]");
      if (a != null && (!seen.add(a) || a.equals("*"))) {
        in.add(path + "[" + k + "]", a.equals("*") ? "\"*\" is reserved (it means every action)"
            : "duplicate action \"" + a + "\"");
      } else if (a != null) {
        actions.add(a);
      }
    }
    return actions;
  }

  private BigFraction[][][] readUtilities(
      JsonNode node, String path, List<String> agents, List<String> actions, SignalSpace space) {
    BigFraction[][][] u = new BigFraction[agents.size()][actions.size()][space.profileCount()];
    if (node == null) {
      in.add(path, "missing", "per agent and action a number, an expression or a table keyed by profile");
      return u;
    }
    if (!in.expectObject(node, path)) {
      return u;
    }
    for (String key : DynamicJson.keys(node)) {
      if (!agents.contains(key)) {
        in.add(path + "." + key, "undeclared agent", "agents: " + String.join(", ", agents));
      }
    }
    for (int i = 0; i < agents.size(); i++) {
      String ap = path + "." + agents.get(i);
      JsonNode byAction = node.get(agents.get(i));
      if (byAction == null) {
        in.add(ap, "missing: no utilities for agent " + agents.get(i));
        continue;
      }
      if (!in.expectObject(byAction, ap)) {
        continue;
      }
      for (String key : DynamicJson.keys(byAction)) {
        if (!key.equals("*") && !actions.contains(key)) {
          in.add(ap + "." + key, "undeclared action", "actions: " + String.join(", ", actions));
        }
      }
      for (int a = 0; a < actions.size(); a++) {
        JsonNode spec = byAction.has(actions.get(a)) ? byAction.get(actions.get(a)) : byAction.get("*");
        String sp = ap + "." + (byAction.has(actions.get(a)) ? actions.get(a) : "*");
        if (spec == null) {
          in.add(ap + "." + actions.get(a), "missing: no utility of action " + actions.get(a));
          continue;
        }
        u[i][a] = new ProfileValues(in, space, agents).read(spec, sp);
      }
    }
    return u;
  }

  private BigFraction[] readInitial(JsonNode node, SignalSpace space) {
    BigFraction[] law = new BigFraction[space.profileCount()];
    if (node == null || (node.isTextual() && node.textValue().equals("uniform"))) {
      Arrays.fill(law, new BigFraction(1, space.profileCount()));
      return law;
    }
    Arrays.fill(law, BigFraction.ZERO);
    if (!in.expectObject(node, "initial")) {
      return law;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String p = "initial." + e.getKey();
      int profile = space.profileOf(e.getKey());
      if (profile < 0) {
        in.add(p, "undeclared signal profile \"" + e.getKey() + "\"", "profiles are written like \""
            + space.profileName(0) + "\"");
        continue;
      }
      BigFraction v = in.nonNegative(e.getValue(), p, "probability");
      if (v != null) {
        law[profile] = v;
      }
    }
    BigFraction sum = Arrays.stream(law).reduce(BigFraction.ZERO, BigFraction::add);
    if (!sum.equals(BigFraction.ONE)) {
      in.add("initial", "the initial law sums to " + DynamicJson.ratio(sum) + ", not exactly 1");
    }
    return law;
  }

  private int readFinal(JsonNode node, boolean infinite, List<String> actions) {
    if (infinite) {
      in.add("final", "an infinite horizon has no final period");
      return -1;
    }
    if (node.isTextual() && node.textValue().equals("efficient")) {
      return -1;
    }
    if (in.expectObject(node, "final")) {
      in.checkFields(node, "final", List.of("constant"));
      String a = in.text(node.get("constant") == null ? DynamicJson.missing() : node.get("constant"), "final.constant");
      if (a != null && !actions.contains(a)) {
        in.add("final.constant", "undeclared action \"" + a + "\"", "actions: " + String.join(", ", actions));
      } else if (a != null) {
        return actions.indexOf(a);
      }
    }
    return -1;
  }

  private ContingentSpec readContingent(JsonNode node) {
    ContingentSpec d = ContingentSpec.defaults();
    if (node == null || !in.expectObject(node, "contingent")) {
      return d;
    }
    in.checkFields(node, "contingent", List.of("variant", "objective", "bound"));
    ContingentSpec.Variant variant = d.variant();
    if (node.has("variant")) {
      String v = in.text(node.get("variant"), "contingent.variant");
      variant = Arrays.stream(ContingentSpec.Variant.values()).filter(x -> x.id().equals(v)).findFirst().orElse(null);
      if (variant == null) {
        in.add("contingent.variant", "unknown variant " + DynamicJson.describe(node.get("variant")),
            "report-dependent or vcg");
        variant = d.variant();
      }
    }
    ContingentSpec.Objective objective = d.objective();
    if (node.has("objective")) {
      String v = in.text(node.get("objective"), "contingent.objective");
      objective = Arrays.stream(ContingentSpec.Objective.values()).filter(x -> x.id().equals(v)).findFirst()
          .orElse(null);
      if (objective == null) {
        in.add("contingent.objective", "unknown objective " + DynamicJson.describe(node.get("objective")),
            "feasibility, min-max or margin");
        objective = d.objective();
      }
    }
    BigFraction bound = null;
    if (node.has("bound")) {
      bound = in.number(node.get("bound"), "contingent.bound");
      if (bound != null && bound.getNumerator().signum() <= 0) {
        in.add("contingent.bound", "the bound on |P| must be positive");
      }
    }
    if (objective == ContingentSpec.Objective.MARGIN && bound == null) {
      in.add("contingent.bound", "missing: the margin objective needs a bound B on |P|");
    }
    return new ContingentSpec(variant, objective, bound);
  }

  private DynamicExpectation readExpect(JsonNode node) {
    if (!in.expectObject(node, "expect")) {
      return null;
    }
    in.checkFields(node, "expect", List.of("source", "feasible", "welfare", "blocks", "check_passes"));
    String src = node.has("source") ? in.text(node.get("source"), "expect.source") : null;
    if (src == null) {
      in.add("expect.source", "missing: say where the expected answer comes from");
    }
    Boolean feasible = node.has("feasible") ? in.bool(node.get("feasible"), "expect.feasible") : null;
    BigFraction welfare = node.has("welfare") ? in.number(node.get("welfare"), "expect.welfare") : null;
    Integer blocks = null;
    if (node.has("blocks")) {
      if (node.get("blocks").isIntegralNumber()) {
        blocks = node.get("blocks").asInt();
      } else {
        in.add("expect.blocks", "expected a whole number, got " + DynamicJson.describe(node.get("blocks")));
      }
    }
    Boolean check = node.has("check_passes") ? in.bool(node.get("check_passes"), "expect.check_passes") : null;
    return new DynamicExpectation(src, feasible, welfare, blocks, check);
  }

  static String defaultName(String sourceName) {
    String n = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
    return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
  }
}
