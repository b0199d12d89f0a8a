package org.mechlp.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mechlp.cli.render.Numbers;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * Times the feature strategy ({@code bench --features}) on one buyer with m additive items whose values lie on the
 * midpoint grid (2i + 1) / (2N) per item, uniform prior, DSIC and ex post IR, revenue: two items at N = 100 and 200,
 * three at N = 10, four at N = 6. Beside each, where it fits in minutes, the unreduced lazy solve (2^m + 1 columns
 * per type) of the same problem. Wall times include reading the problem, compiling and verifying every IC pair.
 */
public final class FeaturesBench {
  private final BackendSettings settings;
  private final PrintWriter progress;

  /** A bench solving with {@code settings}, printing progress to {@code progress}. */
  public FeaturesBench(BackendSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * One instance to time.
   *
   * @param items m
   * @param n values per item
   * @param baseline whether to time the unreduced lazy solve beside it
   */
  public record Instance(int items, int n, boolean baseline) {
    /** The instance's name, for example {@code additive-m2-N100}. */
    public String name() {
      return "additive-m" + items + "-N" + n;
    }

    /** The IC pairs of the full problem: K (K - 1) for K = N^m types. */
    public long icPairs() {
      long types = Math.round(Math.pow(n, items));
      return types * (types - 1);
    }

    /** The problem as mechlp/1 JSON, outcomes every bundle of the items named by their letters. */
    public String json() {
      String letters = "ABCDEFGH".substring(0, items);
      String attributes = "abcdefgh".substring(0, items);
      long types = Math.round(Math.pow(n, items));
      StringBuilder typeList = new StringBuilder();
      StringBuilder prior = new StringBuilder();
      for (long t = 0; t < types; t++) {
        StringBuilder name = new StringBuilder();
        StringBuilder fields = new StringBuilder();
        long rest = t;
        for (int k = items - 1; k >= 0; k--) {
          long index = rest % n;
          rest /= n;
          name.insert(0, attributes.charAt(k) + Long.toString(index));
          fields.insert(0, ", \"" + attributes.charAt(k) + "\": \"" + (2 * index + 1) + "/" + (2 * n) + "\"");
        }
        typeList.append(t == 0 ? "" : ", ").append("{\"name\": \"").append(name).append("\"").append(fields)
            .append("}");
        prior.append(t == 0 ? "" : ", ").append("\"1/").append(types).append("\"");
      }
      StringBuilder outcomes = new StringBuilder("\"none\"");
      StringBuilder expressions = new StringBuilder();
      for (int mask = 1; mask < 1 << items; mask++) {
        StringBuilder bundle = new StringBuilder();
        StringBuilder value = new StringBuilder();
        for (int k = 0; k < items; k++) {
          if ((mask & (1 << k)) != 0) {
            bundle.append(letters.charAt(k));
            value.append(value.length() == 0 ? "" : " + ").append(attributes.charAt(k));
          }
        }
        outcomes.append(", \"").append(bundle).append("\"");
        expressions.append(mask == 1 ? "" : ", ").append("\"").append(bundle).append("\": \"").append(value)
            .append("\"");
      }
      return "{\"format\": \"mechlp/1\", \"name\": \"" + name() + "\", \"agents\": [{\"name\": \"buyer\","
          + " \"types\": [" + typeList + "], \"prior\": [" + prior + "]}], \"outcomes\": [" + outcomes + "],"
          + " \"valuations\": {\"buyer\": {\"expression\": {" + expressions + "}}},"
          + " \"mechanism\": {\"ic\": \"dsic\", \"ir\": \"expost\"}, \"objective\": \"revenue\"}";
    }
  }

  /** The series: two items N = 100 and 200, three items N = 10, four items N = 6. */
  public static List<Instance> series(boolean baselines) {
    return List.of(
        new Instance(2, 100, baselines),
        new Instance(2, 200, false),
        new Instance(3, 10, baselines),
        new Instance(4, 6, baselines));
  }

  /** A quick series (seconds): two items N = 30 and three items N = 6, both with the baseline. */
  public static List<Instance> quickSeries() {
    return List.of(new Instance(2, 30, true), new Instance(3, 6, true));
  }

  /**
   * One measured instance.
   *
   * @param instance the instance
   * @param features the feature solve's report
   * @param wallNanos its wall time, reading the JSON included
   * @param cpuNanos the process's CPU time meanwhile (all threads: the scans run on every core), which says more
   *     than wall time on a shared machine
   * @param peakHeapMb the JVM heap's peak during it (OR-Tools' native memory excluded)
   * @param baseline the unreduced lazy solve's report, or null when not run
   * @param baselineNanos its wall time
   */
  public record Result(
      Instance instance,
      SolveReport features,
      long wallNanos,
      long cpuNanos,
      double peakHeapMb,
      SolveReport baseline,
      long baselineNanos) {
    /** Whether the baseline, when run, has the same optimum within 1e-6. */
    public boolean agrees() {
      return baseline == null
          || baseline.objective() != null
              && features.objective() != null
              && Math.abs(baseline.objective() - features.objective()) <= 1e-6;
    }
  }

  /** Solves each instance over features (auto) and, where asked, unreduced and lazily. */
  public List<Result> run(List<Instance> instances) throws InvalidInputException {
    OrToolsLpSolver.loadNativeLibraries();
    List<Result> results = new ArrayList<>();
    for (Instance instance : instances) {
      String json = instance.json();
      progress.println("bench: solving " + instance.name() + " over features ...");
      progress.flush();
      List<MemoryPoolMXBean> heap = heapPools();
      System.gc();
      heap.forEach(MemoryPoolMXBean::resetPeakUsage);
      long start = System.nanoTime();
      long cpuStart = processCpuNanos();
      Problem problem = ProblemReader.read(json, instance.name());
      SolveReport features = MechanismSolver.solve(problem, new SolveOptions(settings, 1e-6, 0, Strategy.AUTO));
      long wall = System.nanoTime() - start;
      long cpu = processCpuNanos() - cpuStart;
      long peak = 0;
      for (MemoryPoolMXBean pool : heap) {
        peak += pool.getPeakUsage().getUsed();
      }
      SolveReport baseline = null;
      long baselineNanos = 0;
      if (instance.baseline()) {
        progress.println("bench: solving " + instance.name() + " unreduced (lazy) ...");
        progress.flush();
        long baselineStart = System.nanoTime();
        Problem again = ProblemReader.read(json, instance.name());
        baseline = MechanismSolver.solve(again, new SolveOptions(settings, 1e-6, 0, Strategy.LAZY));
        baselineNanos = System.nanoTime() - baselineStart;
      }
      results.add(new Result(instance, features, wall, cpu, peak / (1024.0 * 1024.0), baseline, baselineNanos));
    }
    return results;
  }

  private static long processCpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
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

  /** Whether every feature solve is optimal and agrees with its baseline. */
  public static boolean allGood(List<Result> results) {
    return results.stream().allMatch(r -> r.features().status() == SolveStatus.OPTIMAL && r.agrees());
  }

  /** The results as a Markdown table. */
  public static String markdown(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| instance | types | IC pairs checked | strategy | rounds | IC rows built | columns | wall ms | cpu ms | solve ms"
            + " | verify ms | peak heap MB | objective | unreduced lazy ms | unreduced objective | same optimum (1e-6)"
            + " | status |\n");
    sb.append("|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (Result r : results) {
      SolveReport f = r.features();
      long types = Math.round(Math.pow(r.instance().n(), r.instance().items()));
      sb.append("| ").append(r.instance().name())
          .append(" | ").append(types)
          .append(" | ").append(r.instance().icPairs())
          .append(" | ").append(f.strategy() == null ? "-" : f.strategy().strategy())
          .append(" | ").append(f.strategy() == null ? 0 : f.strategy().rounds())
          .append(" | ").append(f.strategy() == null ? 0 : f.strategy().icRowsUsed())
          .append(" | ").append(f.size().columns())
          .append(" | ").append(Numbers.millis(r.wallNanos()))
          .append(" | ").append(Numbers.millis(r.cpuNanos()))
          .append(" | ").append(Numbers.millis(f.solveNanos()))
          .append(" | ").append(Numbers.millis(f.verifyNanos()))
          .append(" | ").append(String.format(Locale.ROOT, "%.0f", r.peakHeapMb()))
          .append(" | ").append(f.objective() == null ? "-" : String.format(Locale.ROOT, "%.6f", f.objective()))
          .append(" | ").append(r.baseline() == null ? "-" : Numbers.millis(r.baselineNanos()))
          .append(" | ").append(r.baseline() == null || r.baseline().objective() == null ? "-"
              : String.format(Locale.ROOT, "%.6f", r.baseline().objective()))
          .append(" | ").append(r.baseline() == null ? "-" : r.agrees() ? "yes" : "NO")
          .append(" | ").append(f.status().name())
          .append(" |\n");
    }
    return sb.toString();
  }
}
