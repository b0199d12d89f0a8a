package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Outcome;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;

/**
 * Writes and reads mechanisms in the {@code mechlp-mechanism/1} JSON shape: one entry per reported type profile
 * with its outcome lottery and the transfer each agent pays.
 *
 * <pre>
 * { "format": "mechlp-mechanism/1",
 *   "profiles": [ { "types": {"bidder1": "low", "bidder2": "high"},
 *                   "allocation": {"none": 0, "bidder1": 0, "bidder2": 1},
 *                   "transfers": {"bidder1": 0, "bidder2": 2} } ] }
 * </pre>
 */
public final class MechanismJson {
  /** The value of the {@code "format"} field. */
  public static final String FORMAT = "mechlp-mechanism/1";

  private MechanismJson() {}

  /**
   * The mechanism as the JSON object written by {@code solve --format json}: numbers are the mechanism's doubles;
   * transfers are left out when the problem allows none.
   */
  public static ObjectNode toJson(Problem problem, Mechanism mechanism) {
    TypeProfiles profiles = problem.profiles();
    if (mechanism.profileCount() != profiles.count()
        || mechanism.outcomeCount() != problem.outcomeCount()
        || mechanism.agentCount() != problem.agentCount()) {
      throw new IllegalArgumentException("the mechanism does not have the problem's dimensions");
    }
    boolean transfers = problem.mechanism().transfers().allowed();
    ObjectNode root = JsonInput.mapper().createObjectNode();
    root.put("format", FORMAT);
    ArrayNode list = root.putArray("profiles");
    for (int p = 0; p < profiles.count(); p++) {
      ObjectNode entry = list.addObject();
      ObjectNode types = entry.putObject("types");
      for (int i = 0; i < problem.agentCount(); i++) {
        Agent a = problem.agents().get(i);
        types.put(a.name(), a.types().get(profiles.typeOf(p, i)).name());
      }
      ObjectNode allocation = entry.putObject("allocation");
      for (int o = 0; o < problem.outcomeCount(); o++) {
        String outcome = problem.outcomes().get(o).name();
        if (mechanism.isExact()) {
          allocation.set(outcome, exact(mechanism.exactAllocation(p, o)));
        } else {
          allocation.put(outcome, clean(mechanism.allocation(p, o)));
        }
      }
      if (transfers) {
        ObjectNode t = entry.putObject("transfers");
        for (int i = 0; i < problem.agentCount(); i++) {
          String agent = problem.agents().get(i).name();
          if (mechanism.isExact()) {
            t.set(agent, exact(mechanism.exactTransfer(p, i)));
          } else {
            t.put(agent, clean(mechanism.transfer(p, i)));
          }
        }
      }
    }
    return root;
  }

  /**
   * An exact value as JSON: a number when its decimal expansion ends (2, 0.25, -1.5), else a fraction string such as
   * "1/3", so that reading the file back gives the same fraction.
   */
  private static JsonNode exact(BigFraction value) {
    BigInteger den = value.getDenominator();
    BigInteger rest = den.shiftRight(den.getLowestSetBit());
    while (rest.mod(FIVE).signum() == 0) {
      rest = rest.divide(FIVE);
    }
    if (rest.equals(BigInteger.ONE)) {
      BigDecimal decimal = new BigDecimal(value.getNumerator()).divide(new BigDecimal(den)).stripTrailingZeros();
      return decimal.scale() <= 0
          ? JsonNodeFactory.instance.numberNode(decimal.toBigIntegerExact())
          : JsonNodeFactory.instance.numberNode(decimal);
    }
    return JsonNodeFactory.instance.textNode(value.getNumerator() + "/" + den);
  }

  private static final BigInteger FIVE = BigInteger.valueOf(5);

  /** Negative zero prints as "-0.0", which reads as a mistake. */
  private static double clean(double x) {
    return x == 0.0 ? 0.0 : x;
  }

  /** Reads a mechanism file for {@code problem}, reporting every issue at once. */
  public static Mechanism read(Path file, Problem problem) throws IOException, InvalidInputException {
    return read(StrictJson.readText(file), file.toString(), problem);
  }

  /**
   * Reads a mechanism from JSON text; {@code sourceName} names it in messages. Accepts a whole {@code solve
   * --format json} report too (its {@code "mechanism"} field is read). Lotteries that do not sum to 1 or have
   * negative entries are accepted: checking feasibility is the checker's job. Every number is exact, so the result
   * is an exact mechanism.
   */
  public static Mechanism read(String json, String sourceName, Problem problem)
      throws InvalidInputException {
    JsonNode root = JsonInput.parse(json, sourceName);
    Issues issues = new Issues(sourceName);
    JsonInput in = new JsonInput(issues);
    if (!in.expectObject(root, "")) {
      issues.throwIfAny();
    }
    String base = "";
    JsonNode node = root;
    if (root.has("mechanism")) {
      base = "mechanism";
      node = root.get("mechanism");
      if (!in.expectObject(node, base)) {
        issues.throwIfAny();
      }
    }
    in.checkFields(node, base, List.of("format", "name", "description", "profiles"));
    // A proposal may say what it is; the checker does not need it.
    for (String field : List.of("name", "description")) {
      if (node.has(field)) {
        in.text(node.get(field), Issues.field(base, field));
      }
    }
    if (node.has("format")) {
      String formatPath = Issues.field(base, "format");
      String format = in.text(node.get("format"), formatPath);
      if (format != null && !format.equals(FORMAT)) {
        issues.add(formatPath, "unsupported format " + JsonInput.quote(format) + "; supported: " + FORMAT);
      }
    }
    String path = Issues.field(base, "profiles");
    if (!node.has("profiles")) {
      issues.add(path, "missing required field");
      issues.throwIfAny();
    }
    Mechanism result = readProfiles(node.get("profiles"), path, problem, in, issues);
    issues.throwIfAny();
    return result;
  }

  private static Mechanism readProfiles(
      JsonNode node, String path, Problem problem, JsonInput in, Issues issues) {
    if (!in.expectArray(node, path)) {
      return null;
    }
    List<Agent> agents = problem.agents();
    TypeProfiles profiles = problem.profiles();
    int m = problem.outcomeCount();
    int n = problem.agentCount();
    BigFraction[][] allocation = new BigFraction[profiles.count()][];
    BigFraction[][] transfers = new BigFraction[profiles.count()][];
    int[] firstAt = new int[profiles.count()];
    for (int e = 0; e < node.size(); e++) {
      String at = Issues.index(path, e);
      JsonNode entry = node.get(e);
      if (!in.expectObject(entry, at)) {
        continue;
      }
      in.checkFields(entry, at, List.of("types", "allocation", "transfers"));
      int[] types = null;
      if (entry.has("types")) {
        types = ProfileRef.read(entry.get("types"), Issues.field(at, "types"), agents, in, issues);
      } else {
        issues.add(Issues.field(at, "types"), "missing required field");
      }
      BigFraction[] lottery = null;
      if (entry.has("allocation")) {
        lottery = readRow(entry.get("allocation"), Issues.field(at, "allocation"), m,
            problem::outcomeIndex, "outcome", outcomeNames(problem), in, issues);
      } else {
        issues.add(Issues.field(at, "allocation"), "missing required field");
      }
      BigFraction[] paid = zeros(n);
      if (entry.has("transfers")) {
        paid = readRow(entry.get("transfers"), Issues.field(at, "transfers"), n,
            problem::agentIndex, "agent", ProfileRef.names(agents), in, issues);
      }
      if (types == null || lottery == null || paid == null) {
        continue;
      }
      int profile = profiles.encode(types);
      if (allocation[profile] != null) {
        issues.add(at, "duplicate profile " + ProfileRef.describe(agents, types) + " (also "
            + Issues.index(path, firstAt[profile]) + ")");
        continue;
      }
      allocation[profile] = lottery;
      transfers[profile] = paid;
      firstAt[profile] = e;
    }
    MissingProfiles.report(allocation, profiles, agents, path, issues);
    if (issues.count() > 0) {
      return null;
    }
    BigFraction[] flatAllocation = new BigFraction[profiles.count() * m];
    BigFraction[] flatTransfers = new BigFraction[profiles.count() * n];
    for (int p = 0; p < profiles.count(); p++) {
      System.arraycopy(allocation[p], 0, flatAllocation, p * m, m);
      System.arraycopy(transfers[p], 0, flatTransfers, p * n, n);
    }
    return Mechanism.ofFractions(profiles.count(), m, n, flatAllocation, flatTransfers);
  }

  static BigFraction[] readRow(
      JsonNode node,
      String path,
      int size,
      ToIntFunction<String> lookup,
      String what,
      String known,
      JsonInput in,
      Issues issues) {
    if (!in.expectObject(node, path)) {
      return null;
    }
    int before = issues.count();
    BigFraction[] row = zeros(size);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String at = Issues.field(path, e.getKey());
      int k = lookup.applyAsInt(e.getKey());
      if (k < 0) {
        issues.add(at, "unknown " + what, what + "s: " + known);
        continue;
      }
      BigFraction v = in.number(e.getValue(), at);
      if (v != null) {
        row[k] = v;
      }
    }
    return issues.count() > before ? null : row;
  }

  static String outcomeNames(Problem problem) {
    return String.join(", ", problem.outcomes().stream().map(Outcome::name).toList());
  }

  static BigFraction[] zeros(int n) {
    BigFraction[] row = new BigFraction[n];
    Arrays.fill(row, BigFraction.ZERO);
    return row;
  }
}
