package org.mechlp.solver.pipeline;

import org.mechlp.model.Problem;
import org.mechlp.solver.DeterministicSolver;

/**
 * Allocations restricted to pure outcomes (a mixed-integer program with SCIP or CP-SAT), compared with the
 * randomized optimum. Standard problems; the request's backend must solve integer programs.
 */
final class DeterministicMode implements SolveMode {
  @Override
  public String name() {
    return "deterministic";
  }

  @Override
  public boolean fitsAutomatically(Problem problem) {
    return false;
  }

  @Override
  public SolveOutcome solve(SolveRequest request) {
    Problem problem = request.problem();
    if (problem.isCalibrated()) {
      throw new InvalidRequestException(
          "--deterministic: " + problem.name() + " is calibrated; calibrated problems already solve for"
              + " deterministic rules per signal, solve it without --deterministic");
    }
    if (request.exact()) {
      throw new InvalidRequestException(
          "--exact certifies an LP optimum: it does not combine with --deterministic or --range");
    }
    if (RegretBenchmarks.needed(problem)) {
      throw new InvalidRequestException(
          "--deterministic: a minimax-regret objective is solved over randomized mechanisms only");
    }
    try {
      return new DeterministicSolve(DeterministicSolver.solve(problem, request.options()));
    } catch (InvalidRequestException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException("--deterministic: " + e.getMessage());
    }
  }
}
