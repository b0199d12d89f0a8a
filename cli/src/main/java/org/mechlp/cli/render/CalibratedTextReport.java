package org.mechlp.cli.render;

import java.util.ArrayList;
import java.util.List;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.State;
import org.mechlp.solver.calibrated.CalibratedLps;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.SignalRule;
import org.mechlp.solver.exact.CalibratedExactSolver;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Ratios;

/** Renders a calibrated solve report (docs/THEORY.md, Calibrated LPs) as human-readable text. */
public final class CalibratedTextReport {
  /** Largest denominator with which a posterior coordinate prints as a fraction. */
  private static final int POSTERIOR_DENOMINATOR = 10_000;

  private final int maxRows;

  /** A renderer listing at most {@code maxRows} lines per table (signals, types). */
  public CalibratedTextReport(int maxRows) {
    this.maxRows = maxRows;
  }

  /** The text of a calibrated solve report. */
  public String render(CalibratedReport report) {
    return render(report, null);
  }

  /**
   * The text of a calibrated {@code solve --exact} report: after the title, what the main LP's certificate proves
   * ("certified optimal over the N candidate posteriors: 13/8", or "certification failed: reason") and whether
   * that is the calibrated optimum; after the benchmarks, the bracketing LPs' certified values as fractions.
   */
  public String renderExact(CalibratedExactSolver.CalibratedExactReport exact) {
    return render(exact.report(), exact);
  }

  private String render(CalibratedReport report, CalibratedExactSolver.CalibratedExactReport exact) {
    Problem problem = report.problem();
    StringBuilder sb = new StringBuilder();
    sb.append("mechlp solve: ").append(problem.name()).append(" (calibrated mechanism)\n");
    if (exact != null) {
      verdict(sb, exact);
    }
    header(sb, report);
    sb.append('\n');
    benchmarks(sb, report);
    if (exact != null) {
      sb.append('\n');
      certifiedValues(sb, exact);
    }
    if (!report.signals().isEmpty()) {
      sb.append('\n');
      signalStructure(sb, report);
      for (int s = 0; s < report.signals().size(); s++) {
        if (s == maxRows) {
          sb.append("\n  ... and ")
              .append(report.signals().size() - s)
              .append(" more signals (raise --max-rows or use --format json for all)\n");
          break;
        }
        sb.append('\n');
        signal(sb, problem, report.signals().get(s));
      }
    }
    return sb.toString();
  }

  private static void verdict(StringBuilder sb, CalibratedExactSolver.CalibratedExactReport exact) {
    CalibratedExactSolver.CertifiedLp main = exact.main();
    Certification c = main.certification();
    switch (c.status()) {
      case CERTIFIED -> {
        String what =
            CalibratedLps.GRID.equals(main.kind())
                ? "certified optimal over the " + exact.report().candidatePosteriors() + " candidate posteriors: "
                : "certified optimal (" + main.kind() + " LP): ";
        sb.append(what).append(Ratios.ratio(main.value())).append('\n');
        sb.append("  (").append(c.reason()).append("; basis dimension ").append(c.basisDimension())
            .append(", exact arithmetic ").append(Numbers.millis(c.certifyNanos())).append(" ms)\n");
        if (exact.calibratedOptimum() != null) {
          sb.append("calibrated optimum: ").append(Ratios.ratio(exact.calibratedOptimum()))
              .append(" (").append(exact.optimumReason()).append(")\n");
        } else {
          sb.append("not proven to be the calibrated optimum: ").append(exact.optimumReason()).append('\n');
        }
      }
      case FAILED -> sb.append("certification failed: ").append(c.reason()).append('\n');
      case NOT_APPLICABLE -> sb.append("not certified: ").append(c.reason()).append('\n');
    }
  }

  private static void certifiedValues(StringBuilder sb, CalibratedExactSolver.CalibratedExactReport exact) {
    Problem problem = exact.report().problem();
    sb.append("Certified values (exact; each LP's certificate checked independently)\n");
    TextTable table = new TextTable(List.of("LP", ">certified value"));
    List<String> failures = new ArrayList<>();
    certifiedRow(table, failures, "this answer (" + exact.main().kind() + ")", exact.main());
    certifiedRow(table, failures,
        "standard BIC optimum (" + CalibratedFacts.standardSide(problem) + ", docs/THEORY.md P4)", exact.standard());
    certifiedRow(table, failures, "full transparency", exact.full());
    certifiedRow(table, failures, "no disclosure", exact.none());
    certifiedRow(table, failures, "deterministic rules (docs/THEORY.md P3)", exact.deterministic());
    sb.append(table.render());
    for (String failure : failures) {
      sb.append("  ").append(failure).append('\n');
    }
  }

  private static void certifiedRow(
      TextTable table, List<String> failures, String label, CalibratedExactSolver.CertifiedLp lp) {
    if (lp == null) {
      return;
    }
    if (lp.certified()) {
      table.add(List.of(label, Ratios.ratio(lp.value())));
      return;
    }
    table.add(List.of(label, "not certified"));
    Certification c = lp.certification();
    failures.add(label + ": " + (c.status() == Certification.Status.FAILED ? "certification failed: " : "")
        + c.reason());
  }

  private static void header(StringBuilder sb, CalibratedReport report) {
    Problem problem = report.problem();
    String sense = Describe.objective(problem.objective());
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"status", report.status().name()});
    lines.add(
        new String[] {
          "objective",
          report.objective() == null
              ? "- (" + sense + ")"
              : Numbers.format(report.objective()) + " (" + CalibratedFacts.objectiveKind(report) + "), " + sense
        });
    lines.add(new String[] {"exactness", report.exactness()});
    lines.add(new String[] {"disclosure", CalibratedFacts.disclosure(problem.calibration())});
    lines.add(
        new String[] {
          "posteriors",
          report.candidatePosteriors() + " candidate" + (report.candidatePosteriors() == 1 ? "" : "s") + ", "
              + report.signals().size() + " used"
        });
    lines.add(new String[] {"constraints", Describe.constraints(problem.mechanism())});
    lines.add(
        new String[] {"LP", TextReport.lpLine(report.size())});
    lines.add(
        new String[] {
          "times",
          TextReport.timesLine(report.compileNanos(), report.solveNanos(), report.verifyNanos())
        });
    lines.add(new String[] {"solver", report.solverName()});
    if (report.verification() != null) {
      lines.add(new String[] {"verification", TextReport.verificationLine(report.verification())});
    }
    if (report.message() != null && !report.message().isBlank()) {
      lines.add(new String[] {"note", report.message()});
    }
    TextReport.keyValues(sb, lines);
  }

  private static void benchmarks(StringBuilder sb, CalibratedReport report) {
    Problem problem = report.problem();
    sb.append("Benchmarks (").append(Describe.objective(problem.objective())).append(")\n");
    TextTable table = new TextTable(List.of("mechanism", ">value"));
    String kind = CalibratedFacts.objectiveKind(report);
    table.add(List.of(kind == null ? "this answer" : "this answer (" + kind + ")", value(report.objective())));
    table.add(
        List.of(
            "standard BIC optimum (" + CalibratedFacts.standardSide(problem) + ", docs/THEORY.md P4)",
            value(report.standardBound())));
    table.add(List.of("full transparency", value(report.fullTransparency())));
    table.add(List.of("no disclosure", value(report.noDisclosure())));
    if (report.deterministicRules() != null) {
      table.add(List.of("deterministic rules (exact, docs/THEORY.md P3)", value(report.deterministicRules())));
    }
    table.add(List.of("gap to the standard BIC optimum", value(CalibratedFacts.gap(report))));
    sb.append(table.render());
  }

  private void signalStructure(StringBuilder sb, CalibratedReport report) {
    Problem problem = report.problem();
    sb.append("Signal structure pi(signal | state)\n");
    List<String> columns = new ArrayList<>(List.of("signal", ">probability"));
    for (State state : problem.states()) {
      columns.add(">state " + state.name());
    }
    TextTable table = new TextTable(columns);
    double[][] pi = report.signalStructure();
    for (int s = 0; s < report.signals().size() && s < maxRows; s++) {
      SignalRule signal = report.signals().get(s);
      List<String> cells = new ArrayList<>(List.of(signal.signal(), Numbers.format(signal.probability())));
      for (int w = 0; w < problem.states().size(); w++) {
        cells.add(s < pi.length ? Numbers.format(pi[s][w]) : "-");
      }
      table.add(cells);
    }
    sb.append(table.render());
  }

  private void signal(StringBuilder sb, Problem problem, SignalRule signal) {
    List<String> states = new ArrayList<>();
    List<String> beliefs = new ArrayList<>();
    for (int w = 0; w < problem.states().size(); w++) {
      states.add(problem.states().get(w).name());
      // Candidate posteriors are rationals with small denominators, and 2/3 reads better than 0.666667.
      beliefs.add(Numbers.smallFraction(signal.posterior()[w], POSTERIOR_DENOMINATOR));
    }
    sb.append("Signal ")
        .append(signal.signal())
        .append(": probability ")
        .append(Numbers.format(signal.probability()))
        .append(", posterior over (")
        .append(String.join(", ", states))
        .append(") = (")
        .append(String.join(", ", beliefs))
        .append(")\n");
    boolean transfers = problem.mechanism().transfers().allowed();
    int agents = problem.agentCount();
    // One agent: a row per type. Several (a public signal, docs/THEORY.md, Several agents: a public signal): a row per
    // reported profile, a payment column per agent.
    List<String> columns = new ArrayList<>(List.of(agents == 1 ? "type" : "profile", "lottery"));
    if (transfers) {
      if (agents == 1) {
        columns.add(">pays");
      } else {
        problem.agents().forEach(a -> columns.add(">" + a.name() + " pays"));
      }
    }
    TextTable table = new TextTable(columns);
    TypeProfiles profiles = problem.profiles();
    int rows = signal.allocation().length;
    for (int t = 0; t < rows && t < maxRows; t++) {
      String label =
          agents == 1 ? problem.agents().get(0).types().get(t).name() : problem.describeProfile(t, profiles);
      List<String> cells = new ArrayList<>(List.of(label, Describe.lottery(problem, signal.allocation()[t])));
      if (transfers) {
        for (int i = 0; i < agents; i++) {
          cells.add(Numbers.format(signal.transfers()[t * agents + i]));
        }
      }
      table.add(cells);
    }
    sb.append(table.render());
    if (table.size() < rows) {
      sb.append("  ... and ")
          .append(rows - table.size())
          .append(agents == 1 ? " more types\n" : " more profiles\n");
    }
  }

  private static String value(Double x) {
    return x == null ? "-" : Numbers.format(x);
  }
}
