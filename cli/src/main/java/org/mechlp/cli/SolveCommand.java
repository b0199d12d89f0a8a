package org.mechlp.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechlp.cli.render.MechanismTables;
import org.mechlp.cli.render.OutcomeReports;
import org.mechlp.cli.render.ValueCurveFiles;
import org.mechlp.model.Problem;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.ValueCurve;
import org.mechlp.solver.exact.CalibratedExactSolver;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.certify.io.CalibratedCertificateFile;
import org.mechlp.solver.certify.io.CertificateFile;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.export.LpFormat;
import org.mechlp.solver.lp.export.MpsFormat;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.pipeline.CalibratedExactSolve;
import org.mechlp.solver.pipeline.CalibratedSolve;
import org.mechlp.solver.pipeline.ExactSolve;
import org.mechlp.solver.pipeline.InvalidRequestException;
import org.mechlp.solver.pipeline.Refused;
import org.mechlp.solver.pipeline.SolveOutcome;
import org.mechlp.solver.pipeline.SolvePipeline;
import org.mechlp.solver.pipeline.SolveRequest;
import org.mechlp.solver.pipeline.StandardSolve;
import org.mechlp.solver.report.SolveReport;
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
          "Also write the compiled LP, with readable row names, in CPLEX LP format (or free MPS when FILE ends in"
              + " .mps) to cross-check it in another solver. Numbers are exact where the decimal terminates, else"
              + " written to 17 significant digits. Standard (not calibrated) problems.")
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
      paramLabel = "full|lazy|symmetric|reduced|features|auto",
      completionCandidates = Completions.Strategies.class,
      defaultValue = "auto",
      description =
          "How the LP is built: full builds every row; lazy starts from misreports to the nearest types and"
              + " adds violated IC rows round by round, then verifies against every row; reduced optimizes interim"
              + " allocations and payments with Border's constraints (BIC single-item auctions, independent types);"
              + " symmetric solves over anonymous mechanisms when agents are interchangeable; features solves one"
              + " agent with additive values over item probabilities and utilities (m + 1 columns per type instead of"
              + " 2^m + 1) and verifies the product lotteries against every row; auto is reduced where it"
              + " applies above 20,000 profiles, else symmetric above 20,000 rows with interchangeable agents, else"
              + " features above 20,000 IC rows with additive values, else lazy above 20,000 IC rows, else full"
              + " (default: ${DEFAULT-VALUE}). --exact, --deterministic and --range always build the full LP.")
  SolveOptions.Strategy strategy;

  @Option(
      names = "--mode",
      paramLabel = "NAME",
      defaultValue = SolveRequest.AUTO,
      description =
          "The solve mode: auto (the mode the problem's own blocks call for) or a mode's name, for example"
              + " standard, calibrated, deterministic or range (default: ${DEFAULT-VALUE}).")
  String mode;

  @Mixin BackendOptions backend;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BackendSettings settings = deterministic ? deterministicSettings() : backend.settings(spec);
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
    if (DynamicRun.applies(problemFile)) { // a multi-period problem: docs/THEORY.md, Dynamic mechanisms in detail
      return DynamicRun.solve(problemFile, output, format == ReportFormat.JSON, maxRows);
    }
    if (curvePoints < 1 || curvePoints > 100_000) {
      throw new ParameterException(
          spec.commandLine(), "--curve-points must be from 1 to 100000, got " + curvePoints);
    }
    if ((exact || certificate != null) && (deterministic || range)) {
      throw new ParameterException(
          spec.commandLine(), "--exact certifies an LP optimum: it does not combine with --deterministic or --range");
    }
    Problem problem = Inputs.problem(problemFile);
    boolean tables = format == ReportFormat.CSV || format == ReportFormat.LATEX;
    if ((tables || exportLp != null) && problem.isDataDriven()) {
      throw new BadInputException("a data-driven problem's report is text or json, and it solves two LPs: drop"
          + (tables ? " --format " + format.name().toLowerCase(java.util.Locale.ROOT) : " --export-lp"));
    }
    if (exportLp != null && problem.isCalibrated()) {
      throw new BadInputException("--export-lp: calibrated problems solve several LPs; export a standard problem");
    }
    if (tables && problem.isCalibrated() && !deterministic) {
      throw new BadInputException("--format " + format.name().toLowerCase(java.util.Locale.ROOT)
          + ": calibrated problems have a rule per signal; use text or json");
    }
    if (tables && (deterministic || range) && !problem.isCalibrated()) {
      throw new BadInputException((deterministic ? "--deterministic" : "--range") + ": use --format text or json");
    }
    if (certificate != null && !exact) {
      throw new BadInputException("--certificate needs --exact");
    }
    SolveRequest request =
        new SolveRequest(
            problem,
            new SolveOptions(settings, tolerance, maxRows, strategy),
            modeName(),
            exact,
            !noDiagnose && !tables,
            maxLpRows,
            curve != null || plot != null ? curvePoints : 0);
    SolveOutcome outcome;
    try {
      outcome = SolvePipeline.solve(request);
    } catch (InvalidRequestException e) {
      throw new BadInputException(e.getMessage());
    }
    if (outcome instanceof Refused refused) {
      spec.commandLine().getErr().println(refused.reason());
      return refused.exitCode();
    }
    if (exportLp != null) {
      boolean mps = exportLp.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".mps");
      LinearProgram lp = LpCompiler.compile(problem).lp();
      exportOutput.write(mps ? MpsFormat.write(lp, problem.name()) : LpFormat.write(lp, "mechlp: " + problem.name()));
    }
    writeCertificate(outcome, certificateOutput);
    writeCurve(outcome, curveOutput);
    String diagnosisFailure =
        outcome instanceof StandardSolve s ? s.diagnosisFailure()
            : outcome instanceof ExactSolve e ? e.diagnosisFailure() : null;
    if (diagnosisFailure != null) {
      spec.commandLine().getErr().println(diagnosisFailure);
    }
    if (tables) {
      SolveReport report =
          outcome instanceof ExactSolve e ? e.exact().report() : ((StandardSolve) outcome).report();
      if (report.mechanism() == null) {
        // No mechanism to tabulate (infeasible, unbounded, a failure): say so on stderr, keep the exit code.
        spec.commandLine().getErr().println(problem.name() + ": " + report.status() + ", no mechanism to write");
        return outcome.exitCode();
      }
      output.write(
          format == ReportFormat.CSV
              ? MechanismTables.csv(problem, report.mechanism())
              : MechanismTables.latex(problem, report.mechanism(), report.objective()));
      return outcome.exitCode();
    }
    output.write(format == ReportFormat.JSON ? OutcomeReports.json(outcome) : OutcomeReports.text(outcome, maxRows));
    return outcome.exitCode();
  }

  /** The mode the flags name: {@code --deterministic} and {@code --range} are short for their {@code --mode}. */
  private String modeName() {
    if ((deterministic || range) && !mode.equals(SolveRequest.AUTO)) {
      throw new ParameterException(
          spec.commandLine(), "--mode " + mode + " does not combine with --deterministic or --range");
    }
    return deterministic ? "deterministic" : range ? "range" : mode;
  }

  /** The MIP backend: SCIP unless --solver names another integer-programming backend. */
  private BackendSettings deterministicSettings() {
    boolean solverGiven = spec.commandLine().getParseResult().hasMatchedOption("--solver");
    BackendSettings given = backend.settings(spec);
    if (!solverGiven) {
      return given.withBackend(Backend.SCIP);
    }
    if (!given.backend().solvesIntegerPrograms()) {
      throw new ParameterException(
          spec.commandLine(),
          "--deterministic solves a mixed-integer program: use --solver scip (the default) or cpsat, not "
              + given.backend().cliName());
    }
    return given;
  }

  /**
   * With {@code --certificate}: writes the optimality certificate (or, for an infeasible LP, the Farkas certificate)
   * of an exact solve, or says on stderr why none was written.
   */
  private void writeCertificate(SolveOutcome outcome, Output certificateOutput) throws Exception {
    if (certificate == null) {
      return;
    }
    Problem problem = outcome.problem();
    if (outcome instanceof ExactSolve e) {
      ExactSolver.ExactSolveReport exactReport = e.exact();
      Certification certification = exactReport.certification();
      if (certification.certified()) {
        certificateOutput.write(exactReport.certificateJson(problem.name(), Inputs.bytes(problemFile)));
        return;
      }
      if (exactReport.infeasibility() != null && exactReport.infeasibility().certified()) {
        certificateOutput.write(
            CertificateFile.writeInfeasibility(
                problem.name(), Inputs.bytes(problemFile), exactReport.compiled().lp(),
                exactReport.infeasibility().certificate()));
        return;
      }
    } else if (outcome instanceof CalibratedExactSolve c && c.exact().main().certification().certified()) {
      CalibratedExactSolver.CalibratedExactReport exactReport = c.exact();
      certificateOutput.write(
          CalibratedCertificateFile.write(
              problem,
              Inputs.bytes(problemFile),
              exactReport.main().kind(),
              exactReport.posteriors(),
              exactReport.mainProgram(),
              exactReport.main().certification().certificate()));
      return;
    }
    spec.commandLine().getErr().println(problem.name() + ": not certified, no certificate written");
  }

  /** With --curve or --plot on an optimal calibrated problem of two states: writes V(mu) and its picture. */
  private void writeCurve(SolveOutcome outcome, Output curveOutput) throws Exception {
    List<ValueCurve.Point> points;
    CalibratedReport report;
    if (outcome instanceof CalibratedSolve c) {
      points = c.curve();
      report = c.report();
    } else if (outcome instanceof CalibratedExactSolve c) {
      points = c.curve();
      report = c.exact().report();
    } else {
      return;
    }
    if (points.isEmpty()) {
      return;
    }
    if (curve != null) {
      curveOutput.write(ValueCurveFiles.csv(points));
    }
    if (plot != null) {
      Path written =
          ValueCurveFiles.writeChart(
              ValueCurveFiles.chart(points, report, report.problem().states().get(1).name()), plot);
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

    static BackendSettings settings(CommandSpec spec, String solver, Double timeLimit) {
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
      return new BackendSettings(backend, limit, 1);
    }

    static void requireTolerance(CommandSpec spec, double tolerance) {
      if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
        throw new ParameterException(
            spec.commandLine(), "--tolerance must be a non-negative number, got " + tolerance);
      }
    }
  }
}
