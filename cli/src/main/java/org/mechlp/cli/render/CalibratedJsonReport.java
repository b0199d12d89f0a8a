package org.mechlp.cli.render;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.SignalRule;
import org.mechlp.solver.exact.CalibratedExactSolver;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Ratios;

/**
 * Renders a calibrated solve report in the {@code mechlp-report/1} shape: the top-level fields of a standard solve
 * report plus a {@code "calibrated"} object (docs/OUTPUT.md).
 */
public final class CalibratedJsonReport {
  private CalibratedJsonReport() {}

  /** The JSON text of a calibrated solve report. */
  public static String render(CalibratedReport report) {
    return JsonReport.write(tree(report));
  }

  /**
   * The JSON text of a calibrated {@code solve --exact} report: the calibrated report plus a {@code "certificate"}
   * object with the main LP's certification, the calibrated optimum when proven, and the bracketing LPs'
   * certified values (docs/OUTPUT.md).
   */
  public static String renderExact(CalibratedExactSolver.CalibratedExactReport exact) {
    ObjectNode root = tree(exact.report());
    ObjectNode node = root.putObject("certificate");
    CalibratedExactSolver.CertifiedLp main = exact.main();
    Certification c = main.certification();
    node.put("status", c.status().name());
    node.put("lp", main.kind());
    node.put("candidatePosteriors", exact.report().candidatePosteriors());
    fraction(node, "objective", main.value());
    node.put("basisDimension", c.basisDimension());
    node.put("certifyMs", Numbers.millisValue(c.certifyNanos()));
    node.put("reason", c.reason());
    fraction(node, "calibratedOptimum", exact.calibratedOptimum());
    node.put("calibratedOptimumReason", exact.optimumReason());
    ObjectNode benchmarks = node.putObject("benchmarks");
    bracket(benchmarks, "standardBound", exact.standard());
    bracket(benchmarks, "fullTransparency", exact.full());
    bracket(benchmarks, "noDisclosure", exact.none());
    bracket(benchmarks, "deterministicRules", exact.deterministic());
    return JsonReport.write(root);
  }

  private static void bracket(ObjectNode parent, String field, CalibratedExactSolver.CertifiedLp lp) {
    if (lp == null) {
      return;
    }
    ObjectNode node = parent.putObject(field);
    node.put("lp", lp.kind());
    node.put("status", lp.certification().status().name());
    fraction(node, "objective", lp.value());
    node.put("reason", lp.certification().reason());
  }

  private static void fraction(ObjectNode node, String field, BigFraction value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, Ratios.ratio(value));
    }
  }

  private static ObjectNode tree(CalibratedReport report) {
    Problem problem = report.problem();
    ObjectNode root = JsonReport.MAPPER.createObjectNode();
    root.put("format", JsonReport.FORMAT);
    root.put("command", "solve");
    root.put("problem", problem.name());
    root.put("status", report.status().name());
    JsonReport.number(root, "objective", report.objective());
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
    if (report.verification() == null) {
      root.putNull("verification");
    } else {
      JsonReport.verification(root.putObject("verification"), report.verification());
    }
    calibrated(root.putObject("calibrated"), report);
    return root;
  }

  private static void calibrated(ObjectNode node, CalibratedReport report) {
    Problem problem = report.problem();
    CalibrationSpec spec = problem.calibration();
    node.put("disclosure", spec.disclosure().json());
    settings(node.putObject("settings"), problem, spec);
    node.put("exact", report.exact());
    String kind = CalibratedFacts.objectiveKind(report);
    if (kind == null) {
      node.putNull("objectiveKind");
    } else {
      node.put("objectiveKind", kind);
    }
    node.put("exactness", report.exactness());
    node.put("candidatePosteriors", report.candidatePosteriors());
    ObjectNode benchmarks = node.putObject("benchmarks");
    JsonReport.number(benchmarks, "standardBound", report.standardBound());
    benchmarks.put("standardBoundSide", CalibratedFacts.standardSide(problem));
    JsonReport.number(benchmarks, "fullTransparency", report.fullTransparency());
    JsonReport.number(benchmarks, "noDisclosure", report.noDisclosure());
    if (report.deterministicRules() != null) {
      JsonReport.number(benchmarks, "deterministicRules", report.deterministicRules());
    }
    JsonReport.number(benchmarks, "gap", CalibratedFacts.gap(report));
    ArrayNode states = node.putArray("states");
    problem.states().forEach(state -> states.add(state.name()));
    ArrayNode structure = node.putArray("signalStructure");
    double[][] pi = report.signalStructure();
    for (int s = 0; s < report.signals().size() && s < pi.length; s++) {
      ObjectNode row = structure.addObject();
      row.put("signal", report.signals().get(s).signal());
      statesMap(row.putObject("pi"), problem, pi[s]);
    }
    ArrayNode signals = node.putArray("signals");
    for (SignalRule signal : report.signals()) {
      signal(signals.addObject(), problem, signal);
    }
  }

  private static void settings(ObjectNode node, Problem problem, CalibrationSpec spec) {
    node.put("grid", spec.gridResolution());
    node.put("maxDenominator", spec.maxDenominator());
    node.put("adaptive", spec.adaptive());
    node.put("observePayments", spec.observePayments());
    node.put("typesRedrawn", spec.typesRedrawn());
    if (spec.disclosure() != CalibrationSpec.Disclosure.FIXED) {
      node.putNull("signal");
      return;
    }
    ObjectNode signal = node.putObject("signal");
    for (int s = 0; s < spec.signalNames().size(); s++) {
      ObjectNode row = signal.putObject(spec.signalNames().get(s));
      List<BigFraction> given = spec.signal().get(s);
      for (int w = 0; w < problem.states().size(); w++) {
        row.put(problem.states().get(w).name(), Numbers.exact(given.get(w)));
      }
    }
  }

  private static void signal(ObjectNode node, Problem problem, SignalRule signal) {
    node.put("signal", signal.signal());
    JsonReport.number(node, "probability", signal.probability());
    statesMap(node.putObject("posterior"), problem, signal.posterior());
    boolean transfers = problem.mechanism().transfers().allowed();
    ArrayNode rule = node.putArray("rule");
    int agents = problem.agentCount();
    TypeProfiles profiles = problem.profiles();
    for (int t = 0; t < signal.allocation().length; t++) {
      ObjectNode row = rule.addObject();
      if (agents == 1) {
        row.put("type", problem.agents().get(0).types().get(t).name());
      } else {
        // Several agents (a public signal): the rule is indexed by reported profile.
        ObjectNode reported = row.putObject("types");
        for (int i = 0; i < agents; i++) {
          reported.put(
              problem.agents().get(i).name(),
              problem.agents().get(i).types().get(profiles.typeOf(t, i)).name());
        }
      }
      ObjectNode allocation = row.putObject("allocation");
      for (int o = 0; o < problem.outcomeCount(); o++) {
        JsonReport.number(allocation, problem.outcomes().get(o).name(), signal.allocation()[t][o]);
      }
      if (transfers && agents == 1) {
        JsonReport.number(row, "payment", signal.transfers()[t]);
      } else if (transfers) {
        ObjectNode payments = row.putObject("transfers");
        for (int i = 0; i < agents; i++) {
          JsonReport.number(payments, problem.agents().get(i).name(), signal.transfers()[t * agents + i]);
        }
      }
    }
  }

  private static void statesMap(ObjectNode node, Problem problem, double[] values) {
    for (int w = 0; w < problem.states().size(); w++) {
      JsonReport.number(node, problem.states().get(w).name(), values[w]);
    }
  }
}
