package org.mechlp.cli.render;

import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.cli.render.json.CalibratedSolveJson;
import org.mechlp.cli.render.json.SolveJson;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.SignalRule;
import org.mechlp.solver.exact.CalibratedExactSolver;
import org.mechlp.solver.certify.Certification;

/**
 * Renders a calibrated solve report in the {@code mechlp-report/1} shape: the top-level fields of a standard solve
 * report plus a {@code "calibrated"} object (docs/OUTPUT.md), as the records of {@link CalibratedSolveJson} that
 * Jackson writes.
 */
public final class CalibratedJsonReport {
  private CalibratedJsonReport() {}

  /** The JSON text of a calibrated solve report. */
  public static String render(CalibratedReport report) {
    return JsonReport.write(json(report));
  }

  /**
   * The JSON text of a calibrated {@code solve --exact} report: the calibrated report plus a {@code "certificate"}
   * object with the main LP's certification, the calibrated optimum when proven, and the bracketing LPs'
   * certified values (docs/OUTPUT.md).
   */
  public static String renderExact(CalibratedExactSolver.CalibratedExactReport exact) {
    CalibratedExactSolver.CertifiedLp main = exact.main();
    Certification c = main.certification();
    CalibratedSolveJson.Certificate certificate =
        new CalibratedSolveJson.Certificate(
            c.status().name(),
            main.kind(),
            exact.report().candidatePosteriors(),
            JsonReport.fraction(main.value()),
            c.basisDimension(),
            Numbers.millisValue(c.certifyNanos()),
            c.reason(),
            JsonReport.fraction(exact.calibratedOptimum()),
            exact.optimumReason(),
            new CalibratedSolveJson.CertifiedBenchmarks(
                bracket(exact.standard()), bracket(exact.full()), bracket(exact.none()),
                bracket(exact.deterministic())));
    return JsonReport.write(json(exact.report()).withCertificate(certificate));
  }

  private static CalibratedSolveJson.CertifiedLp bracket(CalibratedExactSolver.CertifiedLp lp) {
    return lp == null
        ? null
        : new CalibratedSolveJson.CertifiedLp(
            lp.kind(), lp.certification().status().name(), JsonReport.fraction(lp.value()),
            lp.certification().reason());
  }

  private static CalibratedSolveJson json(CalibratedReport report) {
    Problem problem = report.problem();
    return new CalibratedSolveJson(
        JsonReport.FORMAT,
        "solve",
        problem.name(),
        report.status().name(),
        JsonReport.number(report.objective()),
        Describe.objective(problem.objective()),
        new SolveJson.Lp(report.size().rows(), report.size().columns(), report.size().nonZeros()),
        new SolveJson.Times(
            Numbers.millisValue(report.compileNanos()),
            Numbers.millisValue(report.solveNanos()),
            Numbers.millisValue(report.verifyNanos())),
        report.solverName(),
        report.message() == null ? "" : report.message(),
        report.verification() == null ? null : JsonReport.verification(report.verification()),
        calibrated(report),
        null);
  }

  private static CalibratedSolveJson.Calibrated calibrated(CalibratedReport report) {
    Problem problem = report.problem();
    CalibrationSpec spec = problem.calibration();
    Double deterministic = report.deterministicRules();
    CalibratedSolveJson.Benchmarks benchmarks =
        new CalibratedSolveJson.Benchmarks(
            JsonReport.number(report.standardBound()),
            CalibratedFacts.standardSide(problem),
            JsonReport.number(report.fullTransparency()),
            JsonReport.number(report.noDisclosure()),
            // Left out when not solved; null when solved without a finite value.
            deterministic == null ? null : orNullNode(JsonReport.number(deterministic)),
            JsonReport.number(CalibratedFacts.gap(report)));
    List<CalibratedSolveJson.SignalRow> structure = new ArrayList<>();
    double[][] pi = report.signalStructure();
    for (int s = 0; s < report.signals().size() && s < pi.length; s++) {
      structure.add(new CalibratedSolveJson.SignalRow(report.signals().get(s).signal(), states(problem, pi[s])));
    }
    return new CalibratedSolveJson.Calibrated(
        spec.disclosure().json(),
        settings(problem, spec),
        report.exact(),
        CalibratedFacts.objectiveKind(report),
        report.exactness(),
        report.candidatePosteriors(),
        benchmarks,
        problem.states().stream().map(state -> state.name()).toList(),
        structure,
        report.signals().stream().map(signal -> signal(problem, signal)).toList());
  }

  private static CalibratedSolveJson.Settings settings(Problem problem, CalibrationSpec spec) {
    Map<String, Map<String, String>> signal = null;
    if (spec.disclosure() == CalibrationSpec.Disclosure.FIXED) {
      signal = new LinkedHashMap<>();
      for (int s = 0; s < spec.signalNames().size(); s++) {
        Map<String, String> row = new LinkedHashMap<>();
        List<BigFraction> given = spec.signal().get(s);
        for (int w = 0; w < problem.states().size(); w++) {
          row.put(problem.states().get(w).name(), Numbers.exact(given.get(w)));
        }
        signal.put(spec.signalNames().get(s), row);
      }
    }
    return new CalibratedSolveJson.Settings(
        spec.gridResolution(), spec.maxDenominator(), spec.adaptive(), spec.observePayments(), spec.typesRedrawn(),
        signal);
  }

  private static CalibratedSolveJson.Signal signal(Problem problem, SignalRule signal) {
    boolean transfers = problem.mechanism().transfers().allowed();
    int agents = problem.agentCount();
    TypeProfiles profiles = problem.profiles();
    List<CalibratedSolveJson.Rule> rule = new ArrayList<>();
    for (int t = 0; t < signal.allocation().length; t++) {
      String type = null;
      Map<String, String> types = null;
      if (agents == 1) {
        type = problem.agents().get(0).types().get(t).name();
      } else {
        // Several agents (a public signal): the rule is indexed by reported profile.
        types = new LinkedHashMap<>();
        for (int i = 0; i < agents; i++) {
          types.put(
              problem.agents().get(i).name(), problem.agents().get(i).types().get(profiles.typeOf(t, i)).name());
        }
      }
      Map<String, Double> allocation = new LinkedHashMap<>();
      for (int o = 0; o < problem.outcomeCount(); o++) {
        allocation.put(problem.outcomes().get(o).name(), JsonReport.number(signal.allocation()[t][o]));
      }
      Object payment = null;
      Map<String, Double> payments = null;
      if (transfers && agents == 1) {
        payment = orNullNode(JsonReport.number(signal.transfers()[t]));
      } else if (transfers) {
        payments = new LinkedHashMap<>();
        for (int i = 0; i < agents; i++) {
          payments.put(problem.agents().get(i).name(), JsonReport.number(signal.transfers()[t * agents + i]));
        }
      }
      rule.add(new CalibratedSolveJson.Rule(type, types, allocation, payment, payments));
    }
    return new CalibratedSolveJson.Signal(
        signal.signal(), JsonReport.number(signal.probability()), states(problem, signal.posterior()), rule);
  }

  private static Map<String, Double> states(Problem problem, double[] values) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int w = 0; w < problem.states().size(); w++) {
      map.put(problem.states().get(w).name(), JsonReport.number(values[w]));
    }
    return map;
  }

  /** A value that is written even when missing: JSON null rather than a left-out field. */
  private static Object orNullNode(Double value) {
    return value == null ? NullNode.getInstance() : value;
  }
}
