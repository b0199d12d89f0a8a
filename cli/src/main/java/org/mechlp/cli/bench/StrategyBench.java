package org.mechlp.cli.bench;

import java.io.PrintWriter;
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
 * Lazy against full IC generation on the two-item grid, side by side in one run: wall times, their ratio, the
 * lazy loop's rounds and rows, and whether both reach the same optimum to 1e-9. The largest grids run lazily only.
 */
public final class StrategyBench {
  private static final double SAME_OPTIMUM = 1e-9;

  private final BackendSettings settings;
  private final PrintWriter progress;

  /** A comparison solving with {@code settings}, printing progress lines to {@code progress}. */
  public StrategyBench(BackendSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * One grid size.
   *
   * @param instance the instance name
   * @param icRows IC rows of the full problem
   * @param fullNanos wall time of the full solve, or -1 when skipped
   * @param lazyNanos wall time of the lazy solve
   * @param rounds lazy rounds
   * @param icRowsUsed IC rows the lazy solve built
   * @param lazyObjective the lazy optimum
   * @param fullObjective the full optimum, or null when skipped
   * @param status the lazy status, or the worse of both (a different optimum counts as a numerical failure)
   */
  public record Result(
      String instance,
      long icRows,
      long fullNanos,
      long lazyNanos,
      int rounds,
      long icRowsUsed,
      Double lazyObjective,
      Double fullObjective,
      SolveStatus status) {}

  /** Grid sizes compared both ways, and sizes solved lazily only. */
  public record Case(int gridSize, boolean withFull) {}

  /** The default comparison: N = 20 both ways, N = 100 lazily. */
  public static List<Case> series() {
    return List.of(new Case(20, true), new Case(100, false));
  }

  /** A few seconds: N = 5 both ways. */
  public static List<Case> quickSeries() {
    return List.of(new Case(5, true));
  }

  /** The grid solved both ways, untimed, before the cases: small enough to take well under a second. */
  static final int WARM_UP_GRID = 10;

  /** Lazy warm-up solves: the JIT compiles the hot loops after a few calls. */
  static final int WARM_UP_LAZY_SOLVES = 3;

  /**
   * Runs the cases in order, after an untimed warm-up: a few lazy and one full solve of a small grid, so that the
   * JIT has compiled the compiler, the scans and the verifier as in any longer-running process. Without it the
   * first lazy solve of a JVM pays about 100 ms of warm-up (N = 20: 168 ms cold, 60 ms warm, measured), a
   * constant that would otherwise dominate the comparison with a full solve of seconds.
   */
  public List<Result> run(List<Case> cases) throws InvalidInputException {
    OrToolsLpSolver.loadNativeLibraries();
    BenchInstance warmUp = BenchInstance.twoItemGrid(WARM_UP_GRID);
    Problem warmUpProblem = ProblemReader.read(warmUp.json(), warmUp.name());
    for (int k = 0; k < WARM_UP_LAZY_SOLVES; k++) {
      MechanismSolver.solve(warmUpProblem, options(Strategy.LAZY));
    }
    MechanismSolver.solve(warmUpProblem, options(Strategy.FULL));
    List<Result> results = new ArrayList<>();
    for (Case c : cases) {
      BenchInstance instance = BenchInstance.twoItemGrid(c.gridSize());
      Problem problem = ProblemReader.read(instance.json(), instance.name());
      progress.println("bench: " + instance.name() + " lazy ...");
      progress.flush();
      long start = System.nanoTime();
      SolveReport lazy = MechanismSolver.solve(problem, options(Strategy.LAZY));
      long lazyNanos = System.nanoTime() - start;
      long fullNanos = -1;
      SolveReport full = null;
      if (c.withFull()) {
        progress.println("bench: " + instance.name() + " full ...");
        progress.flush();
        start = System.nanoTime();
        full = MechanismSolver.solve(problem, options(Strategy.FULL));
        fullNanos = System.nanoTime() - start;
      }
      SolveStatus status = lazy.status();
      if (full != null && status == SolveStatus.OPTIMAL) {
        status = full.status();
        double scale = Math.max(1, Math.abs(full.objective()));
        if (status == SolveStatus.OPTIMAL && !(Math.abs(lazy.objective() - full.objective()) <= SAME_OPTIMUM * scale)) {
          status = SolveStatus.NUMERICAL_FAILURE;
        }
      }
      results.add(
          new Result(
              instance.name(),
              lazy.strategy().icRowsTotal(),
              fullNanos,
              lazyNanos,
              lazy.strategy().rounds(),
              lazy.strategy().icRowsUsed(),
              lazy.objective(),
              full == null ? null : full.objective(),
              status));
    }
    return results;
  }

  private SolveOptions options(Strategy strategy) {
    return new SolveOptions(settings, 1e-6, 0, strategy);
  }

  /** The comparison as a Markdown table. */
  public static String markdown(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        "| instance | IC rows | full ms | lazy ms | full / lazy | rounds | IC rows built | objective"
            + " | same optimum (1e-9) | status |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
    for (Result r : results) {
      boolean compared = r.fullObjective() != null && r.lazyObjective() != null;
      sb.append("| ").append(r.instance())
          .append(" | ").append(r.icRows())
          .append(" | ").append(r.fullNanos() < 0 ? "-" : Numbers.millis(r.fullNanos()))
          .append(" | ").append(Numbers.millis(r.lazyNanos()))
          .append(" | ")
          .append(r.fullNanos() < 0 ? "-" : String.format(Locale.ROOT, "%.1f", (double) r.fullNanos() / r.lazyNanos()))
          .append(" | ").append(r.rounds())
          .append(" | ").append(r.icRowsUsed())
          .append(" | ").append(r.lazyObjective() == null ? "-" : Numbers.format(r.lazyObjective()))
          .append(" | ")
          .append(
              !compared
                  ? "-"
                  : Math.abs(r.lazyObjective() - r.fullObjective())
                          <= SAME_OPTIMUM * Math.max(1, Math.abs(r.fullObjective()))
                      ? "yes"
                      : "no")
          .append(" | ").append(r.status().name())
          .append(" |\n");
    }
    return sb.toString();
  }
}
