package org.mechlp.cli.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.cli.io.AtomicFiles;
import org.mechlp.cli.render.CalibratedJsonReport;
import org.mechlp.cli.render.JsonReport;
import org.mechlp.model.Expectation;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.ProblemFile;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.model.json.StateMechanismJson;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.CalibratedSolver;
import org.mechlp.solver.calibrated.CalibrationCheck;
import org.mechlp.solver.calibrated.SolvedSwitches;
import org.mechlp.solver.classic.ClassicExpectations;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;

/**
 * Solves many problem files in one JVM (OR-Tools is loaded once), in parallel, and compares each answer with the
 * file's {@code "expect"} block. One file's failure (bad input, solver failure, an unexpected error) is recorded in
 * its result and never stops the others. Results come back in input order whatever the number of threads, so
 * summaries are deterministic apart from times.
 */
public final class BatchRunner {
  /** The {@code "format"} of a problem file. */
  private static final String PROBLEM_FORMAT = "mechlp/1";

  private static final ObjectMapper FORMAT_PROBE = new ObjectMapper();

  private final SolveOptions options;
  private final int jobs;
  private final java.util.function.Function<Problem, java.util.Optional<String>> guard;
  private Path reportDir;
  private boolean exact;

  /** A runner with {@code jobs} threads; {@code guard} may refuse a problem before it is built (a size limit). */
  public BatchRunner(
      SolveOptions options, int jobs, java.util.function.Function<Problem, java.util.Optional<String>> guard) {
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1");
    }
    this.options = options;
    this.jobs = jobs;
    this.guard = guard;
  }

  /** Also write each problem's JSON report (as {@code solve --format json} would) to {@code dir}/NAME.json. */
  public BatchRunner writingReportsTo(Path dir) {
    this.reportDir = dir;
    return this;
  }

  /**
   * Solve every problem as {@code solve --exact} does and compare the certified value with the expectation exactly
   * (as a fraction); an answer that is not certified is a failure. With a report directory, also write each
   * certificate to {@code dir}/NAME.certificate.json.
   */
  public BatchRunner exact() {
    this.exact = true;
    return this;
  }

  /**
   * The problem files named by {@code paths}: files as given, directories expanded to their {@code *.json} files
   * (not recursively), sorted by path, duplicates removed.
   */
  public static List<Path> expand(List<Path> paths) throws IOException {
    return expand(paths, skipped -> {});
  }

  /**
   * As {@link #expand(List)}; a folder's {@code *.json} file that is not a problem file (its {@code "format"} is not
   * {@code "mechlp/1"}: a report, a certificate, a mechanism) is left out and handed to {@code skipped}. A file that
   * is not valid JSON is kept, so that its error is reported.
   */
  public static List<Path> expand(List<Path> paths, Consumer<Path> skipped) throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        List<Path> listed;
        try (Stream<Path> listing = Files.list(p)) {
          listed =
              listing.filter(f -> f.getFileName().toString().endsWith(".json")).filter(Files::isRegularFile).sorted()
                  .toList();
        }
        for (Path f : listed) {
          if (isProblemFile(f)) {
            files.add(f);
          } else {
            skipped.accept(f.normalize());
          }
        }
      } else {
        files.add(p);
      }
    }
    return files.stream().map(Path::normalize).distinct().sorted().toList();
  }

  /** Whether a JSON file says it is a problem file, or cannot be read as JSON at all (then its error is shown). */
  private static boolean isProblemFile(Path file) {
    JsonNode root;
    try {
      root = FORMAT_PROBE.readTree(file.toFile());
    } catch (IOException e) {
      return true;
    }
    if (root == null || !root.isObject()) {
      return true;
    }
    JsonNode format = root.get("format");
    return format != null && format.isTextual() && PROBLEM_FORMAT.equals(format.asText());
  }

  /** The files of shard {@code index} (1-based) of {@code count}: every count-th file, starting at index - 1. */
  public static List<Path> shard(List<Path> files, int index, int count) {
    List<Path> slice = new ArrayList<>();
    for (int i = index - 1; i < files.size(); i += count) {
      slice.add(files.get(i));
    }
    return slice;
  }

  /** Solves every file; {@code done} hears each result as it finishes (from worker threads). */
  public List<BatchResult> run(List<Path> files, Consumer<BatchResult> done) throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(jobs);
    try {
      List<Future<BatchResult>> futures = new ArrayList<>();
      for (Path file : files) {
        futures.add(
            pool.submit(
                () -> {
                  BatchResult r = runOne(file);
                  done.accept(r);
                  return r;
                }));
      }
      List<BatchResult> results = new ArrayList<>();
      for (int i = 0; i < futures.size(); i++) {
        try {
          results.add(futures.get(i).get());
        } catch (ExecutionException e) {
          // runOne catches everything; this is a last resort that still keeps the file in the summary.
          results.add(failed(files.get(i), name(files.get(i)), 0, "unexpected error: " + e.getCause()));
        }
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  /** Solves one file and compares it with its expectation; the time limit counts from the start of this file. */
  BatchResult runOne(Path file) {
    long start = System.nanoTime();
    SolveOptions options =
        new SolveOptions(
            this.options.solver().restarted(),
            this.options.tolerance(),
            this.options.maxListedRows(),
            this.options.strategy());
    try {
      if (org.mechlp.model.json.DataDrivenReader.isDataDriven(file)) {
        return DataDrivenBatch.run(file, name(file), options, exact, start);
      }
      if (org.mechlp.model.dynamic.DynamicProblemReader.isDynamic(file)) {
        return DynamicBatch.run(file, name(file), exact, 1, start); // one thread: the batch runs files in parallel
      }
    } catch (IOException | RuntimeException e) {
      return failed(file, name(file), System.nanoTime() - start, "unexpected error: " + e);
    }
    ProblemFile read;
    try {
      read = ProblemReader.readFile(file);
    } catch (InvalidInputException e) {
      String first = e.issues().isEmpty() ? "invalid" : e.issues().get(0).toString().replace('\n', ' ');
      String more = e.issues().size() > 1 ? " (+" + (e.issues().size() - 1) + " more issues)" : "";
      return new BatchResult(file, name(file), BatchResult.Verdict.INVALID, null, null, 0, Double.NaN,
          System.nanoTime() - start, first + more);
    } catch (IOException e) {
      return new BatchResult(file, name(file), BatchResult.Verdict.INVALID, null, null, 0, Double.NaN,
          System.nanoTime() - start, "cannot read: " + e.getMessage());
    } catch (ArithmeticException | IllegalArgumentException | StackOverflowError e) {
      // An expression the reader could not evaluate (0^-1, 10^10^10, deep nesting) is bad input, not a failure.
      return new BatchResult(file, name(file), BatchResult.Verdict.INVALID, null, null, 0, Double.NaN,
          System.nanoTime() - start, "cannot evaluate the file: " + describe(e));
    }
    Problem problem = read.problem();
    java.util.Optional<String> unsolvable = SolvedSwitches.refusal(problem);
    if (unsolvable.isPresent()) {
      return new BatchResult(file, problem.name(), BatchResult.Verdict.INVALID, null, null, 0, Double.NaN,
          System.nanoTime() - start, unsolvable.get());
    }
    try {
      java.util.Optional<String> refused = guard.apply(problem);
      if (refused.isPresent()) {
        return failed(file, problem.name(), System.nanoTime() - start, refused.get());
      }
      SolveStatus status;
      Double objective;
      long rows;
      Verification verification;
      String message;
      String json;
      ExactBatchSolve certified = null;
      if (exact) {
        // The certificate names the problem file by its hash, so it needs the file's bytes.
        byte[] bytes;
        try {
          bytes = reportDir == null ? null : Files.readAllBytes(file);
        } catch (IOException e) {
          return failed(file, problem.name(), System.nanoTime() - start, "cannot read: " + e.getMessage());
        }
        certified = ExactBatchSolve.of(problem, options, bytes, reportDir != null);
        status = certified.status();
        objective = certified.objective();
        rows = certified.rows();
        verification = certified.verification();
        message = certified.message();
        json = certified.json();
      } else if (problem.isCalibrated()) {
        CalibratedReport report = CalibratedSolver.solve(problem, options);
        status = report.status();
        objective = report.objective();
        rows = report.size().rows();
        verification = report.verification();
        message = report.message();
        json = reportDir == null ? null : CalibratedJsonReport.render(report);
      } else {
        SolveReport report = MechanismSolver.solve(problem, options);
        status = report.status();
        objective = report.objective();
        rows = report.size().rows();
        verification = report.verification();
        message = report.message();
        json = reportDir == null ? null : JsonReport.solve(report);
      }
      if (json != null) {
        // Named after the file, which is unique in a batch (problem names need not be).
        try {
          AtomicFiles.write(reportDir.resolve(name(file) + ".json"), json);
          if (certified != null && certified.certificate() != null) {
            AtomicFiles.write(reportDir.resolve(name(file) + ".certificate.json"), certified.certificate());
          }
        } catch (IOException e) {
          return failed(file, problem.name(), System.nanoTime() - start, "cannot write its report: " + e);
        }
      }
      long nanos = System.nanoTime() - start;
      double violation = verification == null ? Double.NaN : verification.maxViolation();
      Expectation expected = read.expectation();
      String difference =
          expected == null
              ? null
              : certified != null && certified.certified()
                  ? exactDifference(expected, status, certified.value())
                  : difference(expected, status, objective);
      if (difference == null && expected != null && expected.mechanism() != null) {
        MechanismFiles.Resolved mechanismFile = MechanismFiles.resolve(file, expected.mechanism());
        if (mechanismFile.file().isEmpty()) {
          return new BatchResult(file, problem.name(), BatchResult.Verdict.INVALID, status.name(), objective, rows,
              Double.NaN, System.nanoTime() - start, mechanismFile.refusal());
        }
        String verdict;
        try {
          verdict = checkVerdict(problem, mechanismFile.file().get());
        } catch (InvalidInputException e) {
          // Only where the file went wrong, never what it contains: 'mechlp check' shows the whole message.
          String where = e.issues().isEmpty() ? "" : " (first issue at " + pointer(e.issues().get(0)) + ")";
          return new BatchResult(file, problem.name(), BatchResult.Verdict.INVALID, status.name(), objective, rows,
              Double.NaN, System.nanoTime() - start,
              "expect.mechanism " + expected.mechanism() + ": not a valid mechanism file for this problem" + where
                  + "; run 'mechlp check' on it for details");
        } catch (IOException | RuntimeException e) {
          return new BatchResult(file, problem.name(), BatchResult.Verdict.INVALID, status.name(), objective, rows,
              Double.NaN, System.nanoTime() - start,
              "expect.mechanism " + expected.mechanism() + ": cannot be read as a mechanism file");
        }
        if (!verdict.startsWith(expected.verdict())) {
          difference = "expected the check of " + expected.mechanism() + " to " + expected.verdict() + ", it did "
              + verdict;
        }
      }
      if (difference == null && expected != null && !expected.builtins().isEmpty()) {
        // expect.builtins: each built-in mechanism is built, checked and compared exactly.
        difference = ClassicExpectations.difference(problem, expected.builtins(), options.tolerance()).orElse(null);
      }
      BatchResult.Verdict verdict;
      String detail;
      if (certified != null && !certified.certified()) {
        // Nothing proven, nothing to compare: a failure like a solver failure, whatever the expectation says.
        verdict = BatchResult.Verdict.FAILED;
        detail = "not certified: " + certified.reason();
      } else if (difference != null) {
        verdict = BatchResult.Verdict.MISMATCH;
        detail = difference;
      } else if (expected == null && status.exitCode() == 4) {
        verdict = BatchResult.Verdict.FAILED;
        detail = message;
      } else {
        verdict = BatchResult.Verdict.OK;
        detail = expected == null ? "no expectation" : "";
      }
      return new BatchResult(file, problem.name(), verdict, status.name(), objective, rows, violation, nanos,
          detail == null ? "" : detail,
          certified == null ? null : certified.certified() ? BatchResult.CERTIFIED : BatchResult.NOT_CERTIFIED,
          certified == null ? null : certified.value());
    } catch (RuntimeException e) {
      return failed(file, problem.name(), System.nanoTime() - start, "unexpected error: " + e);
    } catch (OutOfMemoryError e) {
      // One problem too large for the heap fails alone; its arrays are garbage once this frame is left.
      return failed(file, problem.name(), System.nanoTime() - start,
          "out of memory: the Java heap is full; solve it alone, lower --max-lp-rows, or give more memory"
              + " (MECHLP_JAVA_OPTS=-Xmx8g)");
    } catch (StackOverflowError e) {
      return failed(file, problem.name(), System.nanoTime() - start,
          "out of stack: the problem nests too deeply; give a larger stack (MECHLP_JAVA_OPTS=-Xss64m)");
    }
  }

  /**
   * Checks the attached mechanism: "pass" or "fail (N violated constraints)". Calibrated problems take a
   * state-dependent mechanism and the calibration check C1.
   */
  private String checkVerdict(Problem problem, Path mechanismFile) throws IOException, InvalidInputException {
    CheckOptions check = new CheckOptions(options.tolerance(), 0);
    long violations;
    if (problem.isCalibrated()) {
      CalibrationCheck c1 =
          CalibrationCheck.check(problem, StateMechanismJson.read(mechanismFile, problem), check);
      violations = c1.calibrated().violationCount();
    } else {
      CheckReport report = MechanismChecker.check(problem, MechanismJson.read(mechanismFile, problem), check);
      violations = report.verification().violationCount();
    }
    return violations == 0 ? "pass" : "fail (" + violations + " violated constraints)";
  }

  /** What differs from the expectation, or null when the answer matches it. */
  static String difference(Expectation expected, SolveStatus status, Double objective) {
    if (!expected.status().equals(status.name())) {
      return "expected status " + expected.status() + ", got " + status.name();
    }
    if (expected.objective() == null) {
      return null;
    }
    if (objective == null) {
      return "expected objective " + expected.objective() + ", got none";
    }
    double gap = Math.abs(objective - expected.objective().doubleValue());
    if (gap > expected.tolerance()) {
      return String.format(
          Locale.ROOT,
          "expected objective %s (%.12g), got %.12g: off by %.3g, tolerance %.3g",
          org.mechlp.model.Fractions.format(expected.objective()),
          expected.objective().doubleValue(),
          objective,
          gap,
          expected.tolerance());
    }
    return null;
  }

  /**
   * What differs from the expectation when the answer is certified, or null: the statuses must agree (so an
   * infeasible expectation is met only by a certified infeasibility) and the certified value must equal the expected
   * objective as a fraction; the expectation's tolerance does not apply.
   */
  static String exactDifference(Expectation expected, SolveStatus status, BigFraction value) {
    if (!expected.status().equals(status.name())) {
      return "expected status " + expected.status() + ", got " + status.name();
    }
    if (expected.objective() == null) {
      return null;
    }
    if (value == null) {
      return "expected objective " + Ratios.ratio(expected.objective()) + ", got no certified value";
    }
    if (value.compareTo(expected.objective()) != 0) {
      return "expected objective " + Ratios.ratio(expected.objective()) + " exactly, certified "
          + Ratios.ratio(value) + ": off by " + Ratios.ratio(value.subtract(expected.objective()));
    }
    return null;
  }

  private static BatchResult failed(Path file, String name, long nanos, String detail) {
    return new BatchResult(file, name, BatchResult.Verdict.FAILED, null, null, 0, Double.NaN, nanos, detail);
  }

  private static String pointer(org.mechlp.model.Issue issue) {
    return issue.pointer().isEmpty() ? "the top level" : issue.pointer();
  }

  private static String describe(Throwable e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
  }

  /** A result for each file in {@code files} that {@code finished} lacks: NOT_RUN, in the order of {@code files}. */
  public static List<BatchResult> withUnrun(List<Path> files, List<BatchResult> finished, String why) {
    java.util.Map<Path, BatchResult> byFile = new java.util.HashMap<>();
    for (BatchResult r : finished) {
      byFile.put(r.file(), r);
    }
    List<BatchResult> all = new ArrayList<>();
    for (Path file : files) {
      BatchResult r = byFile.get(file);
      all.add(
          r != null
              ? r
              : new BatchResult(file, name(file), BatchResult.Verdict.NOT_RUN, null, null, 0, Double.NaN, 0, why));
    }
    return all;
  }

  /** The name of a problem file's report in the report directory, without the extension: the file's own name. */
  public static String reportName(Path file) {
    return name(file);
  }

  private static String name(Path file) {
    String n = file.getFileName().toString();
    return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
  }
}
