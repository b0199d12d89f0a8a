package org.mechlp.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.knowm.xchart.CategoryChart;
import org.mechlp.cli.render.CompareChart;
import org.mechlp.cli.render.CompareReports;
import org.mechlp.model.Problem;
import org.mechlp.solver.compare.BuiltInSource;
import org.mechlp.solver.compare.ClassicBuiltIns;
import org.mechlp.solver.compare.CompareOptions;
import org.mechlp.solver.compare.Comparison;
import org.mechlp.solver.compare.Comparisons;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.pipeline.InvalidRequestException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mechlp compare}: a problem's solution concepts and built-in mechanisms side by side. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Compare solution concepts on one problem: revenue, welfare, each agent's expected utility and the expected"
          + " budget of the optimum under DSIC, BIC and ex post IC (ex post only where it differs from DSIC, with"
          + " interdependent values) with IR ex post, interim and ex ante, randomized and deterministic; of every"
          + " built-in mechanism that applies, with its violations of the problem's constraints counted; and, for"
          + " calibrated problems, of full, no and optimal disclosure.",
      "Named gaps follow the table: the price of DSIC over BIC, the value of randomization, the revenue VCG loses"
          + " against the optimum. Every row is solved and verified like 'mechlp solve' (certified with --exact); a"
          + " row that is infeasible is shown as such and does not stop the others.",
      "Exit code: 2 for bad input; else 4 if any row failed (a solver failure, a limit, an answer not verified or,"
          + " with --exact, not certified); else 3 if the row of the problem's own constraints is infeasible or"
          + " unbounded (as 'mechlp solve' would answer); else 0."
    },
    footer = {
      "%nExamples:",
      "  mechlp compare instances/myerson-two-bidders.json",
      "  mechlp compare instances/cremer-mclean.json --exact",
      "  mechlp compare instances/myerson-two-bidders.json --format json --out compare.json",
      "  mechlp compare instances/myerson-two-bidders.json --format csv --plot compare.svg",
      "  mechlp compare instances/calibrated-example-a.json --jobs 2",
      ExitCodes.FOOTER
    })
final class CompareCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "PROBLEM.json",
      description = "The problem file (format mechlp/1); - reads it from standard input.")
  Path problemFile;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "text",
      completionCandidates = CompareFormats.class,
      description = "Report format: text, json or csv (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report to FILE (atomically) instead of stdout.")
  Path out;

  @Option(
      names = "--plot",
      paramLabel = "FILE.png|FILE.svg",
      description =
          "Also draw the table as a bar chart (revenue, welfare, utilities, budget per row): SVG when the name ends"
              + " in .svg, else PNG.")
  Path plot;

  @Option(
      names = "--exact",
      description =
          "Certify every optimum (and every infeasibility) in exact rational arithmetic, and check the built-in"
              + " mechanisms exactly; a row that cannot be certified counts as failed (exit code 4).")
  boolean exact;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Rows solved at once (default: the number of cores); the table's order does not depend on it.")
  Integer jobs;

  @Option(
      names = "--tolerance",
      paramLabel = "TOL",
      defaultValue = "1e-6",
      description = "Largest constraint violation accepted by the verifier (default: ${DEFAULT-VALUE}).")
  double tolerance;

  @Option(
      names = "--max-lp-rows",
      paramLabel = "N",
      defaultValue = "2000000",
      description = "A row whose LP would have more rows than this is not solved, and shown as failed"
          + " (default: ${DEFAULT-VALUE}).")
  long maxLpRows;

  @Mixin BackendOptions backend;

  @Spec CommandSpec spec;

  /** The built-in mechanisms the command lists. */
  private static final BuiltInSource BUILT_INS = ClassicBuiltIns.INSTANCE;

  @Override
  public Integer call() throws Exception {
    BackendSettings settings = backend.settings(spec);
    if (settings.backend() == Backend.CP_SAT) {
      throw new ParameterException(
          spec.commandLine(), "--solver cpsat solves integer programs only; compare solves LPs (its deterministic"
              + " rows always use scip)");
    }
    SolveCommand.Options.requireTolerance(spec, tolerance);
    if (format == ReportFormat.LATEX) {
      throw new ParameterException(spec.commandLine(), "--format: compare writes text, json or csv, not latex");
    }
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + threads);
    }
    if (maxLpRows < 0) {
      throw new ParameterException(spec.commandLine(), "--max-lp-rows must be at least 0, got " + maxLpRows);
    }
    boolean svg = false;
    if (plot != null) {
      String name = plot.getFileName().toString().toLowerCase(Locale.ROOT);
      svg = name.endsWith(".svg");
      if (!svg && !name.endsWith(".png")) {
        throw new BadInputException("--plot " + plot + ": the chart is PNG or SVG; name the file *.png or *.svg");
      }
    }
    // Every file this run writes is checked before any work.
    Output output = Output.of("--out", out, spec.commandLine().getOut(), spec.commandLine().getErr(), problemFile);
    Output plotOutput =
        Output.of("--plot", plot, spec.commandLine().getOut(), spec.commandLine().getErr(), problemFile);
    if (DynamicRun.applies(problemFile)) {
      throw new BadInputException(
          Inputs.name(problemFile) + ": a multi-period problem (\"periods\"); compare takes standard and calibrated"
              + " problems, solve it with 'mechlp solve'");
    }
    Problem problem = Inputs.problem(problemFile);
    CompareOptions options =
        new CompareOptions(
            new SolveOptions(settings, tolerance, SolveOptions.DEFAULT_MAX_LISTED_ROWS), exact, threads, maxLpRows,
            BUILT_INS);
    Comparison comparison;
    try {
      comparison = Comparisons.compare(problem, options);
    } catch (InvalidRequestException e) {
      throw new BadInputException(e.getMessage());
    }
    if (plot != null) {
      CategoryChart chart = CompareChart.chart(comparison);
      if (chart == null) {
        spec.commandLine().getErr().println(problem.name() + ": no row has a mechanism to draw; --plot not written");
      } else {
        plotOutput.write(CompareChart.bytes(chart, svg));
      }
    }
    output.write(
        switch (format) {
          case JSON -> CompareReports.json(comparison);
          case CSV -> CompareReports.csv(comparison);
          default -> CompareReports.text(comparison);
        });
    return comparison.exitCode();
  }

  /** The formats compare writes: text, json, csv. */
  static final class CompareFormats implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return List.of("text", "json", "csv").iterator();
    }
  }
}
