package org.mechlp.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.Fractions;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.datadriven.Estimate;

/**
 * Writes and reads data-driven mechanisms ({@code mechlp-data-driven-mechanism/1}): per reported profile the outcome
 * lottery and, per agent, the transfer it pays after each estimate.
 *
 * <pre>
 * { "format": "mechlp-data-driven-mechanism/1",
 *   "profiles": [ { "types": {"a": "hi_L", "b": "lo_H"},
 *                   "allocation": {"ad_a": 1},
 *                   "transfers": {"a": {"click": "3/2", "noClick": 0}, "b": {"click": 0, "noClick": 0}} } ] }
 * </pre>
 */
public final class DataDrivenMechanismJson {
  /** The value of the {@code "format"} field. */
  public static final String FORMAT = "mechlp-data-driven-mechanism/1";

  private DataDrivenMechanismJson() {}

  /** The mechanism as JSON text; exact numbers are written as fractions ("3/2"), others as decimals. */
  public static String write(DataDrivenProblem ddp, DataDrivenMechanism m, String description) {
    Problem problem = ddp.problem();
    TypeProfiles profiles = problem.profiles();
    ObjectNode root = JsonInput.mapper().createObjectNode();
    root.put("format", FORMAT);
    if (description != null) {
      root.put("description", description);
    }
    ArrayNode list = root.putArray("profiles");
    List<Estimate> estimates = ddp.estimator().estimates();
    for (int t = 0; t < profiles.count(); t++) {
      ObjectNode entry = list.addObject();
      ObjectNode types = entry.putObject("types");
      for (int i = 0; i < problem.agentCount(); i++) {
        Agent a = problem.agents().get(i);
        types.put(a.name(), a.types().get(profiles.typeOf(t, i)).name());
      }
      ObjectNode allocation = entry.putObject("allocation");
      for (int x = 0; x < problem.outcomeCount(); x++) {
        if (!Fractions.isZero(m.allocation()[t][x])) {
          put(allocation, problem.outcomes().get(x).name(), m.allocation()[t][x], m.exact());
        }
      }
      ObjectNode transfers = entry.putObject("transfers");
      for (int i = 0; i < problem.agentCount(); i++) {
        ObjectNode byEstimate = transfers.putObject(problem.agents().get(i).name());
        for (int e = 0; e < estimates.size(); e++) {
          put(byEstimate, estimates.get(e).name(), m.transfers()[i][t][e], m.exact());
        }
      }
    }
    try {
      return JsonInput.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void put(ObjectNode node, String field, BigFraction v, boolean exact) {
    if (!exact) {
      double d = v.doubleValue();
      node.put(field, d == 0.0 ? 0.0 : d);
    } else if (v.getDenominator().equals(java.math.BigInteger.ONE)) {
      node.put(field, v.getNumerator());
    } else {
      node.put(field, JsonInput.ratio(v));
    }
  }

  /** Reads a mechanism file for {@code ddp}, reporting every issue at once. */
  public static DataDrivenMechanism read(Path file, DataDrivenProblem ddp) throws IOException, InvalidInputException {
    return read(Files.readString(file, StandardCharsets.UTF_8), file.toString(), ddp);
  }

  /**
   * Reads a mechanism from JSON text. The mechanism is exact when every number is an integer or a fraction string;
   * a decimal with a fractional part makes it inexact (checked within a tolerance).
   */
  public static DataDrivenMechanism read(String json, String source, DataDrivenProblem ddp)
      throws InvalidInputException {
    JsonNode root = JsonInput.parse(json, source);
    Issues issues = new Issues(source);
    JsonInput in = new JsonInput(issues);
    if (!in.expectObject(root, "")) {
      issues.throwIfAny();
    }
    if (root.has("mechanism") && root.get("mechanism").isObject()) {
      // A whole solve report: its mechanism is read.
      root = root.get("mechanism");
    }
    in.checkFields(root, "", List.of("format", "description", "profiles"));
    if (root.has("format")) {
      String format = in.text(root.get("format"), "format");
      if (format != null && !format.equals(FORMAT)) {
        issues.add("format", "unsupported format " + JsonInput.quote(format) + "; supported: " + FORMAT);
      }
    }
    Problem problem = ddp.problem();
    TypeProfiles profiles = problem.profiles();
    List<Estimate> estimates = ddp.estimator().estimates();
    int n = problem.agentCount();
    BigFraction[][] allocation = new BigFraction[profiles.count()][];
    BigFraction[][][] transfers = new BigFraction[n][profiles.count()][];
    boolean[] exact = {true};
    JsonNode list = root.get("profiles");
    if (list == null) {
      issues.add("profiles", "missing required field");
      issues.throwIfAny();
    }
    if (!in.expectArray(list, "profiles")) {
      issues.throwIfAny();
    }
    for (int k = 0; k < list.size(); k++) {
      String at = Issues.index("profiles", k);
      JsonNode entry = list.get(k);
      if (!in.expectObject(entry, at)) {
        continue;
      }
      in.checkFields(entry, at, List.of("types", "allocation", "transfers"));
      if (!entry.has("types")) {
        issues.add(Issues.field(at, "types"), "missing required field");
        continue;
      }
      int[] types = ProfileRef.read(entry.get("types"), Issues.field(at, "types"), problem.agents(), in, issues);
      if (types == null) {
        continue;
      }
      int t = profiles.encode(types);
      if (allocation[t] != null) {
        issues.add(at, "duplicate entry for " + ProfileRef.describe(problem.agents(), types));
        continue;
      }
      BigFraction[] lottery = new BigFraction[problem.outcomeCount()];
      Arrays.fill(lottery, BigFraction.ZERO);
      String allocationPath = Issues.field(at, "allocation");
      JsonNode alloc = entry.get("allocation");
      if (alloc == null) {
        issues.add(allocationPath, "missing required field");
      } else if (in.expectObject(alloc, allocationPath)) {
        for (Map.Entry<String, JsonNode> e : JsonInput.entries(alloc)) {
          int x = problem.outcomeIndex(e.getKey());
          String p = Issues.field(allocationPath, e.getKey());
          if (x < 0) {
            issues.add(p, "unknown outcome " + JsonInput.quote(e.getKey()));
            continue;
          }
          BigFraction v = number(in, e.getValue(), p, exact);
          lottery[x] = v == null ? BigFraction.ZERO : v;
        }
      }
      allocation[t] = lottery;
      String transfersPath = Issues.field(at, "transfers");
      JsonNode tr = entry.get("transfers");
      if (tr == null) {
        issues.add(transfersPath, "missing required field");
        continue;
      }
      if (!in.expectObject(tr, transfersPath)) {
        continue;
      }
      for (Map.Entry<String, JsonNode> e : JsonInput.entries(tr)) {
        if (problem.agentIndex(e.getKey()) < 0) {
          issues.add(Issues.field(transfersPath, e.getKey()), "unknown agent " + JsonInput.quote(e.getKey()));
        }
      }
      for (int i = 0; i < n; i++) {
        String name = problem.agents().get(i).name();
        String p = Issues.field(transfersPath, name);
        JsonNode byEstimate = tr.get(name);
        if (byEstimate == null) {
          issues.add(p, "missing: a transfer per estimate for every agent");
          continue;
        }
        transfers[i][t] = readByEstimate(in, issues, byEstimate, p, estimates, exact);
      }
    }
    for (int t = 0; t < profiles.count() && issues.count() == 0; t++) {
      if (allocation[t] == null) {
        issues.add("profiles", "no entry for " + problem.describeProfile(t, profiles));
      }
    }
    issues.throwIfAny();
    return new DataDrivenMechanism(allocation, transfers, exact[0]);
  }

  private static BigFraction[] readByEstimate(
      JsonInput in, Issues issues, JsonNode node, String path, List<Estimate> estimates, boolean[] exact) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    BigFraction[] values = new BigFraction[estimates.size()];
    for (Map.Entry<String, JsonNode> e : JsonInput.entries(node)) {
      int k = -1;
      for (int j = 0; j < estimates.size(); j++) {
        if (estimates.get(j).name().equals(e.getKey())) {
          k = j;
        }
      }
      String p = Issues.field(path, e.getKey());
      if (k < 0) {
        issues.add(p, "unknown estimate " + JsonInput.quote(e.getKey()),
            "estimates: " + String.join(", ", estimates.stream().map(Estimate::name).toList()));
        continue;
      }
      values[k] = number(in, e.getValue(), p, exact);
    }
    for (int k = 0; k < values.length; k++) {
      if (values[k] == null) {
        issues.add(path, "no transfer for estimate " + JsonInput.quote(estimates.get(k).name()));
        return null;
      }
    }
    return values;
  }

  private static BigFraction number(JsonInput in, JsonNode node, String path, boolean[] exact) {
    BigFraction v = in.number(node, path);
    if (node.isNumber() && !node.isIntegralNumber()
        && node.decimalValue().stripTrailingZeros().scale() > 0) {
      exact[0] = false;
    }
    return v;
  }
}
