package org.mechlp.solver.diagnose;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.mechlp.model.Problem;
import org.mechlp.solver.certify.Certifier;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.diagnose.InfeasibilityReport.ConflictFamily;
import org.mechlp.solver.diagnose.InfeasibilityReport.ConflictRow;
import org.mechlp.solver.diagnose.InfeasibilityReport.RowSet;
import org.mechlp.solver.families.FeasibilityFamily;
import org.mechlp.solver.families.FixedAllocationFamily;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.options.DiagnoseOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/**
 * Explains why a (non-calibrated) problem is infeasible, in three steps.
 *
 * <ol>
 *   <li>Families: a deletion filter over the compiled LP's constraint families. The feasibility family (every
 *       lottery sums to 1) and the fixed-allocation rows are the problem's definition rather than requirements on
 *       the mechanism, so they are always kept and never reported as part of the conflict; every other family
 *       (incentive compatibility, individual rationality, budget balance, transfer bounds) is a candidate. The
 *       result is minimal: each reported family is needed for the conflict.
 *   <li>Rows: inside those families, an elastic LP's support and a deletion filter give an irreducible set of named
 *       rows that conflict (with the definition's rows), see {@link RowConflict}; skipped for large LPs.
 *   <li>Relaxations: for each relaxable family in the conflict, the least subsidy, IR shortfall or IC epsilon that
 *       restores feasibility with every other constraint kept, see {@link LeastRelaxations}.
 * </ol>
 *
 * Every feasibility answer is a verified LP solve with the backend and tolerance of the solve being explained.
 */
public final class InfeasibilityDiagnosis {
  private InfeasibilityDiagnosis() {}

  /** The diagnosis with OR-Tools, or empty when the problem is feasible after all. */
  public static Optional<InfeasibilityReport> diagnose(
      Problem problem, SolveOptions options, DiagnoseOptions limits) {
    return diagnose(problem, options, limits, new OrToolsLpSolver());
  }

  /** The diagnosis with {@code backend}, or empty when the problem is feasible (or the test was inconclusive). */
  public static Optional<InfeasibilityReport> diagnose(
      Problem problem, SolveOptions options, DiagnoseOptions limits, LpSolver backend) {
    return diagnose(problem, options, limits, backend, null);
  }

  /**
   * The diagnosis for {@code solve --exact}: as {@link #diagnose(Problem, SolveOptions, DiagnoseOptions)}, with a
   * simplex backend (GLOP unless CLP is asked for), and each least relaxation's optimum certified in exact
   * arithmetic ({@link Certifier}); a relaxation that could not be certified says why.
   */
  public static Optional<InfeasibilityReport> diagnoseExact(
      Problem problem, SolveOptions options, DiagnoseOptions limits) {
    BackendSettings requested = options.solver();
    Backend simplex = requested.backend() == Backend.CLP ? Backend.CLP : Backend.GLOP;
    BackendSettings settings = requested.withBackend(simplex);
    SolveOptions exactOptions = new SolveOptions(settings, options.tolerance(), options.maxListedRows());
    return diagnose(problem, exactOptions, limits, new OrToolsLpSolver(),
        lp -> OrToolsLpSolver.solveForExactBasis(lp, settings));
  }

  /** The diagnosis; {@code resolver} non-null asks for exact relaxations and gives a second basis for them. */
  private static Optional<InfeasibilityReport> diagnose(
      Problem problem,
      SolveOptions options,
      DiagnoseOptions limits,
      LpSolver backend,
      Function<LinearProgram, LpResult> resolver) {
    if (problem.isCalibrated()) {
      throw new IllegalArgumentException("calibrated problems are not diagnosed: " + problem.name());
    }
    CompiledProblem compiled = LpCompiler.compile(problem);
    long start = System.nanoTime();
    FeasibilityOracle oracle =
        new FeasibilityOracle(
            compiled.lp(), backend, options, problem.agentCount(), start + limits.timeBudget().toNanos());
    List<ConstraintFamily> families = compiled.lp().families();
    boolean[] given = new boolean[families.size()];
    List<ConflictFamily> givenFamilies = new ArrayList<>();
    for (int f = 0; f < families.size(); f++) {
      String id = families.get(f).id();
      given[f] = id.equals(FeasibilityFamily.ID) || id.equals(FixedAllocationFamily.ID);
      if (given[f]) {
        givenFamilies.add(new ConflictFamily(id, families.get(f).title()));
      }
    }
    if (oracle.test(families) != FeasibilityOracle.Verdict.INFEASIBLE) {
      return Optional.empty();
    }
    if (oracle.test(FamilyConflict.select(families, given, List.of())) == FeasibilityOracle.Verdict.INFEASIBLE) {
      long now = System.nanoTime();
      return Optional.of(
          new InfeasibilityReport(
              List.of(),
              givenFamilies,
              List.of(),
              RowSet.SKIPPED,
              "the problem's definition alone (lotteries, fixed allocation) is infeasible",
              List.of(),
              oracle.solves(),
              now - start,
              0,
              0));
    }
    FamilyConflict.Result familyResult = FamilyConflict.find(oracle, given);
    long familiesAt = System.nanoTime();
    List<ConflictFamily> conflict = new ArrayList<>();
    for (int f : familyResult.conflict()) {
      conflict.add(new ConflictFamily(families.get(f).id(), families.get(f).title()));
    }
    List<ConflictRow> rows = new ArrayList<>();
    RowSet rowSet;
    String note;
    if (compiled.lp().rowCount() > limits.maxLpRowsForRowLevel()) {
      rowSet = RowSet.SKIPPED;
      note =
          "row level skipped: the LP has "
              + compiled.lp().rowCount()
              + " rows, more than "
              + limits.maxLpRowsForRowLevel();
    } else {
      RowConflict.Result rowResult = RowConflict.find(oracle, given, familyResult.conflict(), limits);
      for (Row row : rowResult.rows()) {
        rows.add(
            new ConflictRow(row.name(), row.describe(), row.family().id(), row.family().agentOf(row.key())));
      }
      rowSet = rowResult.rowSet();
      note = rowResult.note();
    }
    if (!familyResult.minimal()) {
      note = (note.isEmpty() ? "" : note + "; ") + "some family tests were inconclusive, so a family may be extra";
    }
    long rowsAt = System.nanoTime();
    var relaxations = LeastRelaxations.compute(oracle, problem, familyResult.conflict(), resolver);
    long end = System.nanoTime();
    return Optional.of(
        new InfeasibilityReport(
            conflict,
            givenFamilies,
            rows,
            rowSet,
            note,
            relaxations,
            oracle.solves(),
            familiesAt - start,
            rowsAt - familiesAt,
            end - rowsAt));
  }
}
