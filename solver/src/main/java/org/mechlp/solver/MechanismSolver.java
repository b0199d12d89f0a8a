package org.mechlp.solver;

import java.util.List;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.compile.VariableIndex;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveReport;

/**
 * Finds an optimal mechanism: compiles the problem, solves the LP, then verifies the solver's point against every
 * row and bound independently of the solver. OPTIMAL is reported only when the backend claims optimality, the
 * largest violation is within tolerance and the recomputed objective agrees with the backend's; otherwise the
 * answer is a NUMERICAL_FAILURE with the numbers in the message.
 */
public final class MechanismSolver {
  private MechanismSolver() {}

  /** Solves {@code problem} with OR-Tools. */
  public static SolveReport solve(Problem problem, SolveOptions options) {
    return solve(problem, options, new OrToolsLpSolver());
  }

  /** Solves {@code problem} with the given backend. */
  public static SolveReport solve(Problem problem, SolveOptions options, LpSolver backend) {
    long start = System.nanoTime();
    CompiledProblem compiled = LpCompiler.compile(problem);
    long compiledAt = System.nanoTime();
    VerifiedLp verified = VerifiedLp.solve(compiled.lp(), backend, options, problem.agentCount());
    LpResult result = verified.result();
    long compileNanos = compiledAt - start + result.buildNanos();
    LpSize size = new LpSize(compiled.lp().rowCount(), compiled.lp().columnCount(), result.nonZeros());
    if (result.primal() == null) {
      return new SolveReport(
          problem,
          verified.status(),
          null,
          null,
          size,
          List.of(),
          null,
          result.solverName(),
          compileNanos,
          result.solveNanos(),
          0,
          verified.message());
    }
    Mechanism mechanism = decode(compiled, result.primal());
    return new SolveReport(
        problem,
        verified.status(),
        verified.objective(),
        mechanism,
        size,
        InterimSummary.of(problem, mechanism),
        verified.verification(),
        result.solverName(),
        compileNanos,
        result.solveNanos(),
        verified.verifyNanos(),
        verified.message());
  }

  /** The mechanism encoded by an LP point (transfers 0 when the problem has none). */
  static Mechanism decode(CompiledProblem compiled, double[] x) {
    VariableIndex vars = compiled.variables();
    Problem problem = compiled.problem();
    int k = vars.profiles().count();
    int m = problem.outcomeCount();
    int n = problem.agentCount();
    double[] allocation = new double[k * m];
    double[] transfers = new double[k * n];
    for (int p = 0; p < k; p++) {
      for (int o = 0; o < m; o++) {
        allocation[p * m + o] = x[vars.allocation(p, o)];
      }
      if (vars.hasTransfers()) {
        for (int i = 0; i < n; i++) {
          transfers[p * n + i] = x[vars.transfer(p, i)];
        }
      }
    }
    return Mechanism.ofDoubles(k, m, n, allocation, transfers);
  }
}
