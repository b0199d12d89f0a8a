package org.mechlp.solver.symmetry;

import java.util.List;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.full.FullLpSolver;
import org.mechlp.solver.lazy.StrategyChoice;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.InterimSummary;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * Solves a problem over anonymous mechanisms when agents are interchangeable (docs/THEORY.md, Smaller LPs): detects the
 * symmetry group, solves the orbit-reduced LP, expands the answer to every profile and verifies the expanded point
 * against every row and bound of the full LP, so a wrong reduction can never be reported OPTIMAL. Without symmetry it
 * solves the full LP ({@link FullLpSolver}).
 */
public final class SymmetricSolver {
  private SymmetricSolver() {}

  /** Solves {@code problem} with OR-Tools. */
  public static SymmetricSolve solve(Problem problem, SolveOptions options) {
    return solve(problem, options, new OrToolsLpSolver());
  }

  /**
   * Solves {@code problem} through the symmetry reduction with {@code backend}. The report's size is the size of
   * the LP the backend solved (the reduced one); the statistics give both.
   */
  public static SymmetricSolve solve(Problem problem, SolveOptions options, LpSolver backend) {
    long start = System.nanoTime();
    if (problem.isCalibrated()) {
      throw new IllegalArgumentException("calibrated problems have their own solver");
    }
    CompiledProblem compiled = LpCompiler.compile(problem);
    long compiledAt = System.nanoTime();
    Detection detection = detectAndReduce(compiled);
    SymmetryGroup group = detection.group();
    long detectedAt = compiledAt + detection.detectNanos();
    long fullRows = compiled.lp().rowCount();
    int fullColumns = compiled.lp().columnCount();
    if (group.isTrivial()) {
      long icRows = StrategyChoice.of(compiled, SolveOptions.Strategy.FULL).icRows();
      SolveReport full =
          FullLpSolver.solve(
              compiled, compiledAt - start, options, backend, "no interchangeable agents: the full LP", icRows);
      SymmetryStatistics stats =
          new SymmetryStatistics(group, fullRows, fullColumns, fullRows, fullColumns, detectedAt - compiledAt, 0,
              full.solveNanos(), full.verifyNanos());
      return new SymmetricSolve(full, stats);
    }
    OrbitLp reduced = detection.reduced();
    long reducedAt = System.nanoTime();
    LpResult small = backend.solve(reduced.program(), options.solver());
    LpResult expanded =
        new LpResult(
            small.status(),
            small.objective(),
            small.primal() == null ? null : reduced.expandPrimal(small.primal()),
            reduced.expandDuals(small.duals()),
            small.solverName(),
            small.iterations(),
            small.nonZeros(),
            small.buildNanos(),
            small.solveNanos(),
            small.message(),
            null,
            small.bestBound());
    VerifiedLp verified =
        VerifiedLp.solve(compiled.lp(), (lp, settings) -> expanded, options, problem.agentCount());
    LpSize size = new LpSize(reduced.program().rowCount(), reduced.program().columnCount(), small.nonZeros());
    SymmetryStatistics stats =
        new SymmetryStatistics(
            group,
            fullRows,
            fullColumns,
            reduced.program().rowCount(),
            reduced.program().columnCount(),
            detectedAt - compiledAt,
            reducedAt - detectedAt,
            small.solveNanos(),
            verified.verifyNanos());
    long compileNanos = reducedAt - start + small.buildNanos();
    String message = verified.message().isEmpty() ? stats.summary() : verified.message() + "; " + stats.summary();
    if (expanded.primal() == null) {
      SolveReport report =
          new SolveReport(problem, verified.status(), null, null, size, List.of(), null, small.solverName(),
              compileNanos, small.solveNanos(), 0, message);
      return new SymmetricSolve(report, stats);
    }
    Mechanism mechanism = FullLpSolver.decode(compiled, expanded.primal());
    SolveReport report =
        new SolveReport(
            problem,
            verified.status(),
            verified.objective(),
            mechanism,
            size,
            InterimSummary.of(problem, mechanism),
            verified.verification(),
            small.solverName(),
            compileNanos,
            small.solveNanos(),
            verified.verifyNanos(),
            message);
    return new SymmetricSolve(report, stats);
  }

  /** The group, the reduced LP (null when the group is trivial) and the time spent finding candidates. */
  private record Detection(SymmetryGroup group, OrbitLp reduced, long detectNanos) {}

  /**
   * Finds the candidate generators from the data, then walks the rows once, both checking that the candidates map
   * the rows to themselves and building the reduction by their orbits. When a candidate fails (rare: the data
   * looked symmetric but a row is not), falls back to {@link Symmetries#detect(CompiledProblem)} and reduces again.
   */
  private static Detection detectAndReduce(CompiledProblem compiled) {
    long start = System.nanoTime();
    Problem problem = compiled.problem();
    int n = problem.agentCount();
    if (n < 2 || compiled.lp().hasIntegerColumns()) {
      return new Detection(Symmetries.detect(compiled), null, System.nanoTime() - start);
    }
    Symmetries.Candidates found = Symmetries.candidates(problem);
    List<AgentSwap> swaps = found.swaps();
    int[][] maps = new int[swaps.size()][];
    boolean dataOk = !swaps.isEmpty();
    for (int g = 0; g < maps.length && dataOk; g++) {
      maps[g] = swaps.get(g).columnMap(compiled.variables());
      dataOk = Symmetries.objectiveOrBoundsMismatch(compiled.lp(), maps[g]) == null;
    }
    if (!dataOk) {
      return new Detection(Symmetries.detect(compiled), null, System.nanoTime() - start);
    }
    long candidatesAt = System.nanoTime();
    InvarianceCheck check = new InvarianceCheck(maps);
    OrbitLp.Builder builder =
        new OrbitLp.Builder(compiled.lp(), Symmetries.columnOrbits(compiled, swaps));
    for (ConstraintFamily family : compiled.lp().families()) {
      family.forEachRow(
          row -> {
            check.accept(row);
            builder.accept(row);
          });
    }
    boolean all = true;
    for (int g = 0; g < maps.length; g++) {
      all &= check.holds(g);
    }
    if (all) {
      return new Detection(Symmetries.group(n, swaps, found.notes()), builder.build(), candidatesAt - start);
    }
    SymmetryGroup group = Symmetries.detect(compiled);
    OrbitLp reduced =
        group.isTrivial()
            ? null
            : OrbitLp.reduce(compiled.lp(), Symmetries.columnOrbits(compiled, group.generators()));
    return new Detection(group, reduced, candidatesAt - start);
  }
}
