package org.mechlp.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import org.mechlp.cli.render.Numbers;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.CalibratedSolver;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/** Solves benchmark instances one after another and collects their sizes, times and peak heap use. */
public final class BenchRunner {
  private final BackendSettings settings;
  private final PrintWriter progress;

  /**
   * A runner solving with {@code settings} and printing one progress line per instance to {@code progress} (stderr
   * in the command line).
   */
  public BenchRunner(BackendSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * One measured instance. For a calibrated problem the size and the compile/solve/verify times are those of its
   * main LP (all refinement rounds); the wall time also covers the benchmark LPs (full transparency, no
   * disclosure, the standard BIC bound).
   */
  public record Result(
      String instance,
      long rows,
      int columns,
      long nonZeros,
      long compileNanos,
      long solveNanos,
      long verifyNanos,
      long wallNanos,
      Double objective,
      SolveStatus status,
      double peakHeapMb) {}

  /** Runs every instance in order. */
  public List<Result> run(List<BenchInstance> instances) throws InvalidInputException {
    // Loading the native libraries takes about 0.4 s once per process; keep it out of the first measurement.
    OrToolsLpSolver.loadNativeLibraries();
    List<Result> results = new ArrayList<>();
    for (BenchInstance instance : instances) {
      progress.println("bench: solving " + instance.name() + " ...");
      progress.flush();
      results.add(run(instance));
    }
    return results;
  }

  private Result run(BenchInstance instance) throws InvalidInputException {
    Problem problem = ProblemReader.read(instance.json(), instance.name());
    List<MemoryPoolMXBean> heapPools = heapPools();
    // Collect first so each instance's peak starts from the live data of the previous ones, not their garbage.
    System.gc();
    heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    // The scale series measures the full LP, so that its times show how the LP itself grows; the strategies
    // (lazy, symmetric, reduced) have their own comparisons (StrategyBench, SymmetryBench, ReducedBench).
    SolveOptions options = new SolveOptions(settings, 1e-6, 0, SolveOptions.Strategy.FULL);
    long start = System.nanoTime();
    Result result;
    if (problem.isCalibrated()) {
      CalibratedReport c = CalibratedSolver.solve(problem, options);
      long wall = System.nanoTime() - start;
      result =
          new Result(instance.name(), c.size().rows(), c.size().columns(), c.size().nonZeros(), c.compileNanos(),
              c.solveNanos(), c.verifyNanos(), wall, c.objective(), c.status(), 0);
    } else {
      SolveReport s = MechanismSolver.solve(problem, options);
      long wall = System.nanoTime() - start;
      result =
          new Result(instance.name(), s.size().rows(), s.size().columns(), s.size().nonZeros(), s.compileNanos(),
              s.solveNanos(), s.verifyNanos(), wall, s.objective(), s.status(), 0);
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      peak += pool.getPeakUsage().getUsed();
    }
    return new Result(
        result.instance(), result.rows(), result.columns(), result.nonZeros(), result.compileNanos(),
        result.solveNanos(), result.verifyNanos(), result.wallNanos(), result.objective(), result.status(),
        peak / (1024.0 * 1024.0));
  }

  private static List<MemoryPoolMXBean> heapPools() {
    List<MemoryPoolMXBean> pools = new ArrayList<>();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        pools.add(pool);
      }
    }
    return pools;
  }

  /** The results as a Markdown table, ready to paste into the README. */
  public static String markdown(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| instance | rows | columns | non-zeros | compile ms | solve ms | verify ms | wall ms | objective"
            + " | peak heap MB | status |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      sb.append("| ")
          .append(r.instance())
          .append(" | ")
          .append(r.rows())
          .append(" | ")
          .append(r.columns())
          .append(" | ")
          .append(r.nonZeros())
          .append(" | ")
          .append(Numbers.millis(r.compileNanos()))
          .append(" | ")
          .append(Numbers.millis(r.solveNanos()))
          .append(" | ")
          .append(Numbers.millis(r.verifyNanos()))
          .append(" | ")
          .append(Numbers.millis(r.wallNanos()))
          .append(" | ")
          .append(r.objective() == null ? "-" : Numbers.format(r.objective()))
          .append(" | ")
          .append(Math.round(r.peakHeapMb()))
          .append(" | ")
          .append(r.status().name())
          .append(" |\n");
    }
    return sb.toString();
  }
}
