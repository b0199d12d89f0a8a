package org.mechlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mechlp.cli.render.CalibratedCheckReport;
import org.mechlp.cli.render.JsonReport;
import org.mechlp.cli.render.TextReport;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.StateMechanism;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.calibrated.CalibrationCheck;
import org.mechlp.solver.calibrated.Implementability;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.report.CheckReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mechlp check}: tests a proposed mechanism against every constraint of a problem. */
@Command(
    name = "check",
    customSynopsis = "mechlp check [OPTIONS] PROBLEM.json --mechanism MECH.json",
    mixinStandardHelpOptions = true,
    description = {
      "Check a proposed mechanism against every constraint of a problem.",
      "Lists every violated constraint (feasibility, IC, IR, budget, transfer bounds) with the gain from"
          + " misreporting, the IR shortfall or the deficit, the largest regret per agent and the mechanism's"
          + " objective value. Exact mechanisms (all numbers written exactly) are checked in exact rational"
          + " arithmetic."
    },
    footer = {
      "%nExamples:",
      "  mechlp check instances/bilateral-trade.json \\",
      "      --mechanism proposals/posted-price.json",
      "  mechlp solve instances/myerson-two-bidders.json --format json --out result.json",
      "  mechlp check instances/myerson-two-bidders.json --mechanism result.json",
      "  mechlp check instances/bilateral-trade.json --mechanism - < mechanism.json",
      "  mechlp check instances/myerson-two-bidders.json --mechanism vcg",
      ExitCodes.FOOTER
    })
final class CheckCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "PROBLEM.json",
      description = "The problem file (format mechlp/1); - reads it from standard input.")
  Path problemFile;

  @Option(
      names = "--mechanism",
      required = true,
      paramLabel = "MECH.json",
      description =
          "The mechanism (mechlp-mechanism/1, or a solve --format json report); - reads it from standard input;"
              + " a built-in's name (vcg, myerson, ...; see mechlp mechanism) builds that mechanism and checks it.")
  Path mechanismFile;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      completionCandidates = Completions.Formats.class,
      defaultValue = "text",
      description = "Report format: text or json (default: ${DEFAULT-VALUE}).")
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
      description =
          "Largest violation accepted, in the problem's units. Exact mechanisms are evaluated in exact"
              + " arithmetic and their exact largest violation is reported; --tolerance 0 demands that every row"
              + " hold exactly (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(
      names = "--max-rows",
      paramLabel = "N",
      defaultValue = "200",
      description = "Most lines listed per table: violations, profiles (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SolveCommand.Options.requireTolerance(spec, tolerance);
    if (format == ReportFormat.CSV || format == ReportFormat.LATEX) {
      throw new ParameterException(spec.commandLine(), "--format: check writes text or json");
    }
    if (maxRows < 0) {
      throw new ParameterException(spec.commandLine(), "--max-rows must be at least 0, got " + maxRows);
    }
    Inputs.requireOneStdin("PROBLEM.json and --mechanism", problemFile, mechanismFile);
    Output output =
        Output.of("--out", out, spec.commandLine().getOut(), spec.commandLine().getErr(), problemFile, mechanismFile);
    if (ClassicCli.namesBuiltin(mechanismFile)) { // check --mechanism vcg: a built-in, built in memory
      return ClassicCli.check(
          spec.commandLine(), problemFile, mechanismFile.toString(), tolerance, format, output, maxRows);
    }
    if (DynamicRun.applies(problemFile)) { // periodic ex post IC of a dynamic mechanism by one-shot deviations
      return DynamicRun.check(problemFile, mechanismFile, output, format == ReportFormat.JSON, maxRows);
    }
    Problem problem = Inputs.problem(problemFile);
    if (problem.isDataDriven()) {
      return DataDrivenCli.check(problem, mechanismFile, tolerance, format, output, maxRows);
    }
    if (problem.isCalibrated()) {
      // A calibrated problem is checked against a state-dependent mechanism: what repeated use reveals (C1) and
      // whether some two-stage mechanism produces the same outcome (C2), docs/THEORY.md, Checking a calibrated
      // mechanism.
      StateMechanism proposal = Inputs.stateMechanism(mechanismFile, problem);
      CheckOptions options = new CheckOptions(tolerance, maxRows);
      CalibrationCheck c1 = CalibrationCheck.check(problem, proposal, options);
      Implementability c2 = Implementability.check(problem, proposal, options);
      output.write(
          format == ReportFormat.JSON
              ? CalibratedCheckReport.json(problem, c1, c2)
              : CalibratedCheckReport.text(problem, c1, c2, maxRows));
      return c1.passed() ? ExitCodes.YES : ExitCodes.NO;
    }
    Mechanism mechanism = Inputs.mechanism(mechanismFile, problem);
    CheckReport report = MechanismChecker.check(problem, mechanism, new CheckOptions(tolerance, maxRows));
    String text =
        format == ReportFormat.JSON ? JsonReport.check(report) : new TextReport(maxRows).check(report);
    output.write(text);
    return report.passed() ? ExitCodes.YES : ExitCodes.NO;
  }
}
