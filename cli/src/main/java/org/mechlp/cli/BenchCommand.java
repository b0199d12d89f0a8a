package org.mechlp.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechlp.cli.bench.BenchInstance;
import org.mechlp.cli.bench.BenchRunner;
import org.mechlp.cli.bench.DataDrivenBench;
import org.mechlp.cli.bench.ExactBench;
import org.mechlp.cli.bench.FeaturesBench;
import org.mechlp.cli.bench.LazyExactBench;
import org.mechlp.cli.bench.ReducedBench;
import org.mechlp.cli.bench.StrategyBench;
import org.mechlp.cli.bench.SymmetryBench;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.report.SolveStatus;
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
      "Time compile, solve and verification on a generated scale series and print a Markdown table.",
      "The series: single-item auctions (n bidders, k uniform values j/k, DSIC + ex post IR, revenue) and one"
          + " buyer with two additive items (N x N value grid, outcomes none/A/B/AB, DSIC + ex post IR, revenue);"
          + " then lazy against full IC generation on the two-item grid with values 1..N (BIC + interim IR):"
          + " N = 20 both ways, N = 100 lazily."
    },
    footer = {
      "%nExamples:",
      "  mechlp bench --quick",
      "  mechlp bench --out bench.md",
      "  mechlp bench --exact",
      "  mechlp bench --reduced",
      "  mechlp bench --data-driven --quick",
      "  mechlp bench --features",
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

  @Option(
      names = "--exact",
      description =
          "Time exact certification instead (standard instances only): rows, basis dimension, float solve ms and"
              + " certify ms of the full LP; then --exact with lazy IC rows on the two-item midpoint grid (N = 20"
              + " beside the full LP, N = 100 lazily; --quick: N = 6).")
  boolean exact;

  @Option(
      names = "--reduced",
      description =
          "Time the reduced form (BIC, interim IR, revenue) on i.i.d. auctions of up to 8 bidders x 10 values next to"
              + " the exact discrete Myerson revenue.")
  boolean reduced;

  @Option(
      names = "--symmetry",
      description =
          "Time the symmetry reduction against the full LP on symmetric auctions (auction-n3-k10, auction-n4-k10,"
              + " auction-n3-k20; --quick: two small ones): sizes, wall times, both optima and the speed-up.")
  boolean symmetry;

  @Option(
      names = "--data-driven",
      description =
          "Time data-driven problems end to end (read, both LPs, verification): 3 agents x 4 preferences x 3 signals,"
              + " 3 states, 2 estimates, revenue with posterior IC and interim IR, and neighbours (--quick: two).")
  boolean dataDriven;

  @Option(
      names = "--features",
      description =
          "Time the feature strategy on one buyer with additive items on midpoint value grids (two items N = 100"
              + " and 200, three items N = 10, four items N = 6; --quick: two small ones), every IC pair verified,"
              + " next to the unreduced lazy solve where it fits.")
  boolean features;

  @Option(
      names = "--skip-full",
      description =
          "With --symmetry: solve only the reduced LP, not the full one (the largest take minutes); with --features:"
              + " skip the unreduced baselines.")
  boolean skipFull;

  @Mixin BackendOptions backend;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BackendSettings settings = backend.settings(spec);
    Output output = Output.of("--out", out, spec.commandLine().getOut(), spec.commandLine().getErr());
    if (reduced) {
      return runReduced(settings, output);
    }
    if (dataDriven) {
      List<DataDrivenBench.Result> results =
          new DataDrivenBench(settings, spec.commandLine().getErr()).run(DataDrivenBench.series(quick));
      output.write(DataDrivenBench.markdown(results));
      boolean allOptimal = results.stream().allMatch(r -> r.dataDriven() == SolveStatus.OPTIMAL);
      return allOptimal ? ExitCodes.YES : ExitCodes.SOLVER_FAILURE;
    }
    if (features) {
      List<FeaturesBench.Result> results =
          new FeaturesBench(settings, spec.commandLine().getErr())
              .run(quick ? FeaturesBench.quickSeries() : FeaturesBench.series(!skipFull));
      output.write(FeaturesBench.markdown(results));
      return FeaturesBench.allGood(results) ? ExitCodes.YES : ExitCodes.SOLVER_FAILURE;
    }
    List<BenchInstance> instances = quick ? BenchInstance.quickSeries() : BenchInstance.series();
    if (symmetry) {
      return runSymmetry(settings, output);
    }
    if (exact) {
      List<ExactBench.Result> certified = new ExactBench(settings, spec.commandLine().getErr()).run(instances);
      List<LazyExactBench.Result> atScale =
          new LazyExactBench(settings, spec.commandLine().getErr())
              .run(quick ? LazyExactBench.quickSeries() : LazyExactBench.series());
      output.write(ExactBench.markdown(certified) + "\nExact at scale, lazy IC rows against the full LP:\n\n"
          + LazyExactBench.markdown(atScale));
      boolean allCertified =
          certified.stream().allMatch(r -> r.status() == Certification.Status.CERTIFIED)
              && atScale.stream().allMatch(r -> r.status() == Certification.Status.CERTIFIED);
      return allCertified ? ExitCodes.YES : ExitCodes.SOLVER_FAILURE;
    }
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

  private Integer runReduced(BackendSettings settings, Output output) throws Exception {
    List<ReducedBench.Result> results =
        new ReducedBench(settings, spec.commandLine().getErr()).run(ReducedBench.series(quick));
    output.write(ReducedBench.markdown(results));
    boolean allAgree = results.stream().allMatch(ReducedBench.Result::agrees);
    return allAgree ? ExitCodes.YES : ExitCodes.SOLVER_FAILURE;
  }

  private int runSymmetry(BackendSettings settings, Output output) throws Exception {
    List<BenchInstance> instances = quick ? SymmetryBench.quickSeries() : SymmetryBench.series();
    List<SymmetryBench.Result> results =
        new SymmetryBench(settings, spec.commandLine().getErr()).run(instances, !skipFull);
    output.write(SymmetryBench.markdown(results));
    boolean allOptimal = results.stream().allMatch(r -> r.symmetricStatus() == SolveStatus.OPTIMAL);
    return allOptimal ? ExitCodes.YES : ExitCodes.SOLVER_FAILURE;
  }
}
