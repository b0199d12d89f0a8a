package org.mechlp.solver.pipeline;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.StrategyPlan;
import org.mechlp.solver.StrategyPlanner;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.diagnose.InfeasibilityDiagnosis;
import org.mechlp.solver.diagnose.InfeasibilityReport;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.options.DiagnoseOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.StrategyReport;

/**
 * The optimal mechanism of a standard problem with the strategy {@link StrategyPlanner} chooses, or, with {@code
 * exact}, the full LP certified in exact arithmetic; an infeasible answer is explained when the request asks.
 *
 * <p>Exact where cheap: a full LP of at most {@value #CERTIFY_BY_DEFAULT_MAX_ROWS} rows solved with a simplex
 * backend is certified even without {@code exact} (the exact arithmetic takes milliseconds at that size), and the
 * certified answer is reported; when certification fails there the floating-point answer is reported as before.
 * A floating-point optimum's mechanism is read back as fractions when those satisfy every row exactly ({@link
 * Rationalized}).
 */
final class StandardMode implements SolveMode {
  /** Full LPs up to this many rows are certified without being asked. */
  static final long CERTIFY_BY_DEFAULT_MAX_ROWS = 5_000;

  @Override
  public String name() {
    return "standard";
  }

  @Override
  public boolean fitsAutomatically(Problem problem) {
    return true;
  }

  @Override
  public SolveOutcome solve(SolveRequest request) {
    Problem problem = request.problem();
    if (problem.isCalibrated()) {
      throw new InvalidRequestException(
          "mode standard: " + problem.name() + " is calibrated; solve it in the calibrated mode");
    }
    if (request.exact()) {
      ExactSolver.ExactSolveReport exact;
      try {
        exact = ExactSolver.solve(problem, request.options());
      } catch (IllegalArgumentException e) {
        throw new InvalidRequestException(e.getMessage());
      }
      SolveReport report = exact.report();
      Diagnosis d =
          diagnose(request, report, () -> InfeasibilityDiagnosis.diagnoseExact(
              problem, request.options(), DiagnoseOptions.defaults()));
      return new ExactSolve(exact, d.report(), d.failure(), true);
    }
    StrategyPlan plan = SolvePipeline.plan(request);
    if (certifiesByDefault(request, plan)) {
      ExactSolver.ExactSolveReport exact = ExactSolver.solve(problem, request.options());
      if (exact.report().status() == SolveStatus.OPTIMAL && exact.certification().certified()) {
        StrategyReport strategy =
            new StrategyReport("full", plan.reason(), 0, plan.lpChoice().icRows(), plan.lpChoice().icRows(),
                List.of(), 0);
        ExactSolver.ExactSolveReport withStrategy =
            new ExactSolver.ExactSolveReport(
                exact.report().withStrategy(strategy), exact.certification(), exact.compiled(), null);
        return new ExactSolve(withStrategy, null, null, false);
      }
    }
    SolveReport report = MechanismSolver.solve(plan, problem, request.options(), new OrToolsLpSolver());
    if (plan.compiled() != null) {
      report = Rationalized.of(report, plan.compiled().lp().rowCount());
    }
    Diagnosis d =
        diagnose(request, report, () -> InfeasibilityDiagnosis.diagnose(
            problem, request.options(), DiagnoseOptions.defaults()));
    return new StandardSolve(report, d.report(), d.failure());
  }

  /**
   * Whether the request is certified without asking: a full LP of at most {@link #CERTIFY_BY_DEFAULT_MAX_ROWS} rows
   * with a simplex backend (a basis to certify).
   */
  private static boolean certifiesByDefault(SolveRequest request, StrategyPlan plan) {
    Backend backend = request.options().solver().backend();
    return plan.strategy() == Strategy.FULL
        && (backend == Backend.GLOP || backend == Backend.CLP)
        && plan.compiled().lp().rowCount() <= CERTIFY_BY_DEFAULT_MAX_ROWS;
  }

  /** A diagnosis, or why it failed; both null when none was asked for or the problem is not infeasible. */
  private record Diagnosis(InfeasibilityReport report, String failure) {}

  /**
   * Runs a diagnosis of an infeasible answer when asked. A diagnosis that fails leaves the answer (infeasible)
   * standing without its explanation, and says why.
   */
  private static Diagnosis diagnose(
      SolveRequest request, SolveReport report, Supplier<Optional<InfeasibilityReport>> diagnosis) {
    if (!request.diagnose() || report.status() != SolveStatus.INFEASIBLE) {
      return new Diagnosis(null, null);
    }
    try {
      return new Diagnosis(diagnosis.get().orElse(null), null);
    } catch (RuntimeException e) {
      return new Diagnosis(null, report.problem().name() + ": the infeasibility diagnosis failed: " + e);
    }
  }
}
