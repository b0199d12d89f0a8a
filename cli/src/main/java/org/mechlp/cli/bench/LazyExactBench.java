package org.mechlp.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.mechlp.cli.render.Numbers;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveReport;

/**
 * Exact certification at scale ({@code bench --exact}, second table): {@code --exact} with lazy IC rows on the
 * two-item midpoint grid (one buyer, values (2i+1)/(2N) for each item, uniform, DSIC and ex post IR, revenue), next to
 * {@code --exact} on the full LP where that fits. Timed in one JVM after an untimed warm-up, so JVM start and native
 * loading are excluded.
 */
public final class LazyExactBench {
  /** The grid certified untimed first, so that the JIT has compiled the hot loops. */
  static final int WARM_UP_GRID = 8;

  private final BackendSettings settings;
  private final PrintWriter progress;

  /** A bench solving with {@code settings}, printing progress lines to {@code progress}. */
  public LazyExactBench(BackendSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** One grid size, and whether the full LP is certified too for comparison. */
  public record Case(int gridSize, boolean withFull) {}

  /** N = 20 both ways, N = 100 lazily only (the full LP has 10^8 rows). */
  public static List<Case> series() {
    return List.of(new Case(20, true), new Case(100, false));
  }

  /** Seconds: N = 6 both ways. */
  public static List<Case> quickSeries() {
    return List.of(new Case(6, true));
  }

  /**
   * One certified grid.
   *
   * @param instance the instance name
   * @param icRows IC rows of the full problem
   * @param icRowsBuilt IC rows the lazy solve gave the LP
   * @param rounds solves of the lazy loop
   * @param basisDimension the order of the exact basis system
   * @param buildNanos compiling and building the first LP
   * @param solveNanos GLOP over all rounds
   * @param certifyNanos exact arithmetic: the basis of the rows built and the check against every row
   * @param wallNanos the whole lazy {@code --exact} solve
   * @param fullWallNanos the whole {@code --exact} solve of the full LP, or -1 when not run
   * @param objective the certified optimum, or "-"
   * @param fullObjective the full LP's certified optimum, or "-" when not run or not certified
   * @param status CERTIFIED only when certified and, where the full LP ran, equal to its certified optimum
   */
  public record Result(
      String instance,
      long icRows,
      long icRowsBuilt,
      int rounds,
      int basisDimension,
      long buildNanos,
      long solveNanos,
      long certifyNanos,
      long wallNanos,
      long fullWallNanos,
      String objective,
      String fullObjective,
      Certification.Status status) {}

  /** Certifies every case in order, after the warm-up. */
  public List<Result> run(List<Case> cases) throws InvalidInputException {
    OrToolsLpSolver.loadNativeLibraries();
    progress.println("bench: warming up (lazy --exact on the " + WARM_UP_GRID + " x " + WARM_UP_GRID + " grid) ...");
    progress.flush();
    ExactSolver.solve(problem(WARM_UP_GRID), options(Strategy.LAZY));
    List<Result> results = new ArrayList<>();
    for (Case c : cases) {
      Problem problem = problem(c.gridSize());
      progress.println("bench: lazy --exact on " + problem.name() + " ...");
      progress.flush();
      long start = System.nanoTime();
      ExactSolver.ExactSolveReport lazy = ExactSolver.solve(problem, options(Strategy.LAZY));
      long wall = System.nanoTime() - start;
      long fullWall = -1;
      String fullObjective = "-";
      if (c.withFull()) {
        progress.println("bench: full --exact on " + problem.name() + " ...");
        progress.flush();
        start = System.nanoTime();
        ExactSolver.ExactSolveReport full = ExactSolver.solve(problem, options(Strategy.FULL));
        fullWall = System.nanoTime() - start;
        fullObjective = full.certification().certified() ? Ratios.ratio(full.certification().objective()) : "-";
      }
      Certification certification = lazy.certification();
      SolveReport report = lazy.report();
      String objective = certification.certified() ? Ratios.ratio(certification.objective()) : "-";
      boolean agrees = !c.withFull() || objective.equals(fullObjective);
      Certification.Status status =
          certification.certified() && !agrees ? Certification.Status.FAILED : certification.status();
      results.add(
          new Result(problem.name(), report.strategy() == null ? 0 : report.strategy().icRowsTotal(),
              report.strategy() == null ? 0 : report.strategy().icRowsUsed(),
              report.strategy() == null ? 0 : report.strategy().rounds(), certification.basisDimension(),
              report.compileNanos(), report.solveNanos(), certification.certifyNanos(), wall, fullWall, objective,
              fullObjective, status));
    }
    return results;
  }

  private SolveOptions options(Strategy strategy) {
    return new SolveOptions(settings, 1e-6, 0, strategy);
  }

  /** The N x N midpoint grid: values (2i+1)/(2N) for each item, DSIC and ex post IR, maximum revenue. */
  static Problem problem(int n) throws InvalidInputException {
    StringBuilder types = new StringBuilder();
    StringBuilder prior = new StringBuilder();
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        String sep = types.length() == 0 ? "" : ", ";
        types.append(sep).append("{\"name\": \"a").append(i).append('b').append(j).append("\", \"a\": \"")
            .append(2 * i + 1).append('/').append(2 * n).append("\", \"b\": \"").append(2 * j + 1).append('/')
            .append(2 * n).append("\"}");
        prior.append(sep).append("\"1/").append(n * n).append('"');
      }
    }
    String name = "grid-midpoint-N" + n;
    String json =
        "{\"format\": \"mechlp/1\", \"name\": \"" + name + "\", \"agents\": [{\"name\": \"buyer\", \"types\": ["
            + types + "], \"prior\": [" + prior + "]}], \"outcomes\": [\"none\", \"A\", \"B\", \"AB\"],"
            + " \"valuations\": {\"buyer\": {\"expression\": {\"A\": \"a\", \"B\": \"b\", \"AB\": \"a + b\"}}},"
            + " \"mechanism\": {\"ic\": \"dsic\", \"ir\": \"expost\"}, \"objective\": \"revenue\"}";
    return ProblemReader.read(json, name);
  }

  /** The results as a Markdown table. */
  public static String markdown(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| instance | IC rows | IC rows built | rounds | basis dimension | build ms | float solve ms"
        + " | exact ms | lazy --exact ms | full --exact ms | certified objective | full LP's | status |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      sb.append("| ").append(r.instance())
          .append(" | ").append(r.icRows())
          .append(" | ").append(r.icRowsBuilt())
          .append(" | ").append(r.rounds())
          .append(" | ").append(r.basisDimension())
          .append(" | ").append(Numbers.millis(r.buildNanos()))
          .append(" | ").append(Numbers.millis(r.solveNanos()))
          .append(" | ").append(Numbers.millis(r.certifyNanos()))
          .append(" | ").append(Numbers.millis(r.wallNanos()))
          .append(" | ").append(r.fullWallNanos() < 0 ? "-" : Numbers.millis(r.fullWallNanos()))
          .append(" | ").append(r.objective())
          .append(" | ").append(r.fullObjective())
          .append(" | ").append(r.status().name())
          .append(" |\n");
    }
    return sb.toString();
  }
}
