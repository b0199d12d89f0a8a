package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.ConstraintQuantity;
import org.mechlp.model.CustomConstraint;
import org.mechlp.model.CustomConstraint.Relation;
import org.mechlp.model.CustomConstraint.Term;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;

/**
 * Reads {@code mechanism.constraints}, the user's custom linear constraints (docs/FORMAT.md, Custom constraints):
 *
 * <pre>
 * "constraints": [
 *   {"name": "cap", "description": "...",
 *    "terms": [{"coefficient": "1/2", "allocation": {"agent": "a", "type": "lo", "outcomes": ["sell"]}}, ...],
 *    "&lt;=": "1/3"}
 * ]
 * </pre>
 *
 * Every unknown name (agent, type, outcome, quantity, field) is an issue at its JSON path; nothing is guessed.
 */
final class ConstraintParser {
  private static final List<String> FIELDS = List.of("name", "description", "terms", "<=", ">=", "=");
  private static final List<String> TERM_FIELDS = List.of("coefficient", "allocation", "probability", "payment",
      "utility", "budget");

  private final ProblemParser problem;
  private final Issues issues;
  private final JsonInput in;
  private final List<Agent> agents;

  ConstraintParser(ProblemParser problem) {
    this.problem = problem;
    this.issues = problem.issues();
    this.in = problem.in();
    this.agents = problem.agents();
  }

  /** The constraints at {@code path}; those with issues are reported and left out. */
  List<CustomConstraint> read(JsonNode node, String path) {
    List<CustomConstraint> result = new ArrayList<>();
    if (!in.expectArray(node, path)) {
      return result;
    }
    Map<String, String> seen = new HashMap<>();
    for (int c = 0; c < node.size(); c++) {
      String at = Issues.index(path, c);
      JsonNode entry = node.get(c);
      // Names are compared even when the rest of an entry has issues, so a duplicate is never hidden by them.
      JsonNode name = entry.isObject() ? entry.get("name") : null;
      String first = name != null && name.isTextual() ? seen.putIfAbsent(name.textValue(), at) : null;
      if (first != null) {
        issues.add(Issues.field(at, "name"), "duplicate constraint name " + JsonInput.quote(name.textValue())
            + " (also " + first + ")", "give every constraint its own name: it names the LP row");
      }
      CustomConstraint constraint = readOne(entry, at);
      if (constraint != null && first == null) {
        result.add(constraint);
      }
    }
    return result;
  }

  private CustomConstraint readOne(JsonNode node, String path) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    in.checkFields(node, path, FIELDS);
    String name = null;
    if (node.has("name")) {
      name = in.name(node.get("name"), Issues.field(path, "name"));
    } else {
      issues.add(Issues.field(path, "name"), "missing required field", "a short name such as \"cap-low-type\"");
    }
    String description = "";
    if (node.has("description")) {
      String d = in.text(node.get("description"), Issues.field(path, "description"));
      description = d == null ? "" : d;
    }
    Relation relation = null;
    BigFraction rhs = null;
    for (Relation r : Relation.values()) {
      if (!node.has(r.json())) {
        continue;
      }
      if (relation != null) {
        issues.add(path, "give only one of \"<=\", \">=\", \"=\"");
        return null;
      }
      relation = r;
      rhs = in.number(node.get(r.json()), Issues.field(path, r.json()));
    }
    if (relation == null) {
      issues.add(path, "missing the relation and its constant",
          "add one of \"<=\": ..., \">=\": ..., \"=\": ... with an exact number such as \"1/3\"");
    }
    List<Term> terms = new ArrayList<>();
    String termsPath = Issues.field(path, "terms");
    if (!node.has("terms")) {
      issues.add(termsPath, "missing required field");
    } else if (in.expectArray(node.get("terms"), termsPath)) {
      if (node.get("terms").isEmpty()) {
        issues.add(termsPath, "must list at least one term");
      }
      for (int k = 0; k < node.get("terms").size(); k++) {
        Term term = readTerm(node.get("terms").get(k), Issues.index(termsPath, k));
        if (term != null) {
          terms.add(term);
        }
      }
    }
    if (issues.count() > before || name == null || rhs == null) {
      return null;
    }
    return new CustomConstraint(name, description, terms, relation, rhs, path);
  }

  private Term readTerm(JsonNode node, String path) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    in.checkFields(node, path, TERM_FIELDS);
    BigFraction coefficient = BigFraction.ONE;
    if (node.has("coefficient")) {
      coefficient = in.number(node.get("coefficient"), Issues.field(path, "coefficient"));
    }
    List<String> given = ConstraintQuantity.names().stream().filter(node::has).toList();
    if (given.size() != 1) {
      issues.add(path, given.isEmpty() ? "missing the quantity" : "give only one quantity per term, got "
              + String.join(", ", given),
          "one of: " + String.join(", ", ConstraintQuantity.names()) + " (with an optional \"coefficient\")");
      return null;
    }
    String kind = given.get(0);
    String at = Issues.field(path, kind);
    ConstraintQuantity quantity = switch (kind) {
      case "allocation" -> interimAllocation(node.get(kind), at);
      case "probability" -> outcomeProbability(node.get(kind), at);
      case "payment" -> payment(node.get(kind), at);
      case "utility" -> utility(node.get(kind), at);
      default -> budget(node.get(kind), at);
    };
    if (issues.count() > before || quantity == null || coefficient == null) {
      return null;
    }
    return new Term(coefficient, quantity, at);
  }

  private ConstraintQuantity interimAllocation(JsonNode node, String path) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    in.checkFields(node, path, List.of("agent", "type", "outcome", "outcomes"));
    int agent = agent(node, path);
    int type = agent < 0 ? -1 : type(node, path, agent, true);
    List<Integer> outcomes = outcomes(node, path);
    return agent < 0 || type < 0 || outcomes == null
        ? null
        : new ConstraintQuantity.InterimAllocation(agent, type, outcomes);
  }

  private ConstraintQuantity outcomeProbability(JsonNode node, String path) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    in.checkFields(node, path, List.of("outcome", "outcomes", "profile"));
    List<Integer> outcomes = outcomes(node, path);
    List<Integer> profile = null;
    if (node.has("profile")) {
      int[] types = ProfileRef.read(node.get("profile"), Issues.field(path, "profile"), agents, in, issues);
      if (types == null) {
        return null;
      }
      profile = java.util.Arrays.stream(types).boxed().toList();
    }
    return outcomes == null ? null : new ConstraintQuantity.OutcomeProbability(outcomes, profile);
  }

  private ConstraintQuantity payment(JsonNode node, String path) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    in.checkFields(node, path, List.of("agent", "type"));
    int agent = agent(node, path);
    if (agent < 0) {
      return null;
    }
    int type = node.has("type") ? type(node, path, agent, true) : -1;
    return node.has("type") && type < 0 ? null : new ConstraintQuantity.ExpectedPayment(agent, type);
  }

  private ConstraintQuantity utility(JsonNode node, String path) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    in.checkFields(node, path, List.of("agent", "type"));
    int agent = agent(node, path);
    int type = agent < 0 ? -1 : type(node, path, agent, true);
    return agent < 0 || type < 0 ? null : new ConstraintQuantity.InterimUtility(agent, type);
  }

  private ConstraintQuantity budget(JsonNode node, String path) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    in.checkFields(node, path, List.of());
    return new ConstraintQuantity.ExpectedBudget();
  }

  /** The agent named by {@code node.agent}, or -1 after an issue. */
  private int agent(JsonNode node, String path) {
    String at = Issues.field(path, "agent");
    if (!node.has("agent")) {
      issues.add(at, "missing required field", "known agents: " + ProfileRef.names(agents));
      return -1;
    }
    String name = in.text(node.get("agent"), at);
    if (name == null) {
      return -1;
    }
    int agent = ProfileRef.agentIndex(agents, name);
    if (agent < 0) {
      issues.add(at, "unknown agent " + JsonInput.quote(name), "known agents: " + ProfileRef.names(agents));
    }
    return agent;
  }

  /** The type of {@code agent} named by {@code node.type}, or -1 after an issue. */
  private int type(JsonNode node, String path, int agent, boolean required) {
    String at = Issues.field(path, "type");
    Agent a = agents.get(agent);
    if (!node.has("type")) {
      if (required) {
        issues.add(at, "missing required field", "types of " + a.name() + ": " + ProfileRef.typeNames(a));
      }
      return -1;
    }
    String name = in.text(node.get("type"), at);
    if (name == null) {
      return -1;
    }
    int type = a.typeIndex(name);
    if (type < 0) {
      issues.add(at, "unknown type " + JsonInput.quote(name) + " of agent " + a.name(),
          "types of " + a.name() + ": " + ProfileRef.typeNames(a));
    }
    return type;
  }

  /** The outcome set of {@code node.outcome} (one name) or {@code node.outcomes} (a list), or null after an issue. */
  private List<Integer> outcomes(JsonNode node, String path) {
    boolean one = node.has("outcome");
    if (one == node.has("outcomes")) {
      issues.add(path, one ? "give only one of \"outcome\", \"outcomes\"" : "missing \"outcome\" or \"outcomes\"",
          "outcomes: " + problem.outcomeNames());
      return null;
    }
    int before = issues.count();
    List<Integer> result = new ArrayList<>();
    if (one) {
      int o = outcome(node.get("outcome"), Issues.field(path, "outcome"));
      if (o >= 0) {
        result.add(o);
      }
    } else {
      String at = Issues.field(path, "outcomes");
      JsonNode list = node.get("outcomes");
      if (!in.expectArray(list, at)) {
        return null;
      }
      if (list.isEmpty()) {
        issues.add(at, "must name at least one outcome", "outcomes: " + problem.outcomeNames());
      }
      for (int k = 0; k < list.size(); k++) {
        String itemPath = Issues.index(at, k);
        int o = outcome(list.get(k), itemPath);
        if (o >= 0 && result.contains(o)) {
          issues.add(itemPath, "outcome " + JsonInput.quote(problem.outcomes().get(o).name()) + " is listed twice");
        } else if (o >= 0) {
          result.add(o);
        }
      }
    }
    return issues.count() > before ? null : result;
  }

  private int outcome(JsonNode node, String path) {
    String name = in.text(node, path);
    if (name == null) {
      return -1;
    }
    int o = problem.outcomeIndex(name);
    if (o < 0) {
      issues.add(path, "unknown outcome " + JsonInput.quote(name), "outcomes: " + problem.outcomeNames());
    }
    return o;
  }

  /**
   * Reports every term that asks for an interim quantity of a type the prior gives probability 0: conditioning on it
   * is undefined, so the constraint would have no meaning.
   */
  static void checkAgainstPrior(Problem problem, Issues issues) {
    for (CustomConstraint c : problem.mechanism().constraints()) {
      for (Term term : c.terms()) {
        int agent;
        int type;
        if (term.quantity() instanceof ConstraintQuantity.InterimAllocation a) {
          agent = a.agent();
          type = a.type();
        } else if (term.quantity() instanceof ConstraintQuantity.InterimUtility u) {
          agent = u.agent();
          type = u.type();
        } else if (term.quantity() instanceof ConstraintQuantity.ExpectedPayment p) {
          agent = p.agent();
          type = p.type();
        } else {
          continue;
        }
        if (type >= 0 && Fractions.isZero(problem.prior().typeProbability(agent, type))) {
          Agent a = problem.agents().get(agent);
          issues.add(Issues.field(term.path(), "type"), "type " + JsonInput.quote(a.types().get(type).name())
              + " of agent " + a.name() + " has probability 0, so its interim " + term.quantity().json()
              + " is undefined", "constrain a type of positive probability, or a profile's \"probability\"");
        }
      }
    }
  }
}
