package org.mechlp.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechlp.cli.bench.BenchInstance;
import org.mechlp.cli.bench.BenchRunner;
import org.mechlp.cli.bench.StrategyBench;
import org.mechlp.solver.lp.SolverSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mechlp bench}: times compile, solve and verification on a generated scale series. */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = {
      "Time compile, solve and verification on a generated scale series and print a Markdown table:",
      "single-item auctions (n bidders, k uniform values j/k, DSIC + ex post IR, revenue) and one buyer with two",
      "additive items (N x N value grid, outcomes none/A/B/AB, DSIC + ex post IR, revenue); then lazy against",
      "full IC generation on the two-item grid with values 1..N (BIC + interim IR): N = 20 both ways, N = 100 lazily."
    },
    footer = {
      "%nExamples:",
      "  mechlp bench --quick",
      "  mechlp bench --out bench.md",
      ExitCodes.FOOTER
    })
final class BenchCommand implements Callable<Integer> {
  @Option(names = "--quick", description = "Run only the smallest instance of each family (about a second).")
  boolean quick;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the table to FILE (atomically) instead of stdout.")
  Path out;

  @Mixin BackendOptions backend;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    SolverSettings settings = backend.settings(spec);
    Output output = Output.of(out, spec.commandLine().getOut());
    List<BenchInstance> instances = quick ? BenchInstance.quickSeries() : BenchInstance.series();
    List<BenchRunner.Result> results = new BenchRunner(settings, spec.commandLine().getErr()).run(instances);
    List<StrategyBench.Result> strategies =
        new StrategyBench(settings, spec.commandLine().getErr())
            .run(quick ? StrategyBench.quickSeries() : StrategyBench.series());
    output.write(BenchRunner.markdown(results) + "\nLazy against full IC generation:\n\n"
        + StrategyBench.markdown(strategies));
    for (BenchRunner.Result r : results) {
      int code = r.status().exitCode();
      if (code != ExitCodes.YES) {
        return code;
      }
    }
    for (StrategyBench.Result r : strategies) {
      int code = r.status().exitCode();
      if (code != ExitCodes.YES) {
        return code;
      }
    }
    return ExitCodes.YES;
  }
}
