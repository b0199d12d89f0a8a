package org.mechlp.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechlp.cli.render.CalibratedJsonReport;
import org.mechlp.cli.render.CalibratedTextReport;
import org.mechlp.cli.render.JsonReport;
import org.mechlp.cli.render.MechanismTables;
import org.mechlp.cli.render.TextReport;
import org.mechlp.cli.render.ValueCurveFiles;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.SolveOptions;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.CalibratedSolver;
import org.mechlp.solver.calibrated.ValueCurve;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.SolverSettings;
import org.mechlp.solver.ortools.OrToolsLpSolver;
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
      "Prints the status, objective, LP size, times, the mechanism per reported profile, the interim view per",
      "agent and type, and which constraints bind (with duals when the solver provides reliable ones).",
      "A problem with a \"calibration\" block is solved as a calibrated mechanism: the report shows the signal",
      "structure, the rule after each signal, and the benchmarks that bracket the value."
    },
    footer = {
      "%nExamples:",
      "  mechlp solve instances/myerson.json",
      "  mechlp solve problem.json --format json --out result.json",
      "  mechlp solve big.json --solver pdlp --time-limit 600",
      "  mechlp solve two-items-grid.json --strategy lazy",
      "  mechlp solve instances/calibrated-example-c.json",
      "  mechlp solve instances/calibrated-example-c.json --plot cav.png --curve cav.csv",
      ExitCodes.FOOTER
    })
final class SolveCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROBLEM.json", description = "The problem file (format mechlp/1).")
  Path problemFile;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
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
      names = "--strategy",
      paramLabel = "full|lazy|auto",
      defaultValue = "auto",
      description =
          "How IC rows enter the LP: full builds them all; lazy starts from misreports to the nearest types and"
              + " adds violated IC rows round by round, then verifies against every row; auto is lazy above 20,000"
              + " IC rows (default: ${DEFAULT-VALUE}).")
  SolveOptions.Strategy strategy;

  @Mixin BackendOptions backend;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SolverSettings settings = backend.settings(spec);
    Options.requireTolerance(spec, tolerance);
    if (maxRows < 0) {
      throw new ParameterException(spec.commandLine(), "--max-rows must be at least 0, got " + maxRows);
    }
    Output output = Output.of(out, spec.commandLine().getOut());
    // Checked before solving, so a long run does not end with an unwritable picture.
    Output.of(curve, spec.commandLine().getOut());
    Output.of(plot, spec.commandLine().getOut());
    if (curvePoints < 1 || curvePoints > 100_000) {
      throw new ParameterException(
          spec.commandLine(), "--curve-points must be from 1 to 100000, got " + curvePoints);
    }
    Problem problem = Inputs.problem(problemFile);
    boolean wantsCurve = curve != null || plot != null;
    if (wantsCurve && (!problem.isCalibrated() || problem.stateCount() != 2)) {
      throw new BadInputException(
          "--curve and --plot draw V(mu) over the belief in one of two states: they need a problem with a"
              + " \"calibration\" block and exactly two states; "
              + problemFile
              + (problem.isCalibrated() ? " has " + problem.stateCount() + " states" : " is not calibrated"));
    }
    SolveOptions options = new SolveOptions(settings, tolerance, maxRows, strategy);
    Output.of(exportLp, spec.commandLine().getOut());
    var refusal = SizeGuard.refusal(problem, maxLpRows, strategy);
    if (refusal.isPresent()) {
      spec.commandLine().getErr().println(refusal.get());
      return ExitCodes.SOLVER_FAILURE;
    }
    if (exportLp != null) {
      if (problem.isCalibrated()) {
        throw new BadInputException("--export-lp: calibrated problems solve several LPs; export a standard problem");
      }
      boolean mps = exportLp.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".mps");
      Output.writeAtomically(exportLp, OrToolsLpSolver.export(LpCompiler.compile(problem).lp(), mps));
    }
    if (problem.isCalibrated() && (format == ReportFormat.CSV || format == ReportFormat.LATEX)) {
      throw new BadInputException("--format " + format.name().toLowerCase(java.util.Locale.ROOT)
          + ": calibrated problems have a rule per signal; use text or json");
    }
    if (problem.isCalibrated()) {
      CalibratedReport report = CalibratedSolver.solve(problem, options);
      if (wantsCurve && report.status() == SolveStatus.OPTIMAL) {
        List<ValueCurve.Point> points = ValueCurve.compute(problem, options, curvePoints);
        if (curve != null) {
          Output.writeAtomically(curve, ValueCurveFiles.csv(points));
        }
        if (plot != null) {
          ValueCurveFiles.writeChart(
              ValueCurveFiles.chart(points, report, problem.states().get(1).name()), plot);
        }
      }
      output.write(
          format == ReportFormat.JSON
              ? CalibratedJsonReport.render(report)
              : new CalibratedTextReport(maxRows).render(report));
      return report.status().exitCode();
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
    output.write(text);
    return report.status().exitCode();
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
            "--solver: unknown solver '" + solver + "', expected one of glop, pdlp, highs, clp, scip");
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
