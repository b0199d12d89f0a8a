package org.mechlp.solver.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.RegretOptima;
import org.mechlp.solver.report.SolveStatus;

/**
 * The first stage of a minimax-regret solve (docs/THEORY.md, Robust and Rawlsian objectives): each prior's own
 * optimum over the same constraints (every prior-dependent condition still holds under every member), each solved and
 * verified like any standard problem (and certified when the request is exact or the LP is small). The regret LP then
 * takes these values as constants.
 */
final class RegretBenchmarks {
  private RegretBenchmarks() {}

  /**
   * Either the problem with its benchmarks filled in, or the outcome of the first prior whose own problem has no
   * optimum (infeasible, unbounded, a failure): then the regret problem has none either and that answer is reported.
   */
  record Result(Problem problem, SolveOutcome failed) {}

  /** Whether {@code problem} asks for a regret whose benchmarks are not known yet. */
  static boolean needed(Problem problem) {
    return RegretOptima.needed(problem);
  }

  /** Solves each prior's own problem with {@code mode}. */
  static Result solve(SolveRequest request, SolveMode mode) {
    Problem problem = request.problem();
    List<BigFraction> optima = new ArrayList<>();
    for (int k = 0; k < problem.priors().size(); k++) {
      SolveOutcome outcome = mode.solve(request.withProblem(RegretOptima.own(problem, k)));
      if (outcome.status() != SolveStatus.OPTIMAL) {
        return new Result(null, outcome);
      }
      optima.add(value(outcome));
    }
    return new Result(RegretOptima.withOptima(problem, optima), null);
  }

  /** The optimum of a solved benchmark: the certified fraction, else the verified floating-point value. */
  private static BigFraction value(SolveOutcome outcome) {
    if (outcome instanceof ExactSolve e && e.exact().certification().certified()) {
      return e.exact().certification().objective();
    }
    Double objective = outcome instanceof ExactSolve e ? e.exact().report().objective()
        : ((StandardSolve) outcome).report().objective();
    return Fractions.rationalize(objective);
  }
}
