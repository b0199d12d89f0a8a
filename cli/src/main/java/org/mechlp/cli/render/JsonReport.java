package org.mechlp.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Problem;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.Explanation;
import org.mechlp.solver.report.InterimRow;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.Verification;

/**
 * Renders solve and check reports in the {@code mechlp-report/1} JSON shape documented in docs/OUTPUT.md. Doubles
 * are JSON numbers (null when not finite), exact values are strings such as "1/3".
 */
public final class JsonReport {
  /** The format tag of every report. */
  public static final String FORMAT = "mechlp-report/1";

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Two-space indentation, one array element per line, and {@code "key": value} without a space before the colon. */
  private static final ObjectWriter WRITER =
      MAPPER.writer(
          new DefaultPrettyPrinter()
              .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE)
              .withSeparators(
                  Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

  private JsonReport() {}

  /** The JSON text of a solve report. */
  public static String solve(SolveReport report) {
    Problem problem = report.problem();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("command", "solve");
    root.put("problem", problem.name());
    root.put("status", report.status().name());
    number(root, "objective", report.objective());
    root.put("objectiveSense", Describe.objective(problem.objective()));
    ObjectNode lp = root.putObject("lp");
    lp.put("rows", report.size().rows());
    lp.put("columns", report.size().columns());
    lp.put("nonZeros", report.size().nonZeros());
    ObjectNode times = root.putObject("times");
    times.put("compileMs", Numbers.millisValue(report.compileNanos()));
    times.put("solveMs", Numbers.millisValue(report.solveNanos()));
    times.put("verifyMs", Numbers.millisValue(report.verifyNanos()));
    root.put("solver", report.solverName());
    root.put("message", report.message() == null ? "" : report.message());
    if (report.strategy() != null) {
      StrategyLine.json(root.putObject("strategy"), report.strategy());
    }
    Verification v = report.verification();
    if (v == null) {
      root.putNull("verification");
    } else {
      verification(root.putObject("verification"), v);
    }
    if (report.mechanism() == null) {
      root.putNull("mechanism");
    } else {
      root.set("mechanism", MechanismJson.toJson(problem, report.mechanism()));
    }
    interim(root.putArray("interim"), problem, report.interim());
    ArrayNode binding = root.putArray("binding");
    ObjectNode bindingCounts = root.putObject("bindingCounts");
    if (v != null && report.mechanism() != null) {
      for (RowCheck row : v.binding()) {
        ObjectNode node = rowCheck(binding.addObject(), problem, row);
        number(node, "slack", row.amount());
        number(node, "dual", row.dual());
      }
      v.bindingCountByFamily().forEach(bindingCounts::put);
    }
    if (v != null && report.mechanism() != null) {
      explanation(root.putObject("explanation"), Explanation.of(problem, v));
    }
    return write(root);
  }

  private static void explanation(ObjectNode node, Explanation explanation) {
    ArrayNode summary = node.putArray("summary");
    explanation.summary().forEach(summary::add);
    ArrayNode prices = node.putArray("shadowPrices");
    for (Explanation.ShadowPrice price : explanation.shadowPrices()) {
      ObjectNode entry = prices.addObject();
      entry.put("row", price.row().rowName());
      entry.put("family", price.row().family());
      number(entry, "dual", price.row().dual());
      number(entry, "relaxationEffect", price.row().relaxationEffect());
      entry.put("meaning", price.sentence());
    }
  }

  /** The JSON text of a check report. */
  public static String check(CheckReport report) {
    Problem problem = report.problem();
    Verification v = report.verification();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("command", "check");
    root.put("problem", problem.name());
    root.put("passed", report.passed());
    root.put("exact", report.exact());
    number(root, "objective", report.objective());
    exact(root, "objectiveExact", report.exactObjective());
    root.put("objectiveSense", Describe.objective(problem.objective()));
    verification(root.putObject("verification"), v);
    root.put("violationCount", Math.max(v.violationCount(), v.violations().size()));
    ArrayNode violations = root.putArray("violations");
    for (RowCheck row : v.violations()) {
      ObjectNode node = rowCheck(violations.addObject(), problem, row);
      number(node, "amount", row.amount());
      exact(node, "amountExact", row.exactAmount());
    }
    ObjectNode regret = root.putObject("largestRegret");
    for (int i = 0; i < problem.agentCount(); i++) {
      number(regret, problem.agents().get(i).name(), report.largestRegretPerAgent()[i]);
    }
    interim(root.putArray("interim"), problem, report.interim());
    return write(root);
  }

  static void verification(ObjectNode node, Verification v) {
    number(node, "maxViolation", v.maxViolation());
    exact(node, "maxViolationExact", v.exactMaxViolation());
    if (v.worstRow() == null) {
      node.putNull("worstRow");
    } else {
      node.put("worstRow", v.worstRow());
    }
    node.put("rowsChecked", v.rowsChecked());
    node.put("exact", v.exact());
    number(node, "tolerance", v.tolerance());
    number(node, "objectiveRecomputed", v.objectiveRecomputed());
  }

  private static ObjectNode rowCheck(ObjectNode node, Problem problem, RowCheck row) {
    node.put("family", row.family());
    node.put("row", row.rowName());
    node.put("description", row.description());
    if (row.agent() < 0) {
      node.putNull("agent");
    } else {
      node.put("agent", problem.agents().get(row.agent()).name());
    }
    return node;
  }

  private static void interim(ArrayNode array, Problem problem, List<InterimRow> rows) {
    for (InterimRow row : rows) {
      ObjectNode node = array.addObject();
      node.put("agent", problem.agents().get(row.agent()).name());
      node.put("type", Describe.typeName(problem, row.agent(), row.type()));
      node.put("probability", Numbers.exact(row.probability()));
      ObjectNode allocation = node.putObject("allocation");
      for (Map.Entry<String, Double> e : Describe.lotteryMap(problem, row.outcomeProbabilities()).entrySet()) {
        number(allocation, e.getKey(), e.getValue());
      }
      number(node, "expectedPayment", row.expectedTransfer());
      number(node, "expectedUtility", row.expectedUtility());
    }
  }

  static void number(ObjectNode node, String field, Double value) {
    if (value == null || !Double.isFinite(value)) {
      node.putNull(field);
    } else {
      // Adding 0.0 turns -0.0 into 0.0.
      node.put(field, value + 0.0);
    }
  }

  private static void exact(ObjectNode node, String field, BigFraction value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, Numbers.exact(value));
    }
  }

  static String write(ObjectNode root) {
    try {
      return WRITER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialize a report", e);
    }
  }
}
