package org.mechlp.model.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Reads a transition: {@code {"joint": {action: {profile: row}}}} with rows over next profiles (or an expression,
 * for all actions or per action, of this period's signals and the next period's {@code next_<agent>}), or
 * {@code {"product": {agent: ...}}} with one law per agent over its own next signal, given as an expression (agent
 * names are this period's signal values, {@code next} the agent's next value) or as {@code {action: {profile: row}}}.
 * {@code "*"} stands for every action or every profile. Each row must sum to exactly 1.
 */
final class TransitionReader {
  private final DynamicJson in;
  private final List<String> agents;
  private final List<String> actions;
  private final SignalSpace from;
  private final SignalSpace next;

  TransitionReader(DynamicJson in, List<String> agents, List<String> actions, SignalSpace from, SignalSpace next) {
    this.in = in;
    this.agents = agents;
    this.actions = actions;
    this.from = from;
    this.next = next;
  }

  Transition read(JsonNode node, String path) {
    if (node == null) {
      in.add(path, "missing", "{\"joint\": ...} or {\"product\": ...}");
      return null;
    }
    if (!in.expectObject(node, path)) {
      return null;
    }
    in.checkFields(node, path, List.of("joint", "product"));
    if (node.has("joint") == node.has("product")) {
      in.add(path, "give exactly one of \"joint\" and \"product\"");
      return null;
    }
    return node.has("joint") ? joint(node.get("joint"), path + ".joint") : product(node.get("product"),
        path + ".product");
  }

  private Transition joint(JsonNode node, String path) {
    BigFraction[][][] table = new BigFraction[actions.size()][from.profileCount()][];
    int before = in.count();
    if (node != null && node.isTextual()) {
      jointExpression(node.textValue(), path, table, allActions());
      return in.count() > before ? null : new JointTransition(next, table);
    }
    if (!in.expectObject(node, path)) {
      return null;
    }
    checkActionKeys(node, path);
    boolean wildcardDone = false;
    for (int a = 0; a < actions.size(); a++) {
      String key = node.has(actions.get(a)) ? actions.get(a) : "*";
      JsonNode rows = node.get(key);
      String ap = path + "." + key;
      if (rows == null) {
        in.add(path + "." + actions.get(a), "missing: no transition for action " + actions.get(a));
        continue;
      }
      if (rows.isTextual()) {
        if (key.equals("*") && wildcardDone) {
          continue; // "*" was evaluated once, for every action that uses it
        }
        wildcardDone |= key.equals("*");
        jointExpression(rows.textValue(), ap, table, key.equals("*") ? wildcardActions(node) : List.of(a));
        continue;
      }
      if (!in.expectObject(rows, ap)) {
        continue;
      }
      checkProfileKeys(rows, ap, from);
      for (int p = 0; p < from.profileCount(); p++) {
        String pk = rows.has(from.profileName(p)) ? from.profileName(p) : "*";
        JsonNode row = rows.get(pk);
        if (row == null) {
          in.add(ap + "." + from.profileName(p), "missing: no row for profile " + from.profileName(p));
          continue;
        }
        table[a][p] = row(row, ap + "." + pk, next.profileCount(), next::profileOf, "profile");
      }
    }
    return in.count() > before ? null : new JointTransition(next, table);
  }

  private Transition product(JsonNode node, String path) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    for (String key : DynamicJson.keys(node)) {
      if (!agents.contains(key)) {
        in.add(path + "." + key, "undeclared agent", "agents: " + String.join(", ", agents));
      }
    }
    int before = in.count();
    BigFraction[][][][] own = new BigFraction[agents.size()][actions.size()][from.profileCount()][];
    for (int i = 0; i < agents.size(); i++) {
      final int agent = i;
      String ip = path + "." + agents.get(i);
      JsonNode spec = node.get(agents.get(i));
      if (spec == null) {
        in.add(ip, "missing: no transition for agent " + agents.get(i));
        continue;
      }
      if (spec.isTextual()) {
        expression(spec.textValue(), ip, i, own[i], allActions());
        continue;
      }
      if (!in.expectObject(spec, ip)) {
        continue;
      }
      checkActionKeys(spec, ip);
      boolean wildcardDone = false;
      for (int a = 0; a < actions.size(); a++) {
        String key = spec.has(actions.get(a)) ? actions.get(a) : "*";
        JsonNode rows = spec.get(key);
        String ap = ip + "." + key;
        if (rows == null) {
          in.add(ip + "." + actions.get(a), "missing: no transition for action " + actions.get(a));
          continue;
        }
        if (rows.isTextual()) {
          if (key.equals("*") && wildcardDone) {
            continue; // "*" was evaluated once, for every action that uses it
          }
          wildcardDone |= key.equals("*");
          expression(rows.textValue(), ap, i, own[i], key.equals("*") ? wildcardActions(spec) : List.of(a));
          continue;
        }
        if (!in.expectObject(rows, ap)) {
          continue;
        }
        checkProfileKeys(rows, ap, from);
        for (int p = 0; p < from.profileCount(); p++) {
          String pk = rows.has(from.profileName(p)) ? from.profileName(p) : "*";
          JsonNode row = rows.get(pk);
          if (row == null) {
            in.add(ap + "." + from.profileName(p), "missing: no row for profile " + from.profileName(p));
            continue;
          }
          own[i][a][p] = row(row, ap + "." + pk, next.size(i), s -> next.names(agent).indexOf(s),
              agents.get(i) + "'s signal");
        }
      }
    }
    return in.count() > before ? null : new ProductTransition(next, own);
  }

  private List<Integer> allActions() {
    return java.util.stream.IntStream.range(0, actions.size()).boxed().toList();
  }

  /** The actions not named in {@code spec}, which take its {@code "*"} entry. */
  private List<Integer> wildcardActions(JsonNode spec) {
    return allActions().stream().filter(a -> !spec.has(actions.get(a))).toList();
  }

  /** Fills {@code own[action][profile][nextSignal]} from an expression, for the given actions. */
  private void expression(String text, String path, int agent, BigFraction[][][] own, List<Integer> forActions) {
    SignalExpression e = new SignalExpression(text, agents);
    for (int p = 0; p < from.profileCount(); p++) {
      BigFraction[] row = new BigFraction[next.size(agent)];
      for (int s = 0; s < row.length; s++) {
        try {
          row[s] = e.evaluate(from, p, next.value(agent, s));
        } catch (IllegalArgumentException ex) {
          in.add(path, "cannot evaluate \"" + text + "\" at profile " + from.profileName(p) + ", next "
              + next.names(agent).get(s) + ": " + ex.getMessage(),
              "agent names stand for this period's signal values, next for the agent's next signal value");
          return;
        }
        if (row[s].getNumerator().signum() < 0) {
          in.add(path, "negative probability " + DynamicJson.ratio(row[s]) + " at profile " + from.profileName(p)
              + ", next " + next.names(agent).get(s));
          return;
        }
      }
      if (!requireSumOne(row, path, "at profile " + from.profileName(p))) {
        return;
      }
      for (int a : forActions) {
        own[a][p] = row;
      }
    }
  }

  /**
   * Fills {@code table[action][profile]} from an expression of this period's signals (agent names) and the next
   * period's ({@code next_<agent>}), for the given actions: mu(theta' | a, theta) for every pair of profiles.
   */
  private void jointExpression(String text, String path, BigFraction[][][] table, List<Integer> forActions) {
    SignalExpression e = new SignalExpression(text, agents);
    List<Map<String, BigFraction>> nextValues = new java.util.ArrayList<>();
    for (int q = 0; q < next.profileCount(); q++) {
      int[] s = next.decode(q);
      Map<String, BigFraction> vars = new java.util.HashMap<>();
      for (int j = 0; j < agents.size(); j++) {
        vars.put("next_" + agents.get(j), next.value(j, s[j]));
      }
      nextValues.add(vars);
    }
    for (int p = 0; p < from.profileCount(); p++) {
      BigFraction[] row = new BigFraction[next.profileCount()];
      for (int q = 0; q < row.length; q++) {
        try {
          row[q] = e.evaluate(from, p, nextValues.get(q));
        } catch (IllegalArgumentException ex) {
          in.add(path, "cannot evaluate \"" + text + "\" at profile " + from.profileName(p) + ", next "
              + next.profileName(q) + ": " + ex.getMessage(), "agent names stand for this period's signal values,"
              + " next_<agent> for the agent's next signal value");
          return;
        }
        if (row[q].getNumerator().signum() < 0) {
          in.add(path, "negative probability " + DynamicJson.ratio(row[q]) + " at profile " + from.profileName(p)
              + ", next " + next.profileName(q));
          return;
        }
      }
      if (!requireSumOne(row, path, "at profile " + from.profileName(p))) {
        return;
      }
      for (int a : forActions) {
        table[a][p] = row;
      }
    }
  }

  private interface Lookup {
    int indexOf(String name);
  }

  private BigFraction[] row(JsonNode node, String path, int size, Lookup lookup, String what) {
    BigFraction[] row = new BigFraction[size];
    Arrays.fill(row, BigFraction.ZERO);
    if (node.isArray()) {
      if (node.size() != size) {
        in.add(path, "expected " + size + " probabilities (one per next " + what + "), got " + node.size());
        return row;
      }
      for (int k = 0; k < size; k++) {
        BigFraction v = in.nonNegative(node.get(k), path + "[" + k + "]", "probability");
        row[k] = v == null ? BigFraction.ZERO : v;
      }
    } else if (in.expectObject(node, path)) {
      for (Map.Entry<String, JsonNode> e : node.properties()) {
        int k = lookup.indexOf(e.getKey());
        if (k < 0) {
          in.add(path + "." + e.getKey(), "undeclared next " + what + " \"" + e.getKey() + "\"");
          continue;
        }
        BigFraction v = in.nonNegative(e.getValue(), path + "." + e.getKey(), "probability");
        row[k] = v == null ? BigFraction.ZERO : v;
      }
    }
    requireSumOne(row, path, "");
    return row;
  }

  private boolean requireSumOne(BigFraction[] row, String path, String where) {
    BigFraction sum = Arrays.stream(row).reduce(BigFraction.ZERO, BigFraction::add);
    if (!sum.equals(BigFraction.ONE)) {
      in.add(path, "the row " + (where.isEmpty() ? "" : where + " ") + "sums to " + DynamicJson.ratio(sum)
          + ", not exactly 1");
      return false;
    }
    return true;
  }

  private void checkActionKeys(JsonNode node, String path) {
    for (String key : DynamicJson.keys(node)) {
      if (!key.equals("*") && !actions.contains(key)) {
        in.add(path + "." + key, "undeclared action", "actions: " + String.join(", ", actions));
      }
    }
  }

  private void checkProfileKeys(JsonNode node, String path, SignalSpace space) {
    for (String key : DynamicJson.keys(node)) {
      if (!key.equals("*") && space.profileOf(key) < 0) {
        in.add(path + "." + key, "undeclared signal profile \"" + key + "\"",
            "profiles are written like \"" + space.profileName(0) + "\"");
      }
    }
  }
}
