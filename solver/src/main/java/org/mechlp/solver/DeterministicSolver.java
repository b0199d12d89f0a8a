package org.mechlp.solver;

import java.util.BitSet;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.full.FullLpSolver;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.DeterministicReport;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * Finds the best deterministic mechanism: the problem's LP with every allocation column integer. Each profile's
 * allocation probabilities lie in [0, 1] and sum to 1, so integral ones pick exactly one pure outcome per profile.
 * The mixed-integer program is solved by SCIP or CP-SAT and verified like every mechlp answer (integrality
 * included); the randomized LP is solved too, so the report says what lotteries are worth.
 */
public final class DeterministicSolver {
  private DeterministicSolver() {}

  /**
   * Solves the deterministic and the randomized problem with OR-Tools. The MIP uses the options' backend, which
   * must solve integer programs (SCIP or CP-SAT); the randomized LP uses GLOP with the same time limit.
   *
   * @throws IllegalArgumentException for a calibrated problem (its deterministic rules are a separate LP) or a
   *     backend that cannot solve integer programs
   */
  public static DeterministicReport solve(Problem problem, SolveOptions options) {
    return solve(problem, options, new OrToolsLpSolver());
  }

  /** As {@link #solve(Problem, SolveOptions)}, with the given backend. */
  public static DeterministicReport solve(Problem problem, SolveOptions options, LpSolver backend) {
    if (problem.isCalibrated()) {
      throw new IllegalArgumentException(
          "deterministic mechanisms of a calibrated problem are not a MIP here: calibrated problems already solve"
              + " for deterministic rules per signal");
    }
    Backend mipBackend = options.solver().backend();
    if (!mipBackend.solvesIntegerPrograms()) {
      throw new IllegalArgumentException(
          "deterministic mechanisms need an integer-programming backend (scip or cpsat), not "
              + mipBackend.cliName());
    }
    long start = System.nanoTime();
    CompiledProblem compiled = LpCompiler.compile(problem);
    LinearProgram mip = compiled.lp().withIntegerColumns(allocationColumns(compiled.variables()));
    long compiledAt = System.nanoTime();
    if (mipBackend == Backend.CP_SAT && OrToolsLpSolver.scalesContinuousColumns(mip)) {
      // Measured: CP-SAT answered OPTIMAL at 0.14 on bilateral-trade where SCIP proved 1/6; an "optimal" that is
      // not one must not be reported, so CP-SAT only gets programs whose columns are all integer.
      throw new IllegalArgumentException(
          "cpsat cannot solve this program exactly: it has continuous columns (the transfers), which CP-SAT rounds to"
              + " scaled integers, so its optimum would not be this problem's; use scip, or cpsat on a problem with"
              + " \"transfers\": false");
    }
    VerifiedLp verified = VerifiedLp.solve(mip, backend, options, problem.agentCount());
    SolveReport deterministic = report(compiled, verified, compiledAt - start);

    SolveOptions lpOptions =
        new SolveOptions(
            options.solver().withBackend(Backend.GLOP),
            options.tolerance(),
            options.maxListedRows());
    SolveReport randomized = MechanismSolver.solve(problem, lpOptions, backend);

    double bestBound = verified.result().bestBound();
    Double objective = deterministic.mechanism() == null ? null : deterministic.objective();
    Double gap =
        objective == null || Double.isNaN(bestBound)
            ? null
            : Math.abs(objective - bestBound) / Math.max(1, Math.abs(objective));
    boolean proven = deterministic.status() == SolveStatus.OPTIMAL;
    Double value = null;
    Double ratio = null;
    if (deterministic.status() == SolveStatus.OPTIMAL && randomized.status() == SolveStatus.OPTIMAL) {
      double d = deterministic.objective();
      double r = randomized.objective();
      value = compiled.lp().objective().maximize() ? r - d : d - r;
      ratio = d == 0 ? null : r / d;
    }
    return new DeterministicReport(deterministic, randomized, bestBound, gap, proven, value, ratio);
  }

  /** Every allocation column x(o | profile). */
  static BitSet allocationColumns(VariableIndex vars) {
    BitSet columns = new BitSet();
    int m = vars.problem().outcomeCount();
    for (int p = 0; p < vars.profiles().count(); p++) {
      for (int o = 0; o < m; o++) {
        columns.set(vars.allocation(p, o));
      }
    }
    return columns;
  }

  /** The solve report of a verified program over {@code compiled}'s columns. */
  static SolveReport report(CompiledProblem compiled, VerifiedLp verified, long compileNanos) {
    LinearProgram lp = compiled.lp();
    LpSize size = new LpSize(lp.rowCount(), lp.columnCount(), verified.result().nonZeros());
    return FullLpSolver.report(compiled, verified, size, compileNanos, null);
  }
}
