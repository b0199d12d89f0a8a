package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.CustomConstraint;
import org.mechlp.model.FixedAllocation;
import org.mechlp.model.Fractions;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.MechanismSpec;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Outcome;
import org.mechlp.model.PinnedUtility;
import org.mechlp.model.Problem;
import org.mechlp.model.TransferSpec;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.ValueFunction;

/** Reads the {@code "mechanism"} and {@code "objective"} sections. */
final class SpecParser {
  private static final String MECHANISM = "mechanism";
  private static final List<String> TIE_BREAKS = List.of("split", "first", "last");

  private final ProblemParser problem;
  private final Issues issues;
  private final JsonInput in;
  private final List<Agent> agents;
  private final boolean calibrated;
  private String efficientTieBreak;
  private boolean icGiven;
  private IcKind ic;

  /**
   * A reader for one problem; {@code calibrated} (the file has a calibration block) changes the IC and IR defaults
   * to the ones calibrated mechanisms use and refuses the constraints they do not support.
   */
  SpecParser(ProblemParser problem, boolean calibrated) {
    this.problem = problem;
    this.issues = problem.issues();
    this.in = problem.in();
    this.agents = problem.agents();
    this.calibrated = calibrated;
    this.ic = calibrated ? IcKind.BIC : IcKind.DSIC;
  }

  /** The mechanism constraints (defaults for absent fields), or null after an issue or without agents. */
  MechanismSpec readMechanism(JsonNode node) {
    int before = issues.count();
    IrKind ir = calibrated ? IrKind.INTERIM : IrKind.EX_POST;
    List<List<BigFraction>> outside = agents == null ? null : zeroOptions();
    BudgetKind budget = BudgetKind.NONE;
    BigFraction amount = BigFraction.ZERO;
    TransferSpec transfers = agents == null ? null : TransferSpec.free(agents.size());
    FixedAllocation fixed = null;
    List<PinnedUtility> pinned = List.of();
    List<CustomConstraint> constraints = List.of();
    if (node != null && in.expectObject(node, MECHANISM)) {
      in.checkFields(node, MECHANISM, List.of("ic", "ir", "budget", "transfers", "allocation", "pinnedUtilities",
          "constraints"));
      if (node.has("ic")) {
        icGiven = true;
        IcKind k = enumValue(node.get("ic"), "mechanism.ic", IcKind.values(), IcKind::json);
        // With several agents and a public signal, "expost" means posterior ex post IC (docs/THEORY.md, Several agents:
        // a public signal): each agent knows the others' types but not the state.
        boolean posteriorExPost = k == IcKind.EX_POST && agents != null && agents.size() > 1;
        if (calibrated && (k == IcKind.DSIC || k == IcKind.EX_POST) && !posteriorExPost) {
          issues.add("mechanism.ic", JsonInput.quote(k.json()) + " does not apply to calibrated mechanisms",
              "use \"bic\": IC is imposed under the agent's posterior");
          k = null;
        }
        ic = k == null ? ic : k;
      }
      if (node.has("ir")) {
        JsonNode irNode = node.get("ir");
        String path = "mechanism.ir";
        if (irNode.isObject()) {
          in.checkFields(irNode, path, List.of("kind", "outsideOption"));
          ir = calibratedIr(requiredKind(irNode, path, IrKind.values(), IrKind::json, ir), irNode.get("kind"),
              Issues.field(path, "kind"));
          if (irNode.has("outsideOption") && agents != null) {
            outside = readOutsideOptions(irNode.get("outsideOption"), Issues.field(path, "outsideOption"));
          }
        } else {
          IrKind k = enumValue(irNode, path, IrKind.values(), IrKind::json);
          ir = k == null ? ir : calibratedIr(k, irNode, path);
        }
      }
      if (node.has("budget")) {
        JsonNode b = node.get("budget");
        String path = "mechanism.budget";
        if (b.isObject()) {
          in.checkFields(b, path, List.of("kind", "amount"));
          budget = requiredKind(b, path, BudgetKind.values(), BudgetKind::json, budget);
          if (b.has("amount")) {
            BigFraction a = in.nonNegative(b.get("amount"), Issues.field(path, "amount"), "amount");
            amount = a == null ? amount : a;
          }
        } else {
          BudgetKind k = enumValue(b, path, BudgetKind.values(), BudgetKind::json);
          budget = k == null ? budget : k;
        }
        if (calibrated && budget != BudgetKind.NONE) {
          issues.add(b.isObject() ? Issues.field(path, "kind") : path,
              "a budget constraint is not supported for calibrated mechanisms", "remove \"budget\"");
        }
      }
      if (node.has("transfers")) {
        transfers = readTransfers(node.get("transfers"), "mechanism.transfers");
      }
      if (node.has("allocation") && calibrated) {
        issues.add("mechanism.allocation", "a fixed allocation is not supported for calibrated mechanisms",
            "remove \"allocation\": the calibrated solver chooses the allocation");
      } else if (node.has("allocation")) {
        fixed = readAllocation(node.get("allocation"), "mechanism.allocation");
      }
      if (node.has("pinnedUtilities") && calibrated) {
        issues.add("mechanism.pinnedUtilities", "pinned utilities are not supported for calibrated mechanisms",
            "remove \"pinnedUtilities\"");
      } else if (node.has("pinnedUtilities") && agents != null) {
        pinned = readPinnedUtilities(node.get("pinnedUtilities"), "mechanism.pinnedUtilities");
      }
      if (node.has("constraints") && calibrated) {
        issues.add("mechanism.constraints", "custom constraints are not supported for calibrated mechanisms",
            "remove \"constraints\": the calibrated LPs are over posteriors, not the rows they would name");
      } else if (node.has("constraints") && agents != null && problem.outcomes() != null) {
        constraints = new ConstraintParser(problem).read(node.get("constraints"), "mechanism.constraints");
      }
    }
    if (issues.count() > before || agents == null) {
      return null;
    }
    return new MechanismSpec(ic, ir, outside, budget, amount, transfers, fixed, pinned, constraints);
  }

  /**
   * The IR kind a calibrated problem may use: {@code interim} or {@code none}; reports the others at {@code path}
   * and keeps the calibrated default for them.
   */
  private IrKind calibratedIr(IrKind kind, JsonNode given, String path) {
    if (!calibrated || kind == IrKind.INTERIM || kind == IrKind.NONE || given == null) {
      return kind;
    }
    issues.add(path, JsonInput.quote(kind.json()) + " does not apply to calibrated mechanisms",
        "use \"interim\": participation is imposed under the agent's posterior");
    return IrKind.INTERIM;
  }

  /** Reports {@code "dsic"} (given or by default) when some valuation depends on other agents' types. */
  void checkIcAgainstValues(JsonNode mechanismNode, List<ValueFunction> valuations) {
    if (ic != IcKind.DSIC) {
      return;
    }
    for (int i = 0; i < valuations.size(); i++) {
      if (valuations.get(i).scope() == ValueFunction.Scope.PROFILE) {
        issues.add("mechanism.ic",
            (icGiven ? "\"dsic\"" : "the default \"dsic\"") + " needs private values, but the valuation of agent "
                + agents.get(i).name() + " depends on other agents' types",
            "use \"expost\" (or \"bic\")");
        return;
      }
    }
  }

  /**
   * The spec with the efficient allocation filled in when the file asked for it (it needs the expected values of
   * the finished problem); the same spec otherwise.
   */
  MechanismSpec completeAllocation(Problem draft) {
    MechanismSpec spec = draft.mechanism();
    if (efficientTieBreak == null) {
      return spec;
    }
    TypeProfiles profiles = draft.profiles();
    List<List<BigFraction>> lotteries = new ArrayList<>();
    for (int p = 0; p < profiles.count(); p++) {
      BigFraction[] surplus = new BigFraction[draft.outcomeCount()];
      BigFraction best = null;
      for (int o = 0; o < surplus.length; o++) {
        BigFraction s = draft.outcomes().get(o).cost().negate();
        for (int i = 0; i < draft.agentCount(); i++) {
          s = s.add(draft.expectedValue(i, o, p, profiles));
        }
        surplus[o] = s;
        best = best == null || s.compareTo(best) > 0 ? s : best;
      }
      List<Integer> maximizers = new ArrayList<>();
      for (int o = 0; o < surplus.length; o++) {
        if (surplus[o].equals(best)) {
          maximizers.add(o);
        }
      }
      BigFraction[] lottery = new BigFraction[surplus.length];
      Arrays.fill(lottery, BigFraction.ZERO);
      switch (efficientTieBreak) {
        case "first" -> lottery[maximizers.get(0)] = BigFraction.ONE;
        case "last" -> lottery[maximizers.get(maximizers.size() - 1)] = BigFraction.ONE;
        default -> {
          BigFraction share = new BigFraction(1, maximizers.size());
          maximizers.forEach(o -> lottery[o] = share);
        }
      }
      lotteries.add(Arrays.asList(lottery));
    }
    return new MechanismSpec(spec.ic(), spec.ir(), spec.outsideOptions(), spec.budget(), spec.budgetAmount(),
        spec.transfers(), new FixedAllocation("efficient", lotteries), spec.pinnedUtilities(),
        spec.constraints());
  }

  /** The objective (maximize revenue by default), or null after an issue. */
  Objective readObjective(JsonNode node, boolean hasDesigner) {
    String path = "objective";
    if (node == null) {
      return Objective.maximize(ObjectiveTerm.REVENUE);
    }
    int before = issues.count();
    Objective result = null;
    if (node.isTextual() && node.textValue().equals("feasibility")) {
      result = Objective.feasibility();
    } else if (node.isTextual()) {
      ObjectiveTerm term = term(node.textValue(), path, hasDesigner);
      result = term == null ? null : Objective.maximize(term);
    } else if (node.isObject()) {
      in.checkFields(node, path, List.of("maximize", "minimize"));
      boolean max = node.has("maximize");
      if (max == node.has("minimize")) {
        issues.add(path, max ? "give only one of \"maximize\", \"minimize\""
            : "expected \"maximize\" or \"minimize\"");
        return null;
      }
      String direction = max ? "maximize" : "minimize";
      String at = Issues.field(path, direction);
      JsonNode what = node.get(direction);
      Map<ObjectiveTerm, BigFraction> weights = new EnumMap<>(ObjectiveTerm.class);
      if (what.isTextual()) {
        ObjectiveTerm term = term(what.textValue(), at, hasDesigner);
        if (term != null) {
          weights.put(term, BigFraction.ONE);
        }
      } else if (what.isObject()) {
        for (Map.Entry<String, JsonNode> e : what.properties()) {
          String termPath = Issues.field(at, e.getKey());
          ObjectiveTerm term = termName(e.getKey(), termPath, hasDesigner, "unknown objective term");
          BigFraction w = in.number(e.getValue(), termPath);
          if (term != null && w != null) {
            weights.put(term, w);
          }
        }
        if (what.isEmpty()) {
          issues.add(at, "must weigh at least one term", "use \"objective\": \"feasibility\" for no objective");
        }
      } else {
        issues.add(at, "expected a term such as \"revenue\" or an object of weights, got "
            + JsonInput.describe(what));
      }
      result = new Objective(max, weights);
    } else {
      issues.add(path, "expected a string such as \"revenue\" or an object, got " + JsonInput.describe(node));
    }
    return issues.count() > before ? null : result;
  }

  private ObjectiveTerm term(String name, String path, boolean hasDesigner) {
    return termName(name, path, hasDesigner, "unknown objective " + JsonInput.quote(name));
  }

  private ObjectiveTerm termName(String name, String path, boolean hasDesigner, String unknownMessage) {
    for (ObjectiveTerm t : ObjectiveTerm.values()) {
      if (t.json().equals(name)) {
        if (t == ObjectiveTerm.DESIGNER && !hasDesigner) {
          issues.add(path, "\"designer\" needs a top-level \"designer\" block with the designer's values");
          return null;
        }
        return t;
      }
    }
    List<String> known = new ArrayList<>(Arrays.stream(ObjectiveTerm.values()).map(ObjectiveTerm::json).toList());
    if (path.equals("objective")) {
      known.add("feasibility");
    }
    issues.add(path, unknownMessage, "one of: " + String.join(", ", known));
    return null;
  }

  private <E> E enumValue(JsonNode node, String path, E[] values, Function<E, String> name) {
    String s = in.text(node, path);
    if (s == null) {
      return null;
    }
    for (E e : values) {
      if (name.apply(e).equals(s)) {
        return e;
      }
    }
    issues.add(path, "unknown value " + JsonInput.quote(s),
        "one of: " + String.join(", ", Arrays.stream(values).map(name).toList()));
    return null;
  }

  private <E> E requiredKind(JsonNode node, String path, E[] values, Function<E, String> name, E fallback) {
    String at = Issues.field(path, "kind");
    if (!node.has("kind")) {
      issues.add(at, "missing required field");
      return fallback;
    }
    E e = enumValue(node.get("kind"), at, values, name);
    return e == null ? fallback : e;
  }

  private List<List<BigFraction>> zeroOptions() {
    List<List<BigFraction>> options = new ArrayList<>();
    for (Agent a : agents) {
      options.add(Collections.nCopies(a.typeCount(), BigFraction.ZERO));
    }
    return options;
  }

  /** {@code {"agent": {"type": utility, ...}, ...}}: the interim utilities to pin, in agent then type order. */
  private List<PinnedUtility> readPinnedUtilities(JsonNode node, String path) {
    List<PinnedUtility> pinned = new ArrayList<>();
    if (!node.isObject()) {
      issues.add(path, "expected an object of agents, each an object of types and utilities, got "
          + JsonInput.describe(node));
      return pinned;
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String at = Issues.field(path, e.getKey());
      int agent = ProfileRef.agentIndex(agents, e.getKey());
      if (agent < 0) {
        issues.add(at, "unknown agent", "known agents: " + ProfileRef.names(agents));
        continue;
      }
      Agent a = agents.get(agent);
      if (!e.getValue().isObject()) {
        issues.add(at, "expected an object of types and utilities such as {\"" + a.types().get(0).name() + "\": 0}, got "
            + JsonInput.describe(e.getValue()));
        continue;
      }
      readTypeNumbers(a, e.getValue(), at, (type, v) -> pinned.add(new PinnedUtility(agent, type, v)));
    }
    pinned.sort(Comparator.comparingInt(PinnedUtility::agent).thenComparingInt(PinnedUtility::type));
    return pinned;
  }

  /** Receives one type's number from an object {type: number}. */
  private interface TypeNumberSink {
    void accept(int type, BigFraction value);
  }

  /**
   * Reads an object {type name: number} of agent {@code a} at {@code path}: each unknown type name and each value
   * that is not a number is an issue (and is skipped); every other entry goes to {@code sink}.
   */
  private void readTypeNumbers(Agent a, JsonNode object, String path, TypeNumberSink sink) {
    for (Map.Entry<String, JsonNode> t : object.properties()) {
      String typePath = Issues.field(path, t.getKey());
      int type = a.typeIndex(t.getKey());
      if (type < 0) {
        issues.add(typePath, "unknown type of agent " + a.name(), "types of " + a.name() + ": "
            + ProfileRef.typeNames(a));
        continue;
      }
      BigFraction v = in.number(t.getValue(), typePath);
      if (v != null) {
        sink.accept(type, v);
      }
    }
  }

  private List<List<BigFraction>> readOutsideOptions(JsonNode node, String path) {
    List<List<BigFraction>> options = new ArrayList<>();
    if (!node.isObject()) {
      BigFraction v = in.number(node, path);
      for (Agent a : agents) {
        options.add(Collections.nCopies(a.typeCount(), v == null ? BigFraction.ZERO : v));
      }
      return options;
    }
    BigFraction[][] table = new BigFraction[agents.size()][];
    for (int i = 0; i < agents.size(); i++) {
      table[i] = new BigFraction[agents.get(i).typeCount()];
      Arrays.fill(table[i], BigFraction.ZERO);
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
        BigFraction[] row = table[agent];
        readTypeNumbers(a, e.getValue(), at, (type, v) -> row[type] = v);
      } else {
        BigFraction v = in.number(e.getValue(), at);
        Arrays.fill(table[agent], v == null ? BigFraction.ZERO : v);
      }
    }
    for (BigFraction[] row : table) {
      options.add(Arrays.asList(row));
    }
    return options;
  }

  private TransferSpec readTransfers(JsonNode node, String path) {
    if (node.isBoolean()) {
      return agents == null ? null : new TransferSpec(node.booleanValue(), TransferSpec.free(agents.size()).bounds());
    }
    if (!node.isObject()) {
      issues.add(path, "expected true, false or an object, got " + JsonInput.describe(node));
      return null;
    }
    in.checkFields(node, path, List.of("allowed", "min", "max", "perAgent"));
    boolean allowed = true;
    if (node.has("allowed")) {
      Boolean b = in.bool(node.get("allowed"), Issues.field(path, "allowed"));
      allowed = b == null || b;
    }
    TransferSpec.Bound common = bound(node, path, TransferSpec.Bound.FREE);
    if (agents == null) {
      return null;
    }
    List<TransferSpec.Bound> bounds = new ArrayList<>(Collections.nCopies(agents.size(), common));
    if (node.has("perAgent")) {
      String at = Issues.field(path, "perAgent");
      JsonNode per = node.get("perAgent");
      if (in.expectObject(per, at)) {
        for (Map.Entry<String, JsonNode> e : per.properties()) {
          String agentPath = Issues.field(at, e.getKey());
          int agent = ProfileRef.agentIndex(agents, e.getKey());
          if (agent < 0) {
            issues.add(agentPath, "unknown agent", "known agents: " + ProfileRef.names(agents));
            continue;
          }
          if (in.expectObject(e.getValue(), agentPath)) {
            in.checkFields(e.getValue(), agentPath, List.of("min", "max"));
            bounds.set(agent, bound(e.getValue(), agentPath, common));
          }
        }
      }
    }
    return new TransferSpec(allowed, bounds);
  }

  /** The {@code min}/{@code max} of {@code node}; absent ends keep {@code base}'s, null ends are unbounded. */
  private TransferSpec.Bound bound(JsonNode node, String path, TransferSpec.Bound base) {
    BigFraction lower = boundEnd(node, path, "min", base.lower());
    BigFraction upper = boundEnd(node, path, "max", base.upper());
    if (lower != null && upper != null && lower.compareTo(upper) > 0) {
      issues.add(path, "min " + Fractions.format(lower) + " exceeds max " + Fractions.format(upper));
    }
    return new TransferSpec.Bound(lower, upper);
  }

  private BigFraction boundEnd(JsonNode node, String path, String field, BigFraction base) {
    if (!node.has(field)) {
      return base;
    }
    JsonNode v = node.get(field);
    return v.isNull() ? null : in.number(v, Issues.field(path, field));
  }

  private FixedAllocation readAllocation(JsonNode node, String path) {
    if (node.isTextual()) {
      if (node.textValue().equals("efficient")) {
        efficientTieBreak = "split";
      } else {
        issues.add(path, "unknown value " + JsonInput.quote(node.textValue()),
            "use \"efficient\", {\"efficient\": {\"tieBreak\": \"first\"}} or {\"profiles\": [...]}");
      }
      return null;
    }
    if (!in.expectObject(node, path)) {
      return null;
    }
    in.checkFields(node, path, List.of("efficient", "profiles"));
    if (node.has("efficient") == node.has("profiles")) {
      issues.add(path, node.has("efficient") ? "give only one of \"efficient\", \"profiles\""
          : "expected \"efficient\" or \"profiles\"");
      return null;
    }
    if (node.has("efficient")) {
      String at = Issues.field(path, "efficient");
      JsonNode e = node.get("efficient");
      if (in.expectObject(e, at)) {
        in.checkFields(e, at, List.of("tieBreak"));
        efficientTieBreak = "split";
        if (e.has("tieBreak")) {
          String tiePath = Issues.field(at, "tieBreak");
          String tie = in.text(e.get("tieBreak"), tiePath);
          if (tie != null && !TIE_BREAKS.contains(tie)) {
            issues.add(tiePath, "unknown value " + JsonInput.quote(tie), "one of: " + String.join(", ", TIE_BREAKS));
          } else if (tie != null) {
            efficientTieBreak = tie;
          }
        }
      }
      return null;
    }
    if (agents == null || problem.outcomes() == null) {
      return null;
    }
    return readAllocationTable(node.get("profiles"), Issues.field(path, "profiles"));
  }

  private FixedAllocation readAllocationTable(JsonNode node, String path) {
    if (!in.expectArray(node, path)) {
      return null;
    }
    int before = issues.count();
    TypeProfiles profiles = TypeProfiles.of(agents);
    List<Outcome> outcomes = problem.outcomes();
    BigFraction[][] lotteries = new BigFraction[profiles.count()][];
    int[] firstAt = new int[profiles.count()];
    for (int e = 0; e < node.size(); e++) {
      String at = Issues.index(path, e);
      JsonNode entry = node.get(e);
      if (!in.expectObject(entry, at)) {
        continue;
      }
      in.checkFields(entry, at, List.of("types", "lottery"));
      int[] types = null;
      if (entry.has("types")) {
        types = ProfileRef.read(entry.get("types"), Issues.field(at, "types"), agents, in, issues);
      } else {
        issues.add(Issues.field(at, "types"), "missing required field");
      }
      BigFraction[] lottery = null;
      if (entry.has("lottery")) {
        lottery = readLottery(entry.get("lottery"), Issues.field(at, "lottery"), outcomes);
      } else {
        issues.add(Issues.field(at, "lottery"), "missing required field");
      }
      if (types == null || lottery == null) {
        continue;
      }
      int profile = profiles.encode(types);
      if (lotteries[profile] != null) {
        issues.add(at, "duplicate profile " + ProfileRef.describe(agents, types) + " (also "
            + Issues.index(path, firstAt[profile]) + ")");
        continue;
      }
      lotteries[profile] = lottery;
      firstAt[profile] = e;
    }
    if (issues.count() > before) {
      return null;
    }
    MissingProfiles.report(lotteries, profiles, agents, path, issues);
    if (issues.count() > before) {
      return null;
    }
    List<List<BigFraction>> rows = new ArrayList<>();
    for (BigFraction[] l : lotteries) {
      rows.add(Arrays.asList(l));
    }
    return new FixedAllocation("table", rows);
  }

  private BigFraction[] readLottery(JsonNode node, String path, List<Outcome> outcomes) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    BigFraction[] lottery = new BigFraction[outcomes.size()];
    Arrays.fill(lottery, BigFraction.ZERO);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String at = Issues.field(path, e.getKey());
      int o = problem.outcomeIndex(e.getKey());
      if (o < 0) {
        issues.add(at, "unknown outcome", "outcomes: " + problem.outcomeNames());
        continue;
      }
      BigFraction p = in.nonNegative(e.getValue(), at, "probability");
      if (p != null) {
        lottery[o] = p;
      }
    }
    if (issues.count() > before) {
      return null;
    }
    BigFraction sum = Arrays.stream(lottery).reduce(BigFraction.ZERO, BigFraction::add);
    if (!sum.equals(BigFraction.ONE)) {
      issues.add(path, "sums to " + JsonInput.ratio(sum) + ", expected 1");
      return null;
    }
    return lottery;
  }
}
