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
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.symmetry.SymmetricSolve;
import org.mechlp.solver.symmetry.SymmetricSolver;

/**
 * Times the symmetry reduction ({@code bench --symmetry}) against mechlp's own full LP on the same instance, side by
 * side in one run: sizes, wall times, both optima and the speed-up ratio. The full LP can be skipped for the largest
 * instances (it takes minutes), leaving only the symmetric side.
 */
public final class SymmetryBench {
  private final BackendSettings settings;
  private final PrintWriter progress;

  /** A bench solving with {@code settings}, printing progress to {@code progress}. */
  public SymmetryBench(BackendSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * One instance solved both ways; the full side is null when it was skipped.
   *
   * @param instance the instance name
   * @param groupOrder the order of the symmetry group found
   * @param fullRows rows of the full LP
   * @param fullColumns columns of the full LP
   * @param reducedRows rows of the reduced LP
   * @param reducedColumns columns of the reduced LP
   * @param symmetricWallNanos wall time of the symmetric solve (compile, detect, reduce, solve, verify all rows)
   * @param symmetricObjective the symmetric optimum
   * @param symmetricStatus its verified status
   * @param fullWallNanos wall time of the full solve, or -1 when skipped
   * @param fullObjective the full optimum, or null when skipped or none
   * @param fullStatus its verified status, or null when skipped
   * @param stages the symmetric solve's detect, reduce, solve and verify times in ms, as "a / b / c / d"
   */
  public record Result(
      String instance,
      String groupOrder,
      long fullRows,
      int fullColumns,
      long reducedRows,
      int reducedColumns,
      long symmetricWallNanos,
      Double symmetricObjective,
      SolveStatus symmetricStatus,
      long fullWallNanos,
      Double fullObjective,
      SolveStatus fullStatus,
      String stages) {

    /** Full wall time over symmetric wall time, or NaN when the full LP was skipped. */
    public double speedUp() {
      return fullWallNanos < 0 ? Double.NaN : (double) fullWallNanos / symmetricWallNanos;
    }
  }

  /**
   * The default instances: auction-n4-k10 (the benchmark line), auction-n3-k10 and auction-n3-k20 (488,000
   * rows: its full LP takes minutes) for scale.
   */
  public static List<BenchInstance> series() {
    return List.of(BenchInstance.auction(3, 10), BenchInstance.auction(4, 10), BenchInstance.auction(3, 20));
  }

  /** A small run for tests and smoke checks. */
  public static List<BenchInstance> quickSeries() {
    return List.of(BenchInstance.auction(2, 10), BenchInstance.auction(3, 5));
  }

  /** Solves every instance symmetrically and, when {@code withFull}, with the full LP too (full first). */
  public List<Result> run(List<BenchInstance> instances, boolean withFull) throws InvalidInputException {
    OrToolsLpSolver.loadNativeLibraries();
    List<Result> results = new ArrayList<>();
    // FULL: under AUTO the "full" side would itself be reduced by symmetry.
    SolveOptions options = new SolveOptions(settings, 1e-6, 0, SolveOptions.Strategy.FULL);
    for (BenchInstance instance : instances) {
      Problem problem = ProblemReader.read(instance.json(), instance.name());
      long fullWall = -1;
      SolveReport full = null;
      if (withFull) {
        progress.println("bench: solving " + instance.name() + " (full LP) ...");
        progress.flush();
        System.gc();
        long start = System.nanoTime();
        full = MechanismSolver.solve(problem, options);
        fullWall = System.nanoTime() - start;
      }
      progress.println("bench: solving " + instance.name() + " (symmetry) ...");
      progress.flush();
      System.gc();
      long start = System.nanoTime();
      SymmetricSolve s = SymmetricSolver.solve(problem, options);
      long wall = System.nanoTime() - start;
      results.add(
          new Result(
              instance.name(),
              s.statistics().group().order().toString(),
              s.statistics().fullRows(),
              s.statistics().fullColumns(),
              s.statistics().reducedRows(),
              s.statistics().reducedColumns(),
              wall,
              s.report().objective(),
              s.report().status(),
              fullWall,
              full == null ? null : full.objective(),
              full == null ? null : full.status(),
              Numbers.millis(s.statistics().detectNanos()) + " / " + Numbers.millis(s.statistics().reduceNanos())
                  + " / " + Numbers.millis(s.statistics().solveNanos()) + " / "
                  + Numbers.millis(s.statistics().verifyNanos())));
    }
    return results;
  }

  /** The results as a Markdown table. */
  public static String markdown(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| instance | group order | full rows | full columns | reduced rows | reduced columns | full wall ms"
        + " | symmetric wall ms | detect / reduce / solve / verify ms | speed-up | full objective"
        + " | symmetric objective | difference | status |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      boolean skipped = r.fullWallNanos() < 0;
      sb.append("| ").append(r.instance())
          .append(" | ").append(r.groupOrder())
          .append(" | ").append(r.fullRows())
          .append(" | ").append(r.fullColumns())
          .append(" | ").append(r.reducedRows())
          .append(" | ").append(r.reducedColumns())
          .append(" | ").append(skipped ? "-" : Numbers.millis(r.fullWallNanos()))
          .append(" | ").append(Numbers.millis(r.symmetricWallNanos()))
          .append(" | ").append(r.stages())
          .append(" | ").append(skipped ? "-" : String.format(Locale.ROOT, "%.1fx", r.speedUp()))
          .append(" | ").append(r.fullObjective() == null ? "-" : Numbers.format(r.fullObjective()))
          .append(" | ").append(r.symmetricObjective() == null ? "-" : Numbers.format(r.symmetricObjective()))
          .append(" | ")
          .append(
              r.fullObjective() == null || r.symmetricObjective() == null
                  ? "-"
                  : String.format(Locale.ROOT, "%.1e", Math.abs(r.fullObjective() - r.symmetricObjective())))
          .append(" | ").append(r.symmetricStatus().name())
          .append(" |\n");
    }
    return sb.toString();
  }
}
