package org.mechlp.solver;

import org.mechlp.model.Problem;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.RangeReport;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * The range of the objective for a fixed allocation rule: with discrete types revenue equivalence gives an interval
 * of revenues, not a point (docs/THEORY.md, Classical results). Minimizes and maximizes the problem's objective over
 * the transfers that satisfy every constraint, verifying each solve like any other.
 */
public final class RangeSolver {
  private RangeSolver() {}

  /** The range of {@code problem}'s objective, with OR-Tools. */
  public static RangeReport solve(Problem problem, SolveOptions options) {
    return solve(problem, options, new OrToolsLpSolver());
  }

  /**
   * The range of {@code problem}'s objective with the given backend.
   *
   * @throws IllegalArgumentException when the problem has no fixed allocation (the range would be over mechanisms,
   *     not payments) or is calibrated
   */
  public static RangeReport solve(Problem problem, SolveOptions options, LpSolver backend) {
    if (problem.isCalibrated() || !problem.mechanism().hasFixedAllocation()) {
      throw new IllegalArgumentException(
          "a range is over the transfers of a fixed allocation rule: give the problem a mechanism \"allocation\"");
    }
    long start = System.nanoTime();
    CompiledProblem compiled = LpCompiler.compile(problem);
    long compileNanos = System.nanoTime() - start;
    LinearObjective own = compiled.lp().objective();
    SolveReport[] sides = new SolveReport[2];
    for (int side = 0; side < 2; side++) {
      boolean maximize = side == 1;
      LinearObjective objective = new LinearObjective(maximize, own.coefficients(), own.constant());
      VerifiedLp verified =
          VerifiedLp.solve(compiled.lp().withObjective(objective), backend, options, problem.agentCount());
      sides[side] = DeterministicSolver.report(compiled, verified, compileNanos);
    }
    return new RangeReport(sides[0], sides[1], own.maximize());
  }
}
