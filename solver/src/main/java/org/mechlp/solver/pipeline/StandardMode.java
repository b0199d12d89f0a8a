package org.mechlp.solver.pipeline;

import java.util.Optional;
import java.util.function.Supplier;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.StrategyPlan;
import org.mechlp.solver.StrategyPlanner;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.diagnose.InfeasibilityDiagnosis;
import org.mechlp.solver.diagnose.InfeasibilityReport;
import org.mechlp.solver.options.DiagnoseOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * The optimal mechanism of a standard problem with the strategy {@link StrategyPlanner} chooses, or, with {@code
 * exact}, the full LP certified in exact arithmetic; an infeasible answer is explained when the request asks.
 */
final class StandardMode implements SolveMode {
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
      ExactSolver.ExactSolveReport exact = ExactSolver.solve(problem, request.options());
      SolveReport report = exact.report();
      Diagnosis d =
          diagnose(request, report, () -> InfeasibilityDiagnosis.diagnoseExact(
              problem, request.options(), DiagnoseOptions.defaults()));
      return new ExactSolve(exact, d.report(), d.failure());
    }
    StrategyPlan plan = SolvePipeline.plan(request);
    SolveReport report = MechanismSolver.solve(plan, problem, request.options(), new OrToolsLpSolver());
    Diagnosis d =
        diagnose(request, report, () -> InfeasibilityDiagnosis.diagnose(
            problem, request.options(), DiagnoseOptions.defaults()));
    return new StandardSolve(report, d.report(), d.failure());
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
