package org.mechlp.solver.full;

import java.util.List;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.InterimSummary;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.StrategyReport;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * Solves the full LP of a compiled problem (every row built, one backend call, a PDLP point polished) and turns a
 * verified point of the full LP into a solve report. Every solver whose answer lives on the full LP's columns
 * (full, lazy, symmetric, deterministic) builds its report here, so that every such report is built the same way.
 */
public final class FullLpSolver {
  private FullLpSolver() {}

  /**
   * Solves every row of {@code compiled} with {@code backend} and reports the verified answer.
   *
   * @param compileNanos time spent compiling
   * @param reason why the full LP is solved, for the strategy line of the report
   * @param icRows the number of incentive rows (all of them are built)
   */
  public static SolveReport solve(
      CompiledProblem compiled,
      long compileNanos,
      SolveOptions options,
      LpSolver backend,
      String reason,
      long icRows) {
    int agents = compiled.problem().agentCount();
    VerifiedLp verified = VerifiedLp.solve(compiled.lp(), backend, options, agents);
    if (PdlpPolish.applies(options, verified)) {
      verified = PdlpPolish.polish(compiled.lp(), verified, options, agents);
    }
    LpSize size = new LpSize(compiled.lp().rowCount(), compiled.lp().columnCount(), verified.result().nonZeros());
    StrategyReport strategy =
        new StrategyReport(
            "full",
            reason,
            0,
            icRows,
            icRows,
            List.of(),
            verified.verification() == null ? Double.NaN : verified.verification().maxViolation());
    return report(compiled, verified, size, compileNanos, strategy);
  }

  /** The solve report of a verified program over {@code compiled}'s columns, its point decoded to a mechanism. */
  public static SolveReport report(
      CompiledProblem compiled, VerifiedLp verified, LpSize size, long compileNanos, StrategyReport strategy) {
    Problem problem = compiled.problem();
    LpResult result = verified.result();
    long allCompileNanos = compileNanos + result.buildNanos();
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
          allCompileNanos,
          result.solveNanos(),
          0,
          verified.message(),
          strategy);
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
        allCompileNanos,
        result.solveNanos(),
        verified.verifyNanos(),
        verified.message(),
        strategy);
  }

  /** The mechanism encoded by a point of the full LP (transfers 0 when the problem has none). */
  public static Mechanism decode(CompiledProblem compiled, double[] x) {
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
