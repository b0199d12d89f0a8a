package org.mechlp.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.mechlp.cli.render.MechanismPlot;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mechlp plot}: solves a problem and draws its optimal mechanism's interim allocation and payments. */
@Command(
    name = "plot",
    mixinStandardHelpOptions = true,
    description = {
      "Solve a problem and draw its optimal mechanism, a row of charts per agent.",
      "For every agent the charts show the probability of each outcome by type and the expected payment and"
          + " utility by type (truthful reports). One agent with two-dimensional types (two numeric attributes,"
          + " e.g. values for two items) gets heat maps over the type grid instead: one per outcome and one of the"
          + " expected payment. PNG, or SVG when the file name ends in .svg.",
      "For calibrated problems with two states use 'solve --plot' (the information-design picture)."
    },
    footer = {
      "%nExamples:",
      "  mechlp plot instances/myerson-ironing.json --out myerson-ironing.png",
      ExitCodes.FOOTER
    })
final class PlotCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      paramLabel = "PROBLEM.json",
      description = "The problem file (format mechlp/1); - reads it from standard input.")
  Path problemFile;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE.png|FILE.svg",
      description = "The picture to write: PNG, or SVG when the name ends in .svg.")
  Path out;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    String extension = out.getFileName().toString().toLowerCase(Locale.ROOT);
    boolean svg = extension.endsWith(".svg");
    if (!svg && !extension.endsWith(".png")) {
      throw new BadInputException("--out " + out + ": plot writes PNG or SVG; name the file *.png or *.svg");
    }
    Output output = Output.of("--out", out, spec.commandLine().getOut(), spec.commandLine().getErr(), problemFile);
    Problem problem = Inputs.problem(problemFile);
    if (problem.isCalibrated()) {
      throw new BadInputException(problemFile + ": calibrated; use 'mechlp solve --plot' for its V(mu) picture");
    }
    if (problem.isDataDriven()) {
      throw new BadInputException(problemFile + ": data-driven (it has an \"estimator\"); plot draws standard"
          + " mechanisms. Use 'mechlp solve' for its transfer table and 'mechlp sequence --plot' for epsilon_N");
    }
    SolveReport report = MechanismSolver.solve(problem, SolveOptions.defaults());
    if (report.mechanism() == null) {
      spec.commandLine().getErr().println(problem.name() + ": " + report.status() + ", no mechanism to draw");
      return report.status().exitCode();
    }
    // Two-dimensional types (one agent, two numeric attributes) get heat maps over the type grid.
    var heatMaps = MechanismPlot.heatMaps(report);
    List<? extends org.knowm.xchart.internal.chartpart.Chart<?, ?>> charts =
        heatMaps.isEmpty() ? MechanismPlot.charts(report) : heatMaps;
    int columns = heatMaps.isEmpty() ? 2 : heatMaps.size();
    output.write(
        svg
            ? MechanismPlot.svg(charts, columns).getBytes(java.nio.charset.StandardCharsets.UTF_8)
            : MechanismPlot.png(charts, columns));
    return report.status().exitCode();
  }
}
