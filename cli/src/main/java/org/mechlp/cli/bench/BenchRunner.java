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
import org.mechlp.solver.SolveOptions;
import org.mechlp.solver.lp.SolverSettings;
import org.mechlp.solver.report.SolveReport;

/** Solves benchmark instances one after another and collects their sizes, times and peak heap use. */
public final class BenchRunner {
  private final SolverSettings settings;
  private final PrintWriter progress;

  /**
   * A runner solving with {@code settings} and printing one progress line per instance to {@code progress} (stderr
   * in the command line).
   */
  public BenchRunner(SolverSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** One measured instance. */
  public record Result(String instance, SolveReport report, double peakHeapMb) {}

  /** Runs every instance in order. */
  public List<Result> run(List<BenchInstance> instances) throws InvalidInputException {
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
    SolveReport report = MechanismSolver.solve(problem, new SolveOptions(settings, 1e-6, 0));
    long peak = 0;
    for (MemoryPoolMXBean pool : heapPools) {
      peak += pool.getPeakUsage().getUsed();
    }
    return new Result(instance.name(), report, peak / (1024.0 * 1024.0));
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
        "| instance | rows | columns | non-zeros | compile ms | solve ms | verify ms | objective | peak heap MB"
            + " | status |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      SolveReport s = r.report();
      sb.append("| ")
          .append(r.instance())
          .append(" | ")
          .append(s.size().rows())
          .append(" | ")
          .append(s.size().columns())
          .append(" | ")
          .append(s.size().nonZeros())
          .append(" | ")
          .append(Numbers.millis(s.compileNanos()))
          .append(" | ")
          .append(Numbers.millis(s.solveNanos()))
          .append(" | ")
          .append(Numbers.millis(s.verifyNanos()))
          .append(" | ")
          .append(s.objective() == null ? "-" : Numbers.format(s.objective()))
          .append(" | ")
          .append(Math.round(r.peakHeapMb()))
          .append(" | ")
          .append(s.status().name())
          .append(" |\n");
    }
    return sb.toString();
  }
}
