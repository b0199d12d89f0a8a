package org.mechlp.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import org.mechlp.cli.batch.BatchReports;
import org.mechlp.cli.batch.BatchResult;
import org.mechlp.cli.batch.BatchRunner;
import org.mechlp.cli.io.AtomicFiles;
import org.mechlp.solver.StrategyPlanner;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.options.SolveOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mechlp batch}: solves many problem files in one JVM, in parallel, and compares each answer with the file's
 * {@code "expect"} block, so a folder of problems is a regression suite for mechanisms.
 */
@Command(
    name = "batch",
    mixinStandardHelpOptions = true,
    description = {
      "Solve many problem files in one JVM and compare each answer with the file's \"expect\" block.",
      "Prints one line per problem, in the order of the files, and the number of problems per verdict. One"
          + " problem's failure never stops the others. A folder's .json files that are not problem files"
          + " (no \"format\": \"mechlp/1\") are skipped, with one line saying which.",
      "Exit code: 2 if any file is invalid, else 4 if any solve failed (without an expectation saying so), else 3"
          + " if any answer differs from its expectation, else 0. Interrupted, it writes its summary with the"
          + " unfinished problems marked NOT_RUN."
    },
    footer = {
      "%nExamples:",
      "  mechlp batch instances",
      "  mechlp batch instances --jobs 2 --junit report.xml --summary summary.jsonl",
      "  mechlp batch instances --shard 1/4 --summary shard1.csv",
      "  mechlp batch instances --exact --summary certified.jsonl",
      ExitCodes.FOOTER
    })
final class BatchCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "PATH",
      description = "Problem files, or folders of *.json problem files.")
  List<Path> paths;

  @Option(
      names = "--jobs",
      paramLabel = "N",
      description = "Problems solved at once (default: the number of cores).")
  Integer jobs;

  @Option(
      names = "--summary",
      paramLabel = "FILE",
      description = "Write one record per problem: CSV when FILE ends in .csv, else JSON Lines.")
  Path summary;

  @Option(names = "--junit", paramLabel = "FILE", description = "Write a JUnit XML report (one test case each).")
  Path junit;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Also write each problem's JSON report (as solve --format json) to DIR/FILENAME.json.")
  Path outDir;

  @Option(
      names = "--shard",
      paramLabel = "I/N",
      description = "Run only slice I of N (files sorted by path; every N-th file from the I-th).")
  String shard;

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
      description = "Refuse (as FAILED) a problem whose LP would have more rows (default: ${DEFAULT-VALUE}).")
  long maxLpRows;

  @Option(
      names = "--exact",
      description =
          "Solve each problem as solve --exact: certify the answer in exact arithmetic, compare the certified value"
              + " with the expected objective exactly as a fraction (the tolerance does not apply), and count an"
              + " answer that is not certified as FAILED. With --out, also write DIR/FILENAME.certificate.json.")
  boolean exact;

  @Mixin BackendOptions backend;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    BackendSettings settings = backend.settings(spec);
    SolveCommand.Options.requireTolerance(spec, tolerance);
    int threads = jobs == null ? Runtime.getRuntime().availableProcessors() : jobs;
    if (threads < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be at least 1, got " + threads);
    }
    if (outDir != null) {
      Output.checkDirectory("--out", outDir);
    }
    for (Path p : paths) {
      if (!Files.exists(p)) {
        throw new BadInputException(p + ": no such file or folder");
      }
    }
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    List<Path> skipped = new ArrayList<>();
    List<Path> files = BatchRunner.expand(paths, skipped::add);
    if (!skipped.isEmpty()) {
      err.println("skipped " + skipped.size() + " .json file" + (skipped.size() == 1 ? "" : "s")
          + " that are not problem files (no \"format\": \"mechlp/1\"): "
          + String.join(", ", skipped.stream().map(p -> p.getFileName().toString()).toList()));
      err.flush();
    }
    Output.check("--summary", summary, files);
    Output.check("--junit", junit, files);
    if (outDir != null) {
      for (Path file : files) {
        // Reports are named after their problem files: DIR/NAME.json and, with --exact, DIR/NAME.certificate.json.
        String name = BatchRunner.reportName(file);
        Output.check("--out", outDir.resolve(name + ".json"), files);
        Output.check("--out", outDir.resolve(name + ".certificate.json"), files);
      }
    }
    if (shard != null) {
      files = shardOf(files);
    }
    BatchRunner runner =
        new BatchRunner(
            new SolveOptions(settings, tolerance, 0), threads, p -> StrategyPlanner.refusal(p, SolveOptions.Strategy.AUTO, maxLpRows))
            .writingReportsTo(outDir);
    if (exact) {
      runner.exact();
    }
    // A progress bar only for a person at a terminal (the lines follow when it is done); logs and CI get each line
    // as soon as every earlier problem has finished.
    boolean atTerminal = System.console() != null && System.getenv("CI") == null;
    InOrderLines lines = new InOrderLines(files, out, !atTerminal);
    // Ctrl-C (or a kill) runs the JVM's shutdown hooks: print and write what finished, so no result is lost.
    List<Path> order = files;
    AtomicBoolean complete = new AtomicBoolean();
    Thread onInterrupt =
        new Thread(
            () -> {
              if (complete.get()) {
                return;
              }
              List<BatchResult> partial = lines.finished();
              err.println(
                  "interrupted: " + partial.size() + " of " + order.size() + " problems finished; the rest are"
                      + " marked NOT_RUN and the batch is incomplete");
              err.flush();
              lines.printRemaining();
              try {
                writeReports(BatchRunner.withUnrun(order, partial, "not run: the batch was interrupted"));
              } catch (IOException e) {
                err.println("could not write the reports: " + e.getMessage());
                err.flush();
              }
            });
    Runtime.getRuntime().addShutdownHook(onInterrupt);
    ProgressBar bar =
        atTerminal
            ? new ProgressBarBuilder()
                .setTaskName("mechlp batch")
                .setInitialMax(files.size())
                .setUpdateIntervalMillis(250)
                .build()
            : null;
    List<BatchResult> results;
    try {
      results =
          runner.run(
              files,
              r -> {
                lines.finish(r);
                if (bar != null) {
                  bar.step();
                  bar.setExtraMessage(r.name());
                }
              });
      complete.set(true);
    } finally {
      if (bar != null) {
        bar.close();
      }
      if (complete.get()) {
        Runtime.getRuntime().removeShutdownHook(onInterrupt);
      }
    }
    lines.printRemaining();
    out.print(BatchReports.counts(results));
    out.flush();
    writeReports(results);
    return exitCode(results);
  }

  /**
   * Prints each problem's result line once, in input order: as soon as every earlier problem has finished when
   * {@code streaming}, else when asked (after a progress bar).
   */
  private static final class InOrderLines {
    private final java.util.Map<Path, Integer> index = new java.util.HashMap<>();
    private final BatchResult[] results;
    private final PrintWriter out;
    private final boolean streaming;
    private int next;

    InOrderLines(List<Path> files, PrintWriter out, boolean streaming) {
      for (int i = 0; i < files.size(); i++) {
        index.put(files.get(i), i);
      }
      this.results = new BatchResult[files.size()];
      this.out = out;
      this.streaming = streaming;
    }

    synchronized void finish(BatchResult r) {
      results[index.get(r.file())] = r;
      if (streaming) {
        printReady();
      }
    }

    /** Every finished result, in input order. */
    synchronized List<BatchResult> finished() {
      return Arrays.stream(results).filter(Objects::nonNull).toList();
    }

    /** Prints the lines not printed yet, in input order, skipping the problems that have not finished. */
    synchronized void printRemaining() {
      for (; next < results.length; next++) {
        if (results[next] != null) {
          out.println(BatchReports.line(results[next]));
        }
      }
      out.flush();
    }

    private void printReady() {
      for (; next < results.length && results[next] != null; next++) {
        out.println(BatchReports.line(results[next]));
      }
      out.flush();
    }
  }

  private void writeReports(List<BatchResult> results) throws IOException {
    var err = spec.commandLine().getErr();
    if (summary != null) {
      boolean csv = summary.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv");
      Path written =
          AtomicFiles.write(summary, csv ? BatchReports.csv(results) : BatchReports.jsonLines(results));
      err.println(Output.wrote(summary, written));
    }
    if (junit != null) {
      err.println(Output.wrote(junit, AtomicFiles.write(junit, BatchReports.junit(results))));
    }
    if (outDir != null) {
      err.println("wrote " + outDir + File.separator + "*.json (each problem's report)");
    }
    err.flush();
  }

  private List<Path> shardOf(List<Path> files) {
    String[] parts = shard.split("/");
    try {
      int i = Integer.parseInt(parts[0].trim());
      int n = Integer.parseInt(parts[1].trim());
      if (parts.length != 2 || n < 1 || i < 1 || i > n) {
        throw new NumberFormatException();
      }
      return BatchRunner.shard(files, i, n);
    } catch (RuntimeException e) {
      throw new ParameterException(
          spec.commandLine(), "--shard must be I/N with 1 <= I <= N, for example 2/4; got '" + shard + "'");
    }
  }

  /** The exit code of a batch (or of merged summaries) with these results. */
  static int exitCode(List<BatchResult> results) {
    return exitCode(results.stream().map(r -> r.verdict().name()).toList());
  }

  /**
   * Invalid input wins over an incomplete batch (problems NOT_RUN), which wins over solver failures, which win over
   * mismatches.
   */
  static int exitCode(Collection<String> verdicts) {
    if (verdicts.contains(BatchResult.Verdict.INVALID.name())) {
      return ExitCodes.BAD_INPUT;
    }
    if (verdicts.contains(BatchResult.Verdict.NOT_RUN.name())) {
      return ExitCodes.INCOMPLETE;
    }
    if (verdicts.contains(BatchResult.Verdict.FAILED.name())) {
      return ExitCodes.SOLVER_FAILURE;
    }
    return verdicts.contains(BatchResult.Verdict.MISMATCH.name()) ? ExitCodes.NO : ExitCodes.YES;
  }
}
