package org.mechlp.cli.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mechlp.cli.render.Numbers;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.json.DataDrivenReader;
import org.mechlp.solver.datadriven.DataDrivenReport;
import org.mechlp.solver.datadriven.DataDrivenRun;
import org.mechlp.solver.datadriven.DataDrivenSolver;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveStatus;

/**
 * Times data-driven problems end to end ({@code bench --data-driven}): reading the file, building and solving the
 * data-driven LP and the message-driven one, each verified. The instances are generated: n agents with types
 * (preference, signal), preferences theta = 0..k-1 uniform, signals right about the state with twice the weight of
 * each wrong one, states omega = 0..m-1 uniform, a single item whose value to agent i is theta + i * omega (each
 * agent's value loads differently on the state), an estimate that is more likely the nearer it is to the state,
 * the efficient allocation fixed, posterior IC, interim IR, revenue.
 */
public final class DataDrivenBench {
  private final BackendSettings settings;
  private final PrintWriter progress;

  /** A bench solving with {@code settings}, printing progress to {@code progress}. */
  public DataDrivenBench(BackendSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * One generated instance.
   *
   * @param agents n
   * @param preferences preferences per agent
   * @param signals signals per agent
   * @param states states of the world
   * @param estimates estimate values
   */
  public record Size(int agents, int preferences, int signals, int states, int estimates) {
    /** A short name, for example {@code dd-n3-p4-s3-w3-e2}. */
    public String name() {
      return "dd-n" + agents + "-p" + preferences + "-s" + signals + "-w" + states + "-e" + estimates;
    }
  }

  /** One measured instance. */
  public record Result(
      String instance,
      long rows,
      int columns,
      long nonZeros,
      long readNanos,
      long wallNanos,
      long cpuNanos,
      SolveStatus dataDriven,
      Double objective,
      double maxViolation,
      SolveStatus messageDriven) {}

  /** The bench instance (3 agents x 4 preferences x 3 signals, 3 states, 2 estimates) and its neighbours. */
  public static List<Size> series(boolean quick) {
    Size bench = new Size(3, 4, 3, 3, 2);
    return quick
        ? List.of(new Size(2, 4, 3, 3, 2), bench)
        : List.of(new Size(2, 4, 3, 3, 2), bench, new Size(3, 5, 3, 3, 2), new Size(3, 6, 3, 3, 2));
  }

  /** Solves each instance. */
  public List<Result> run(List<Size> sizes) throws InvalidInputException {
    OrToolsLpSolver.loadNativeLibraries();
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    List<Result> results = new ArrayList<>();
    for (Size size : sizes) {
      progress.println("bench: solving " + size.name() + " (data-driven and message-driven LPs) ...");
      progress.flush();
      long cpu = os.getProcessCpuTime();
      long start = System.nanoTime();
      DataDrivenProblem problem = DataDrivenReader.read(json(size), size.name());
      long read = System.nanoTime() - start;
      DataDrivenReport report = DataDrivenSolver.solve(problem, new SolveOptions(settings, 1e-6, 0), false);
      long wall = System.nanoTime() - start;
      DataDrivenRun dd = report.dataDriven();
      results.add(new Result(size.name(), dd.size().rows(), dd.size().columns(), dd.size().nonZeros(), read, wall,
          os.getProcessCpuTime() - cpu, dd.status(), dd.objective(),
          dd.verification() == null ? Double.NaN : dd.verification().maxViolation(),
          report.messageDriven().status()));
    }
    return results;
  }

  /** The generated problem file (types given as (preference, signal) pairs). */
  public static String json(Size size) {
    int n = size.agents();
    int m = size.states();
    StringBuilder sb = new StringBuilder();
    sb.append("{\"format\": \"mechlp/1\", \"name\": \"").append(size.name()).append("\",\n \"states\": [");
    for (int w = 0; w < m; w++) {
      sb.append(w == 0 ? "" : ", ").append("{\"name\": \"w").append(w).append("\", \"p\": \"1/").append(m)
          .append("\", \"omega\": ").append(w).append('}');
    }
    sb.append("],\n \"agents\": [");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ",").append("\n  {\"name\": \"a").append(i + 1).append("\", \"preferences\": [");
      for (int k = 0; k < size.preferences(); k++) {
        sb.append(k == 0 ? "" : ", ").append("{\"name\": \"t").append(k).append("\", \"theta\": ").append(k)
            .append('}');
      }
      sb.append("], \"prior\": {");
      for (int k = 0; k < size.preferences(); k++) {
        sb.append(k == 0 ? "" : ", ").append("\"t").append(k).append("\": \"1/").append(size.preferences())
            .append('"');
      }
      sb.append("},\n   \"signals\": [");
      int s = size.signals();
      for (int k = 0; k < s; k++) {
        sb.append(k == 0 ? "" : ", ").append("{\"name\": \"s").append(k).append("\", \"p\": {");
        for (int w = 0; w < m; w++) {
          // The signal that matches the state (w mod s) has weight 2, every other 1: P = weight / (s + 1).
          sb.append(w == 0 ? "" : ", ").append("\"w").append(w).append("\": \"").append(w % s == k ? 2 : 1)
              .append('/').append(s + 1).append('"');
        }
        sb.append("}}");
      }
      sb.append("]}");
    }
    sb.append("],\n \"outcomes\": [\"none\"");
    for (int i = 0; i < n; i++) {
      sb.append(", \"a").append(i + 1).append('"');
    }
    sb.append("],\n \"valuations\": {");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "" : ", ").append("\"a").append(i + 1).append("\": {\"expression\": {\"a").append(i + 1)
          .append("\": \"theta + ").append(i + 1).append(" * state.omega\"}}");
    }
    sb.append("},\n \"mechanism\": {\"ir\": \"interim\", \"allocation\": \"efficient\"},\n \"objective\": \"revenue\",");
    int e = size.estimates();
    sb.append("\n \"estimator\": {\"estimates\": [");
    for (int k = 0; k < e; k++) {
      sb.append(k == 0 ? "" : ", ").append("{\"name\": \"e").append(k).append("\", \"state\": \"w")
          .append(nearestState(k, e, m)).append("\"}");
    }
    sb.append("],\n  \"likelihood\": [");
    for (int w = 0; w < m; w++) {
      sb.append(w == 0 ? "" : ", ").append("{\"state\": \"w").append(w).append("\", \"p\": {");
      int nearest = nearestEstimate(w, e, m);
      for (int k = 0; k < e; k++) {
        // The estimate nearest the state has weight 2, every other 1.
        sb.append(k == 0 ? "" : ", ").append("\"e").append(k).append("\": \"").append(k == nearest ? 2 : 1)
            .append('/').append(e + 1).append('"');
      }
      sb.append("}}");
    }
    sb.append("]}}\n");
    return sb.toString();
  }

  /** The state estimate k stands for: estimates spread evenly over the states. */
  private static int nearestState(int k, int estimates, int states) {
    return estimates == 1 ? 0 : (2 * k * (states - 1) + (estimates - 1)) / (2 * (estimates - 1));
  }

  /** The estimate nearest state w, rounding halves up. */
  private static int nearestEstimate(int w, int estimates, int states) {
    return states == 1 ? 0 : (2 * w * (estimates - 1) + (states - 1)) / (2 * (states - 1));
  }

  /** The results as a Markdown table. */
  public static String markdown(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| instance | rows | columns | non-zeros | read ms | wall ms | CPU ms | data-driven | revenue"
        + " | largest violation | message-driven |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---|\n");
    for (Result r : results) {
      sb.append("| ").append(r.instance())
          .append(" | ").append(r.rows())
          .append(" | ").append(r.columns())
          .append(" | ").append(r.nonZeros())
          .append(" | ").append(Numbers.millis(r.readNanos()))
          .append(" | ").append(Numbers.millis(r.wallNanos()))
          .append(" | ").append(Numbers.millis(r.cpuNanos()))
          .append(" | ").append(r.dataDriven().name())
          .append(" | ").append(r.objective() == null ? "-" : String.format(Locale.ROOT, "%.6f", r.objective()))
          .append(" | ").append(Double.isNaN(r.maxViolation()) ? "-"
              : String.format(Locale.ROOT, "%.1e", r.maxViolation()))
          .append(" | ").append(r.messageDriven().name())
          .append(" |\n");
    }
    return sb.toString();
  }
}
