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
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.InfeasibilityCertification;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.diagnose.InfeasibilityReport;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.DeterministicReport;
import org.mechlp.solver.report.Explanation;
import org.mechlp.solver.report.InterimRow;
import org.mechlp.solver.report.RangeReport;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
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
    return write(solveTree(report));
  }

  /** The tree of a solve report, to which the variants of solve add their own objects. */
  private static ObjectNode solveTree(SolveReport report) {
    Problem problem = report.problem();
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    root.put("command", "solve");
    root.put("problem", problem.name());
    root.put("status", report.status().name());
    number(root, "objective", report.objective());
    root.put("objectiveSense", Describe.objective(problem.objective()));
    // Whether the answer was certified in exact rational arithmetic (else it is floating point, verified).
    root.put("exact", report.verification() != null && report.verification().exact());
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
    return root;
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

  /**
   * The JSON text of a solve report with the diagnosis of its infeasibility under the key {@code infeasibility}
   * (docs/OUTPUT.md).
   */
  public static String solve(SolveReport report, InfeasibilityReport d) {
    ObjectNode root = solveTree(report);
    putInfeasibility(root, report, d);
    return write(root);
  }

  private static void putInfeasibility(ObjectNode root, SolveReport report, InfeasibilityReport d) {
    ObjectNode node = root.putObject("infeasibility");
    ArrayNode families = node.putArray("families");
    d.families().forEach(f -> families.addObject().put("id", f.id()).put("title", f.title()));
    ArrayNode given = node.putArray("givenFamilies");
    d.givenFamilies().forEach(f -> given.add(f.id()));
    node.put("rowSet", d.rowSet().name());
    node.put("rowNote", d.rowNote());
    ArrayNode rows = node.putArray("rows");
    for (InfeasibilityReport.ConflictRow row : d.rows()) {
      ObjectNode r = rows.addObject();
      r.put("row", row.name());
      r.put("family", row.family());
      if (row.agent() >= 0) {
        r.put("agent", report.problem().agents().get(row.agent()).name());
      } else {
        r.putNull("agent");
      }
      r.put("description", row.words());
    }
    ArrayNode relaxations = node.putArray("relaxations");
    for (InfeasibilityReport.Relaxation relaxation : d.relaxations()) {
      ObjectNode r = relaxations.addObject();
      r.put("kind", relaxation.kind().name());
      r.put("family", relaxation.family());
      number(r, "value", relaxation.value());
      exact(r, "exact", relaxation.exact());
      r.put("description", relaxation.words());
      if (relaxation.certification() != null) {
        r.put("certification", relaxation.certification());
      }
    }
    node.put("lpSolves", d.lpSolves());
    ObjectNode times = node.putObject("times");
    times.put("familiesMs", Numbers.millisValue(d.familyNanos()));
    times.put("rowsMs", Numbers.millisValue(d.rowNanos()));
    times.put("relaxationsMs", Numbers.millisValue(d.relaxationNanos()));
  }

  /**
   * The JSON text of a deterministic solve: the deterministic mechanism's solve report with a {@code deterministic}
   * object comparing it with the randomized optimum.
   */
  public static String deterministic(DeterministicReport report) {
    ObjectNode root = solveTree(report.deterministic());
    ObjectNode node = root.putObject("deterministic");
    number(node, "objective", report.deterministic().objective());
    number(node, "randomizedObjective", report.randomized().objective());
    node.put("randomizedStatus", report.randomized().status().name());
    number(node, "valueOfRandomization", report.valueOfRandomization());
    number(node, "ratio", report.ratio());
    number(node, "bestBound", report.bestBound());
    number(node, "gap", report.gap());
    node.put("provenOptimal", report.provenOptimal());
    return write(root);
  }

  /**
   * The JSON text of a range solve: the solve report of the side the problem's own sense asks for, with a {@code
   * range} object giving both ends, their statuses and mechanisms.
   */
  public static String range(RangeReport report) {
    ObjectNode root = solveTree(report.ownSense());
    ObjectNode node = root.putObject("range");
    SolveReport min = report.minimum();
    SolveReport max = report.maximum();
    number(node, "min", min.status() == SolveStatus.OPTIMAL ? min.objective() : null);
    number(node, "max", max.status() == SolveStatus.OPTIMAL ? max.objective() : null);
    node.put("minStatus", min.status().name());
    node.put("maxStatus", max.status().name());
    mechanismOrNull(node, "minMechanism", min);
    mechanismOrNull(node, "maxMechanism", max);
    return write(root);
  }

  private static void mechanismOrNull(ObjectNode node, String field, SolveReport side) {
    if (side.status() != SolveStatus.OPTIMAL || side.mechanism() == null) {
      node.putNull(field);
    } else {
      node.set(field, MechanismJson.toJson(side.problem(), side.mechanism()));
    }
  }

  /**
   * The JSON text of a {@code solve --exact} report: the solve report plus a {@code certificate} object (status,
   * the certified objective as a fraction string, the basis dimension, the exact-arithmetic time, and the reason).
   */
  public static String solveExact(SolveReport report, Certification certification) {
    ObjectNode root = solveTree(report);
    putCertificate(root, certification);
    return write(root);
  }

  private static void putCertificate(ObjectNode root, Certification certification) {
    ObjectNode node = root.putObject("certificate");
    node.put("status", certification.status().name());
    if (certification.objective() == null) {
      node.putNull("objective");
    } else {
      node.put("objective", Ratios.ratio(certification.objective()));
    }
    node.put("basisDimension", certification.basisDimension());
    node.put("certifyMs", Numbers.millisValue(certification.certifyNanos()));
    node.put("reason", certification.reason());
  }

  /**
   * The JSON text of a {@code solve --exact} report of an LP found infeasible: the certificate object says
   * {@code "kind": "infeasibility"}, whether it is CERTIFIED or FAILED, the non-zero Farkas multipliers, the least
   * total violation and the reason; with a diagnosis, its {@code infeasibility} object as in
   * {@link #solve(SolveReport, InfeasibilityReport)}. With {@code infeasibility} null it is
   * {@link #solveExact(SolveReport, Certification)} (plus the diagnosis when given).
   */
  public static String solveExact(
      SolveReport report,
      Certification certification,
      InfeasibilityCertification infeasibility,
      InfeasibilityReport diagnosis) {
    ObjectNode root = solveTree(report);
    putCertificate(root, certification);
    if (infeasibility != null) {
      ObjectNode node = root.putObject("certificate");
      node.put("kind", "infeasibility");
      node.put("status", infeasibility.status().name());
      node.put("farkasNonZeros", infeasibility.nonZeros());
      if (infeasibility.totalViolation() == null) {
        node.putNull("totalViolation");
      } else {
        node.put("totalViolation", Ratios.ratio(infeasibility.totalViolation()));
      }
      node.put("basisDimension", infeasibility.basisDimension());
      node.put("certifyMs", Numbers.millisValue(infeasibility.certifyNanos()));
      node.put("reason", infeasibility.reason());
    }
    if (diagnosis != null) {
      putInfeasibility(root, report, diagnosis);
    }
    return write(root);
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
