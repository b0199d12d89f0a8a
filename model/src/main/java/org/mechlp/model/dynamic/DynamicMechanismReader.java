package org.mechlp.model.dynamic;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.json.StrictJson;

/**
 * Reads a dynamic mechanism file ({@code mechlp-dynamic-mechanism/1}, docs/FORMAT.md, Dynamic mechanism files) for a
 * problem: {@code allocation} ("efficient", or per period a table from reported profile to action), {@code
 * transfers} (per agent and action chosen, a number, an expression over the reported signal values or a table by
 * profile, paid every period) and {@code contingent} (a list of blocks with their payments by the others' next
 * profile and the agent's own report). A {@code solve --format json} report is read through its {@code mechanism}.
 */
public final class DynamicMechanismReader {
  public static final String FORMAT = "mechlp-dynamic-mechanism/1";

  private final DynamicJson in;
  private final DynamicProblem problem;

  private DynamicMechanismReader(String source, DynamicProblem problem) {
    this.in = new DynamicJson(source);
    this.problem = problem;
  }

  public static DynamicMechanism read(Path file, DynamicProblem problem) throws IOException, InvalidInputException {
    return read(StrictJson.readText(file), file.toString(), problem);
  }

  public static DynamicMechanism read(String json, String source, DynamicProblem problem)
      throws InvalidInputException {
    DynamicMechanismReader reader = new DynamicMechanismReader(source, problem);
    JsonNode root = DynamicJson.parse(json, source);
    String base = "";
    if (root.isObject() && root.has("mechanism") && !root.has("allocation")) {
      root = root.get("mechanism");
      base = "mechanism";
    }
    DynamicMechanism m = reader.parse(root, base);
    reader.in.throwIfAny();
    return m;
  }

  private static String at(String base, String field) {
    return base.isEmpty() ? field : base + "." + field;
  }

  private DynamicMechanism parse(JsonNode root, String base) throws InvalidInputException {
    if (!in.expectObject(root, base)) {
      in.throwIfAny();
    }
    in.checkFields(root, base, List.of("format", "allocation", "transfers", "contingent"));
    if (root.has("format") && !FORMAT.equals(root.get("format").asText())) {
      in.add(at(base, "format"), "expected \"" + FORMAT + "\", got " + DynamicJson.describe(root.get("format")));
    }
    int stages = problem.stages().size();
    int[][] allocation = null;
    JsonNode alloc = root.get("allocation");
    if (alloc != null && !(alloc.isTextual() && alloc.textValue().equals("efficient"))) {
      String ap = at(base, "allocation");
      if (in.expectArray(alloc, ap)) {
        if (alloc.size() != stages) {
          in.add(ap, "expected one table per period (" + stages + "), got " + alloc.size());
        } else {
          allocation = new int[stages][];
          for (int s = 0; s < stages; s++) {
            allocation[s] = readAllocation(alloc.get(s), ap + "[" + s + "]", problem.stages().get(s));
          }
        }
      }
    }
    BigFraction[][][] transfers = null;
    if (root.has("transfers")) {
      transfers = new BigFraction[stages][][];
      for (int s = 0; s < stages; s++) {
        transfers[s] = readTransfers(root.get("transfers"), at(base, "transfers"), problem.stages().get(s));
      }
    }
    Map<BlockKey, BigFraction[][]> contingent = new HashMap<>();
    JsonNode blocks = root.get("contingent");
    if (blocks != null && in.expectArray(blocks, at(base, "contingent"))) {
      for (int b = 0; b < blocks.size(); b++) {
        readBlock(blocks.get(b), at(base, "contingent") + "[" + b + "]", contingent);
      }
    }
    return new DynamicMechanism(allocation, transfers, contingent);
  }

  private int[] readAllocation(JsonNode node, String path, Stage stage) {
    SignalSpace space = stage.signals();
    int[] rule = new int[space.profileCount()];
    java.util.Arrays.fill(rule, -1);
    if (!in.expectObject(node, path)) {
      return rule;
    }
    for (var e : node.properties()) {
      int p = space.profileOf(e.getKey());
      if (p < 0) {
        in.add(path + "." + e.getKey(), "undeclared signal profile \"" + e.getKey() + "\"");
        continue;
      }
      String a = in.text(e.getValue(), path + "." + e.getKey());
      if (a != null && !stage.actions().contains(a)) {
        in.add(path + "." + e.getKey(), "undeclared action \"" + a + "\"",
            "actions: " + String.join(", ", stage.actions()));
      } else if (a != null) {
        rule[p] = stage.actions().indexOf(a);
      }
    }
    for (int p = 0; p < rule.length; p++) {
      if (rule[p] < 0 && in.count() == 0) {
        in.add(path, "missing the action at profile \"" + space.profileName(p) + "\"");
      }
    }
    return rule;
  }

  /** {@code [agent][profile]}: the transfer of the action the allocation picks is chosen later; here per action. */
  private BigFraction[][] readTransfers(JsonNode node, String path, Stage stage) {
    int n = problem.agentCount();
    BigFraction[][] byAgent = new BigFraction[n * stage.actions().size()][];
    if (!in.expectObject(node, path)) {
      return byAgent;
    }
    for (String key : DynamicJson.keys(node)) {
      if (!problem.agents().contains(key)) {
        in.add(path + "." + key, "undeclared agent", "agents: " + String.join(", ", problem.agents()));
      }
    }
    for (int i = 0; i < n; i++) {
      JsonNode byAction = node.get(problem.agents().get(i));
      for (int a = 0; a < stage.actions().size(); a++) {
        BigFraction[] zero = new BigFraction[stage.signals().profileCount()];
        java.util.Arrays.fill(zero, BigFraction.ZERO);
        byAgent[i * stage.actions().size() + a] = zero;
      }
      if (byAction == null) {
        continue;
      }
      String ip = path + "." + problem.agents().get(i);
      if (!in.expectObject(byAction, ip)) {
        continue;
      }
      for (String key : DynamicJson.keys(byAction)) {
        if (!key.equals("*") && !stage.actions().contains(key)) {
          in.add(ip + "." + key, "undeclared action", "actions: " + String.join(", ", stage.actions()));
        }
      }
      for (int a = 0; a < stage.actions().size(); a++) {
        String key = byAction.has(stage.actions().get(a)) ? stage.actions().get(a) : "*";
        if (byAction.has(key)) {
          byAgent[i * stage.actions().size() + a] =
              new ProfileValues(in, stage.signals(), problem.agents()).read(byAction.get(key), ip + "." + key);
        }
      }
    }
    return byAgent;
  }

  private void readBlock(JsonNode node, String path, Map<BlockKey, BigFraction[][]> out) {
    if (!in.expectObject(node, path)) {
      return;
    }
    in.checkFields(node, path, List.of("agent", "period", "action", "others", "payments"));
    String agentName = in.text(node.has("agent") ? node.get("agent") : DynamicJson.missing(), path + ".agent");
    int i = agentName == null ? -1 : problem.agents().indexOf(agentName);
    if (agentName != null && i < 0) {
      in.add(path + ".agent", "undeclared agent \"" + agentName + "\"");
    }
    int t = 1;
    if (node.has("period")) {
      JsonNode p = node.get("period");
      if (!p.isIntegralNumber() || p.asInt() < 1 || p.asInt() > problem.blockPeriods()) {
        in.add(path + ".period", "expected a period from 1 to " + problem.blockPeriods()
            + " (contingent payments follow periods 1..T-1), got " + DynamicJson.describe(p));
        return;
      }
      t = p.asInt();
    }
    if (i < 0) {
      return;
    }
    Stage stage = problem.stage(t);
    String a = in.text(node.has("action") ? node.get("action") : DynamicJson.missing(), path + ".action");
    if (a == null) {
      return;
    }
    int action = stage.actions().indexOf(a);
    if (action < 0) {
      in.add(path + ".action", "undeclared action \"" + a + "\"", "actions: " + String.join(", ", stage.actions()));
      return;
    }
    String o = in.text(node.has("others") ? node.get("others") : DynamicJson.missing(), path + ".others");
    if (o == null) {
      return;
    }
    int others = stage.signals().othersOf(i, o);
    if (others < 0) {
      in.add(path + ".others", "undeclared signals of the others \"" + o + "\"");
      return;
    }
    SignalSpace next = stage.transition().next();
    int k = stage.signals().size(i);
    BigFraction[][] pay = new BigFraction[next.othersCount(i)][k];
    for (BigFraction[] row : pay) {
      java.util.Arrays.fill(row, BigFraction.ZERO);
    }
    JsonNode payments = node.get("payments");
    if (!in.expectObject(payments, path + ".payments")) {
      return;
    }
    for (var e : payments.properties()) {
      String yp = path + ".payments." + e.getKey();
      int y = next.othersOf(i, e.getKey());
      if (y < 0) {
        in.add(yp, "undeclared next signals of the others \"" + e.getKey() + "\"");
        continue;
      }
      if (DynamicJson.parseNumber(e.getValue()).isPresent()) {
        java.util.Arrays.fill(pay[y], DynamicJson.parseNumber(e.getValue()).get()); // VCG-type: same for every r
        continue;
      }
      if (!in.expectObject(e.getValue(), yp)) {
        continue;
      }
      for (var r : e.getValue().properties()) {
        int report = stage.signals().names(i).indexOf(r.getKey());
        if (report < 0) {
          in.add(yp + "." + r.getKey(), "undeclared signal \"" + r.getKey() + "\" of " + agentName);
          continue;
        }
        BigFraction v = in.number(r.getValue(), yp + "." + r.getKey());
        pay[y][report] = v == null ? BigFraction.ZERO : v;
      }
    }
    if (out.put(new BlockKey(i, t, action, others), pay) != null) {
      in.add(path, "this block (agent, period, action, others) is listed twice");
    }
  }
}
