package org.mechlp.solver.pipeline;

import org.mechlp.model.Problem;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.solver.datadriven.DataDrivenSolver;

/**
 * The solve mode of problems with an "estimator": the data-driven and the message-driven LP, verified, certified
 * with {@code --exact}.
 */
final class DataDrivenMode implements SolveMode {
  @Override
  public String name() {
    return "data-driven";
  }

  @Override
  public boolean fitsAutomatically(Problem problem) {
    return problem.isDataDriven();
  }

  @Override
  public SolveOutcome solve(SolveRequest request) {
    Problem problem = request.problem();
    if (!problem.isDataDriven()) {
      throw new InvalidRequestException("mode data-driven: " + problem.name() + " has no \"estimator\" block");
    }
    try {
      return new DataDrivenSolve(
          DataDrivenSolver.solve(DataDrivenProblem.of(problem), request.options(), request.exact()));
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }
}
