package org.mechlp.cli.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.mechlp.cli.render.Numbers;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/**
 * Times exact certification of the full LP ({@code bench --exact}) on the standard (not calibrated) bench instances
 * (every row built, whatever their number; {@link LazyExactBench} times the lazy route): LP rows, the
 * order of the exact basis system, the floating-point solve and the exact arithmetic, so the README can state how
 * large an LP certifies within 10 seconds and how the time grows.
 */
public final class ExactBench {
  private final BackendSettings settings;
  private final PrintWriter progress;

  /** A bench solving with {@code settings}, printing progress to {@code progress}. */
  public ExactBench(BackendSettings settings, PrintWriter progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /** One certified instance. */
  public record Result(
      String instance,
      long rows,
      int columns,
      int basisDimension,
      long fillIn,
      long solveNanos,
      long certifyNanos,
      String objective,
      Certification.Status status) {}

  /** Certifies every standard instance in order (calibrated ones are skipped). */
  public List<Result> run(List<BenchInstance> instances) throws InvalidInputException {
    OrToolsLpSolver.loadNativeLibraries();
    List<Result> results = new ArrayList<>();
    for (BenchInstance instance : instances) {
      Problem problem = ProblemReader.read(instance.json(), instance.name());
      if (problem.isCalibrated()) {
        continue;
      }
      progress.println("bench: certifying " + instance.name() + " ...");
      progress.flush();
      ExactSolver.ExactSolveReport r = ExactSolver.solve(problem, new SolveOptions(settings, 1e-6, 0, Strategy.FULL));
      Certification c = r.certification();
      results.add(
          new Result(instance.name(), r.report().size().rows(), r.report().size().columns(), c.basisDimension(),
              c.fillIn(), r.report().solveNanos(), c.certifyNanos(),
              c.objective() == null ? "-" : Ratios.ratio(c.objective()), c.status()));
    }
    return results;
  }

  /** The results as a Markdown table. */
  public static String markdown(List<Result> results) {
    StringBuilder sb = new StringBuilder();
    sb.append("| instance | rows | columns | basis dimension | LU fill-in | float solve ms | certify ms"
        + " | certified objective | status |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : results) {
      sb.append("| ").append(r.instance())
          .append(" | ").append(r.rows())
          .append(" | ").append(r.columns())
          .append(" | ").append(r.basisDimension())
          .append(" | ").append(r.fillIn())
          .append(" | ").append(Numbers.millis(r.solveNanos()))
          .append(" | ").append(Numbers.millis(r.certifyNanos()))
          .append(" | ").append(r.objective())
          .append(" | ").append(r.status().name())
          .append(" |\n");
    }
    return sb.toString();
  }
}
