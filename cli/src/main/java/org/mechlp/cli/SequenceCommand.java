package org.mechlp.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechlp.cli.render.DataDrivenReports;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.solver.datadriven.DataDrivenVcg;
import org.mechlp.solver.datadriven.EstimatorSequence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mechlp sequence}: data-driven VCG along a consistent estimator sequence, epsilon_N next to its bound.
 */
@Command(
    name = "sequence",
    mixinStandardHelpOptions = true,
    description = {
      "Run data-driven VCG along a consistent estimator sequence (click sampling with sample size N).",
      "For each N, report in exact arithmetic each agent's largest IC gain",
      "epsilon_N next to the bound 2 sup_x |beta_i(x)| on it. As N grows the estimate converges to the state and",
      "epsilon_N falls to 0. Optionally draws epsilon_N and the bound against N on log-log axes (SVG)."
    },
    footer = {
      "%nExamples:",
      "  mechlp sequence instances/data-driven-consistent.json",
      "  mechlp sequence instances/data-driven-consistent.json --sizes 1,2,4,8,16,32,64 --plot eps.svg",
      ExitCodes.FOOTER
    })
final class SequenceCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROBLEM.json", description = "A data-driven problem with clickSampling.")
  Path problemFile;

  @Option(names = "--sizes", paramLabel = "N,N,...", split = ",", defaultValue = "1,2,4,8,16,32,64",
      description = "Sample sizes (default: ${DEFAULT-VALUE}).")
  List<Integer> sizes;

  @Option(names = "--h", paramLabel = "zero|clarke", defaultValue = "zero",
      description = "VCG's h (default: ${DEFAULT-VALUE}); epsilon does not depend on it.")
  String h;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "text or json (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = "--out", paramLabel = "FILE", description = "Write the table here instead of stdout.")
  Path out;

  @Option(names = "--plot", paramLabel = "FILE.svg", description = "Draw epsilon_N and the bound (log-log SVG).")
  Path plot;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DataDrivenVcg.H which = DataDrivenVcg.H.fromJson(h);
    if (which == null) {
      throw new BadInputException("--h: unknown h '" + h + "', expected zero or clarke");
    }
    for (int n : sizes) {
      if (n < 1 || n > 4096) {
        throw new BadInputException("--sizes: each N must be from 1 to 4096, got " + n);
      }
    }
    Output output = Output.of(out, spec.commandLine().getOut());
    if (plot != null) {
      Output.of(plot, spec.commandLine().getOut());
    }
    DataDrivenProblem problem = Inputs.dataDriven(problemFile);
    List<EstimatorSequence.Point> points;
    try {
      points = EstimatorSequence.run(problem, sizes, which);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(problemFile + ": " + e.getMessage());
    }
    List<String> agents = new ArrayList<>();
    problem.problem().agents().forEach(a -> agents.add(a.name()));
    output.write(format == ReportFormat.JSON
        ? DataDrivenReports.sequenceJson(agents, points)
        : DataDrivenReports.sequenceText(agents, points));
    if (plot != null) {
      org.mechlp.cli.io.AtomicFiles.write(plot, SequencePlot.svg(agents, points));
    }
    return ExitCodes.YES;
  }
}
