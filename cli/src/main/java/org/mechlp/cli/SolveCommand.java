package org.mechlp.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import org.mechlp.cli.render.CalibratedJsonReport;
import org.mechlp.cli.render.CalibratedTextReport;
import org.mechlp.cli.render.JsonReport;
import org.mechlp.cli.render.MechanismTables;
import org.mechlp.cli.render.TextReport;
import org.mechlp.cli.render.ValueCurveFiles;
import org.mechlp.model.Problem;
import org.mechlp.solver.DeterministicSolver;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.RangeSolver;
import org.mechlp.solver.SolveOptions;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.CalibratedSolver;
import org.mechlp.solver.calibrated.ValueCurve;
import org.mechlp.solver.certify.CalibratedCertificateFile;
import org.mechlp.solver.certify.CalibratedExactSolver;
import org.mechlp.solver.certify.CertificateFile;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.ExactSolver;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.diagnose.DiagnoseOptions;
import org.mechlp.solver.diagnose.InfeasibilityDiagnosis;
import org.mechlp.solver.diagnose.InfeasibilityReport;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.SolverSettings;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.DeterministicReport;
import org.mechlp.solver.report.RangeReport;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mechlp solve}: computes, verifies and prints the optimal mechanism of a problem file. */
@Command(
    name = "solve",
    mixinStandardHelpOptions = true,
    description = {
      "Compute the optimal mechanism of a problem file, verify it independently of the solver and print it.",
      "The report gives the status, the objective, the LP's size and times, the mechanism per reported profile, the"
          + " interim view per agent and type, and which constraints bind (with duals when the solver provides"
          + " reliable ones).",
      "A problem with a \"calibration\" block is solved as a calibrated mechanism: the report shows the signal"
          + " structure, the rule after each signal, and the benchmarks that bracket the value."
    },
    footer = {
      "%nExamples:",
      "  mechlp solve instances/myerson-two-bidders.json",
      "  mechlp solve - < instances/myerson-two-bidders.json",
      "  mechlp solve instances/myerson-two-bidders.json --format json --out result.json",
      "  mechlp solve instances/myerson-ironing.json --exact --certificate cert.json",
      "  mechlp solve instances/lottery-two-items.json --deterministic",
      "  mechlp solve instances/revenue-range.json --range",
      "  mechlp solve instances/bilateral-trade-ms.json --no-diagnose",
      "  mechlp solve instances/myerson-two-bidders-bic.json --strategy reduced",
      "  mechlp solve instances/calibrated-example-c.json --plot cav.png --curve cav.csv",
      "  mechlp solve big.json --solver pdlp --time-limit 600",
      ExitCodes.FOOTER
    })
final class SolveCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "PROBLEM.json",
      description = "The problem file (format mechlp/1); - reads it from standard input.")
  Path problemFile;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      completionCandidates = Completions.Formats.class,
      defaultValue = "text",
      description =
          "Report format: text, json, or (standard problems) the mechanism table as csv or latex"
              + " (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically) instead of stdout.")
  Path out;

  @Option(
      names = "--tolerance",
      paramLabel = "TOL",
      defaultValue = "1e-6",
      description = "Largest constraint violation accepted by the verifier (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "200",
      description = "Most lines listed per table: profiles, interim rows, binding rows (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Option(
      names = "--curve",
      paramLabel = "FILE.csv",
      description =
          "Calibrated problems with two states: write V(mu) and its concave envelope as CSV (mu = the belief in"
              + " the second state).")
  Path curve;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png|FILE.svg",
      description =
          "Calibrated problems with two states: draw V(mu), its concave envelope and the chosen posteriors"
              + " (SVG when the name ends in .svg, else PNG).")
  Path plot;

  @Option(
      names = "--curve-points",
      paramLabel = "N",
      defaultValue = "120",
      description =
          "Grid intervals for --curve and --plot: V is solved at mu = j/N; 120 puts every posterior with"
              + " denominator 2, 3, 4, 5, 6, 8, 10 or 12 on the grid (default: ${DEFAULT-VALUE}).")
  int curvePoints;

  @Option(
      names = "--export-lp",
      paramLabel = "FILE.lp|FILE.mps",
      description =
          "Also write the compiled LP, with readable row names, in LP format (or free MPS when FILE ends in .mps)"
              + " to cross-check it in another solver. Standard (not calibrated) problems. OR-Tools' exporter"
              + " writes coefficients with 6 significant digits.")
  Path exportLp;

  @Option(
      names = "--max-lp-rows",
      paramLabel = "N",
      description =
          "Refuse, before building it, an LP with more rows than this (exit code 4, with the size and a memory"
              + " estimate) (default: ${DEFAULT-VALUE}).",
      defaultValue = "2000000")
  long maxLpRows;

  @Option(
      names = "--no-diagnose",
      description =
          "For an infeasible (non-calibrated) problem, skip the \"why infeasible\" diagnosis: the conflicting"
              + " constraint families and rows and the least subsidy, IR or IC relaxation that restores feasibility.")
  boolean noDiagnose;

  @Option(
      names = "--deterministic",
      description =
          "Restrict allocations to pure outcomes (a mixed-integer program; --solver scip by default, or cpsat) and"
              + " compare with the randomized optimum. Standard problems; --time-limit stops the MIP early"
              + " (exit code 4, with the incumbent and the MIP gap).")
  boolean deterministic;

  @Option(
      names = "--range",
      description =
          "For a problem with a fixed \"allocation\": minimize and maximize the objective over all transfers that"
              + " satisfy the constraints (revenue equivalence gives an interval with discrete types).")
  boolean range;

  @Option(
      names = "--exact",
      description =
          "Certify the optimum in exact rational arithmetic: recompute the simplex basis exactly, check primal and"
              + " dual feasibility and equal objectives, and print the value and mechanism as fractions"
              + " (exit code 4 when certification fails). For a calibrated problem every LP it solves is"
              + " certified and the report says what each certificate proves.")
  boolean exact;

  @Option(
      names = "--certificate",
      paramLabel = "FILE.json",
      description =
          "With --exact: write the optimality certificate (or, for an infeasible problem, the Farkas certificate of"
              + " infeasibility) to FILE (check it with verify-certificate).")
  Path certificate;

  @Option(
      names = "--strategy",
      paramLabel = "full|lazy|symmetric|reduced|auto",
      completionCandidates = Completions.Strategies.class,
      defaultValue = "auto",
      description =
          "How the LP is built: full builds every row; lazy starts from misreports to the nearest types and"
              + " adds violated IC rows round by round, then verifies against every row; reduced optimizes interim"
              + " allocations and payments with Border's constraints (BIC single-item auctions, independent types);"
              + " symmetric solves over anonymous mechanisms when agents are interchangeable; auto is reduced where it"
              + " applies above 20,000 profiles, else symmetric above 20,000 rows with interchangeable agents, else"
              + " lazy above 20,000 IC rows, else full"
              + " (default: ${DEFAULT-VALUE}). --exact, --deterministic and --range always build the full LP.")
  SolveOptions.Strategy strategy;

  @Mixin BackendOptions backend;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SolverSettings settings = deterministic ? deterministicSettings() : backend.settings(spec);
    if (!deterministic && settings.backend() == Backend.CP_SAT) {
      throw new ParameterException(
          spec.commandLine(), "--solver cpsat solves integer programs only: add --deterministic");
    }
    Options.requireTolerance(spec, tolerance);
    if (maxRows < 0) {
      throw new ParameterException(spec.commandLine(), "--max-rows must be at least 0, got " + maxRows);
    }
    // Every file this run may write is checked before any work, so a long run does not end with an unwritable path.
    Output output = Output.of("--out", out, stdout(), err(), problemFile);
    Output curveOutput = Output.of("--curve", curve, stdout(), err(), problemFile);
    Output.check("--plot", plot, List.of(problemFile));
    Output exportOutput = Output.of("--export-lp", exportLp, stdout(), err(), problemFile);
    Output certificateOutput = Output.of("--certificate", certificate, stdout(), err(), problemFile);
    if (curvePoints < 1 || curvePoints > 100_000) {
      throw new ParameterException(
          spec.commandLine(), "--curve-points must be from 1 to 100000, got " + curvePoints);
    }
    Problem problem = Inputs.problem(problemFile);
    if (deterministic && problem.isCalibrated()) {
      throw new BadInputException(
          "--deterministic: " + problemFile + " is calibrated; calibrated problems already solve for deterministic"
              + " rules per signal, solve it without --deterministic");
    }
    boolean wantsCurve = curve != null || plot != null;
    if (wantsCurve && (!problem.isCalibrated() || problem.stateCount() != 2)) {
      throw new BadInputException(
          "--curve and --plot draw V(mu) over the belief in one of two states: they need a problem with a"
              + " \"calibration\" block and exactly two states; "
              + problemFile
              + (problem.isCalibrated() ? " has " + problem.stateCount() + " states" : " is not calibrated"));
    }
    SolveOptions options = new SolveOptions(settings, tolerance, maxRows, strategy);
    boolean reduced;
    try {
      reduced = !problem.isCalibrated() && MechanismSolver.reducedReason(problem, strategy).isPresent();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(e.getMessage());
    }
    // The reduced form never builds the full LP, and the symmetric one only streams its rows to build a smaller LP.
    boolean guarded = !reduced && strategy != SolveOptions.Strategy.SYMMETRIC;
    var refusal = guarded ? SizeGuard.refusal(problem, maxLpRows, strategy) : Optional.<String>empty();
    if (refusal.isPresent()) {
      spec.commandLine().getErr().println(refusal.get());
      return ExitCodes.SOLVER_FAILURE;
    }
    if (exportLp != null) {
      if (problem.isCalibrated()) {
        throw new BadInputException("--export-lp: calibrated problems solve several LPs; export a standard problem");
      }
      boolean mps = exportLp.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".mps");
      exportOutput.write(OrToolsLpSolver.export(LpCompiler.compile(problem).lp(), mps));
    }
    if (problem.isCalibrated() && (format == ReportFormat.CSV || format == ReportFormat.LATEX)) {
      throw new BadInputException("--format " + format.name().toLowerCase(java.util.Locale.ROOT)
          + ": calibrated problems have a rule per signal; use text or json");
    }
    if ((exact || certificate != null) && (deterministic || range)) {
      throw new ParameterException(
          spec.commandLine(), "--exact certifies an LP optimum: it does not combine with --deterministic or --range");
    }
    if (exact || certificate != null) {
      return solveExact(problem, options, output, certificateOutput);
    }
    if (problem.isCalibrated()) {
      CalibratedReport report = CalibratedSolver.solve(problem, options);
      writeCurve(problem, options, report, curveOutput);
      output.write(
          format == ReportFormat.JSON
              ? CalibratedJsonReport.render(report)
              : new CalibratedTextReport(maxRows).render(report));
      return report.status().exitCode();
    }
    if (deterministic) {
      return solveDeterministic(problem, options, output);
    }
    if (range) {
      return solveRange(problem, options, output);
    }
    SolveReport report = MechanismSolver.solve(problem, options);
    if ((format == ReportFormat.CSV || format == ReportFormat.LATEX) && report.mechanism() == null) {
      // No mechanism to tabulate (infeasible, unbounded, a failure): say so on stderr, keep the exit code.
      spec.commandLine().getErr().println(problem.name() + ": " + report.status() + ", no mechanism to write");
      return report.status().exitCode();
    }
    String text =
        switch (format) {
          case JSON -> JsonReport.solve(report);
          case CSV -> MechanismTables.csv(problem, report.mechanism());
          case LATEX -> MechanismTables.latex(problem, report.mechanism(), report.objective());
          case TEXT -> new TextReport(maxRows).solve(report);
        };
    if (report.status() == SolveStatus.INFEASIBLE && !noDiagnose) {
      text = withDiagnosis(text, report, options);
    }
    output.write(text);
    return report.status().exitCode();
  }

  /** The report text with the "why infeasible" diagnosis added (text and JSON formats). */
  private String withDiagnosis(String text, SolveReport report, SolveOptions options) {
    return diagnosis(
            report, () -> InfeasibilityDiagnosis.diagnose(report.problem(), options, DiagnoseOptions.defaults()))
        .map(d -> format == ReportFormat.JSON ? JsonReport.solve(report, d) : text + infeasibilityText(report, d))
        .orElse(text);
  }

  /** The MIP backend: SCIP unless --solver names another integer-programming backend. */
  private SolverSettings deterministicSettings() {
    boolean solverGiven = spec.commandLine().getParseResult().hasMatchedOption("--solver");
    SolverSettings given = backend.settings(spec);
    if (!solverGiven) {
      return new SolverSettings(Backend.SCIP, given.timeLimit(), given.threads());
    }
    if (!given.backend().solvesIntegerPrograms()) {
      throw new ParameterException(
          spec.commandLine(),
          "--deterministic solves a mixed-integer program: use --solver scip (the default) or cpsat, not "
              + given.backend().cliName());
    }
    return given;
  }

  private int solveDeterministic(Problem problem, SolveOptions options, Output output) throws Exception {
    if (format == ReportFormat.CSV || format == ReportFormat.LATEX) {
      throw new BadInputException("--deterministic: use --format text or json");
    }
    DeterministicReport report;
    try {
      report = DeterministicSolver.solve(problem, options);
    } catch (IllegalArgumentException e) {
      throw new BadInputException("--deterministic: " + e.getMessage());
    }
    output.write(
        format == ReportFormat.JSON
            ? JsonReport.deterministic(report)
            : new TextReport(maxRows).deterministic(report));
    return report.status().exitCode();
  }

  private int solveRange(Problem problem, SolveOptions options, Output output) throws Exception {
    if (deterministic || problem.isCalibrated() || !problem.mechanism().hasFixedAllocation()) {
      throw new ParameterException(
          spec.commandLine(),
          "--range needs a standard problem with a fixed mechanism \"allocation\" (and no --deterministic); "
              + problemFile
              + " has none");
    }
    if (format == ReportFormat.CSV || format == ReportFormat.LATEX) {
      throw new BadInputException("--range: use --format text or json");
    }
    RangeReport report = RangeSolver.solve(problem, options);
    output.write(
        format == ReportFormat.JSON ? JsonReport.range(report) : new TextReport(maxRows).range(report));
    return report.status().exitCode();
  }

  /** {@code --exact}: solves, certifies exactly, prints the certified report and writes the certificate. */
  private int solveExact(Problem problem, SolveOptions options, Output output, Output certificateOutput)
      throws Exception {
    if (!exact) {
      throw new BadInputException("--certificate needs --exact");
    }
    if (problem.isCalibrated()) {
      return solveCalibratedExact(problem, options, output, certificateOutput);
    }
    ExactSolver.ExactSolveReport exactReport = ExactSolver.solve(problem, options);
    SolveReport report = exactReport.report();
    Certification certification = exactReport.certification();
    if (certificate != null && certification.certified()) {
      certificateOutput.write(
          CertificateFile.write(
              problem.name(),
              Inputs.bytes(problemFile),
              exactReport.compiled().lp(),
              certification.certificate()));
    } else if (certificate != null && exactReport.infeasibility() != null && exactReport.infeasibility().certified()) {
      certificateOutput.write(
          CertificateFile.writeInfeasibility(
              problem.name(),
              Inputs.bytes(problemFile),
              exactReport.compiled().lp(),
              exactReport.infeasibility().certificate()));
    } else if (certificate != null) {
      spec.commandLine().getErr().println(problem.name() + ": not certified, no certificate written");
    }
    if ((format == ReportFormat.CSV || format == ReportFormat.LATEX) && report.mechanism() == null) {
      spec.commandLine().getErr().println(problem.name() + ": " + report.status() + ", no mechanism to write");
      return report.status().exitCode();
    }
    String text =
        switch (format) {
          case JSON -> JsonReport.solveExact(report, certification, exactReport.infeasibility(), null);
          case CSV -> MechanismTables.csv(problem, report.mechanism());
          case LATEX -> MechanismTables.latex(problem, report.mechanism(), report.objective());
          case TEXT -> new TextReport(maxRows).solveExact(report, certification, exactReport.infeasibility());
        };
    if (report.status() == SolveStatus.INFEASIBLE && !noDiagnose) {
      text = withExactDiagnosis(text, exactReport, options);
    }
    output.write(text);
    return report.status().exitCode();
  }

  /**
   * {@code --exact} on a calibrated problem: certifies the main LP and the bracketing LPs, prints the calibrated
   * report with the certified values, and writes the main LP's certificate (with its kind and, for P1, posteriors).
   */
  private int solveCalibratedExact(
      Problem problem, SolveOptions options, Output output, Output certificateOutput) throws Exception {
    CalibratedExactSolver.CalibratedExactReport exactReport = CalibratedExactSolver.solve(problem, options);
    CalibratedReport report = exactReport.report();
    Certification main = exactReport.main().certification();
    if (certificate != null && main.certified()) {
      certificateOutput.write(
          CalibratedCertificateFile.write(
              problem,
              Inputs.bytes(problemFile),
              exactReport.main().kind(),
              exactReport.posteriors(),
              exactReport.mainProgram(),
              main.certificate()));
    } else if (certificate != null) {
      spec.commandLine().getErr().println(problem.name() + ": not certified, no certificate written");
    }
    writeCurve(problem, options, report, Output.of("--curve", curve, stdout(), err(), problemFile));
    output.write(
        format == ReportFormat.JSON
            ? CalibratedJsonReport.renderExact(exactReport)
            : new CalibratedTextReport(maxRows).renderExact(exactReport));
    return report.status().exitCode();
  }

  /** The {@code --exact} report with the "why infeasible" diagnosis, its least relaxations certified exactly. */
  private String withExactDiagnosis(String text, ExactSolver.ExactSolveReport exactReport, SolveOptions options) {
    SolveReport report = exactReport.report();
    return diagnosis(
            report, () -> InfeasibilityDiagnosis.diagnoseExact(report.problem(), options, DiagnoseOptions.defaults()))
        .map(
            d ->
                format == ReportFormat.JSON
                    ? JsonReport.solveExact(report, exactReport.certification(), exactReport.infeasibility(), d)
                    : text + infeasibilityText(report, d))
        .orElse(text);
  }

  /**
   * Runs a diagnosis for the text and JSON formats. A diagnosis that fails leaves the answer (infeasible) standing
   * without its explanation: it says why on stderr rather than lose the report.
   */
  private Optional<InfeasibilityReport> diagnosis(
      SolveReport report, Supplier<Optional<InfeasibilityReport>> diagnose) {
    if (format != ReportFormat.TEXT && format != ReportFormat.JSON) {
      return Optional.empty();
    }
    try {
      return diagnose.get();
    } catch (RuntimeException e) {
      spec.commandLine().getErr().println(report.problem().name() + ": the infeasibility diagnosis failed: " + e);
      return Optional.empty();
    }
  }

  private String infeasibilityText(SolveReport report, InfeasibilityReport diagnosis) {
    return new TextReport(maxRows).infeasibility(report.problem(), diagnosis);
  }

  /** With --curve or --plot on an optimal calibrated problem of two states: writes V(mu) and its picture. */
  private void writeCurve(Problem problem, SolveOptions options, CalibratedReport report, Output curveOutput)
      throws Exception {
    if ((curve == null && plot == null) || report.status() != SolveStatus.OPTIMAL) {
      return;
    }
    List<ValueCurve.Point> points = ValueCurve.compute(problem, options, curvePoints);
    if (curve != null) {
      curveOutput.write(ValueCurveFiles.csv(points));
    }
    if (plot != null) {
      Path written =
          ValueCurveFiles.writeChart(ValueCurveFiles.chart(points, report, problem.states().get(1).name()), plot);
      err().println(Output.wrote(plot, written));
    }
  }

  private java.io.PrintWriter stdout() {
    return spec.commandLine().getOut();
  }

  private java.io.PrintWriter err() {
    return spec.commandLine().getErr();
  }

  /** Parsing helpers shared by the commands that solve. */
  static final class Options {
    private Options() {}

    static SolverSettings settings(CommandSpec spec, String solver, Double timeLimit) {
      Backend backend = null;
      for (Backend b : Backend.values()) {
        if (b.cliName().equalsIgnoreCase(solver)) {
          backend = b;
        }
      }
      if (backend == null) {
        throw new ParameterException(
            spec.commandLine(),
            "--solver: unknown solver '" + solver + "', expected one of glop, pdlp, highs, clp, scip, cpsat");
      }
      Duration limit = null;
      if (timeLimit != null) {
        if (!(timeLimit > 0) || timeLimit.isInfinite()) {
          throw new ParameterException(
              spec.commandLine(), "--time-limit must be a positive number of seconds, got " + timeLimit);
        }
        limit = Duration.ofMillis(Math.max(1, Math.round(timeLimit * 1000)));
      }
      return new SolverSettings(backend, limit, 1);
    }

    static void requireTolerance(CommandSpec spec, double tolerance) {
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
        throw new ParameterException(
            spec.commandLine(), "--tolerance must be a non-negative number, got " + tolerance);
      }
    }
  }
}
