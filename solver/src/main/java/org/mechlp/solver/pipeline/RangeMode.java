package org.mechlp.solver.pipeline;

import org.mechlp.model.Problem;
import org.mechlp.solver.RangeSolver;

/**
 * For a problem with a fixed allocation: the least and the largest objective over every transfer rule that
 * satisfies the constraints (revenue equivalence gives an interval with discrete types).
 */
final class RangeMode implements SolveMode {
  @Override
  public String name() {
    return "range";
  }

  @Override
  public boolean fitsAutomatically(Problem problem) {
    return false;
  }

  @Override
  public SolveOutcome solve(SolveRequest request) {
    Problem problem = request.problem();
    if (problem.isCalibrated() || !problem.mechanism().hasFixedAllocation()) {
      throw new InvalidRequestException(
          "--range needs a standard problem with a fixed mechanism \"allocation\" (and no --deterministic); "
              + problem.name()
              + " has none");
    }
    if (problem.priors().isSet() || problem.objective().isRawlsian()) {
      throw new InvalidRequestException(
          "--range: the objective's range over transfers is not defined for a set of priors or a Rawlsian objective");
    }
    if (request.exact()) {
      throw new InvalidRequestException(
          "--exact certifies an LP optimum: it does not combine with --deterministic or --range");
    }
    return new RangeSolve(RangeSolver.solve(problem, request.options()));
  }
}
