package org.mechlp.solver.ortools;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Row;

/**
 * One OR-Tools model kept alive across solves, for cut loops: columns, objective and the program's rows are built
 * once, the caller adds rows and re-solves, and GLOP re-starts from its last basis. Each solve copies the primal
 * point, the objective and the duals (d objective / d rhs, in the order rows were added) into Java arrays before
 * returning, because MPSolver's getters are garbage after a model change (docs/adr/0005-or-tools-backend.md, Warm
 * starts).
 *
 * <p>GLOP runs dual simplex in every solve. Cold, on the lazy IC loop's first LP (two-item grids, the downward
 * neighbour IC rows) it took 18 s against 36 s for the default primal simplex at N = 100 (48,090 against 86,355
 * iterations; docs/adr/0005-or-tools-backend.md, Warm starts had measured the opposite on the auction LP, so this is a
 * per-family choice). Warm, added rows leave the last basis dual feasible. The first solve presolves when asked;
 * re-solves never do, because GLOP re-starts from its last basis only without presolve (measured on N = 20 from the
 * nearest two types: 16 rounds in 6.9 s with about 1,500 iterations each, against 12.2 s and about 5,000 with
 * presolve). A "no" (infeasible, unbounded) or a failure is returned as is: callers that need a confirmed answer
 * re-solve with {@link OrToolsLpSolver}, which re-checks GLOP's "no" without presolve.
 *
 * <p>Not thread-safe; close it (it deletes the native model).
 */
public final class OrToolsLpSession implements AutoCloseable {
  private static final String GLOP_FIRST = "use_dual_simplex:true";
  private static final String GLOP_RESOLVE = "use_dual_simplex:true use_preprocessing:false";

  private final MPSolver solver;
  private final Backend backend;
  private final MPVariable[] columns;
  private final MPObjective objective;
  private final List<MPConstraint> rows = new ArrayList<>();
  private final boolean presolve;
  /** With HiGHS, the program and the rows added since: each solve runs them through {@link HighsModelSolve}. */
  private final LinearProgram base;
  private final List<Row> addedRows = new ArrayList<>();
  private long nonZeros;
  private int solves;

  /**
   * A session over {@code lp}'s columns, objective and rows.
   *
   * @param presolve whether GLOP presolves before the first solve (ignored by the other backends)
   */
  public OrToolsLpSession(LinearProgram lp, BackendSettings settings, boolean presolve) {
    OrToolsLpSolver.loadNativeLibraries();
    this.backend = settings.backend();
    this.solver = MPSolver.createSolver(OrToolsLpSolver.solverId(backend));
    if (solver == null) {
      throw new IllegalStateException("OR-Tools has no " + backend.cliName() + " backend here");
    }
    solver.suppressOutput();
    int n = lp.columnCount();
    columns = new MPVariable[n];
    List<ColumnBounds> bounds = lp.bounds();
    for (int j = 0; j < n; j++) {
      columns[j] = solver.makeNumVar(bounds.get(j).lowerDouble(), bounds.get(j).upperDouble(), "c" + j);
    }
    objective = solver.objective();
    MpModel.setObjective(objective, columns, lp.objective());
    base = lp;
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(
          row -> {
            rows.add(MpModel.addRow(solver, columns, row, ""));
            nonZeros += row.columns().length;
          });
    }
    this.presolve = presolve;
    if (backend == Backend.PDLP) {
      // The tight tolerances of OrToolsLpSolver: PDLP's defaults leave rows violated by ~1e-5
      // (docs/adr/0005-or-tools-backend.md, Accuracy).
      solver.setNumThreads(settings.threads());
      solver.setSolverSpecificParametersAsString(
          "termination_criteria { simple_optimality_criteria { eps_optimal_absolute: 1e-9 "
              + "eps_optimal_relative: 1e-9 } iteration_limit: "
              + IterationCaps.PDLP
              + " } num_threads: "
              + settings.threads());
    }
  }

  /** Adds one row; it takes part in the next solve. */
  public void addRow(Row row) {
    rows.add(MpModel.addRow(solver, columns, row, ""));
    nonZeros += row.columns().length;
    if (backend == Backend.HIGHS) {
      addedRows.add(row);
    }
  }

  /**
   * The final simplex basis of the last solve, one status per column and per row in the order rows were added, or
   * null when the backend has none (only GLOP and CLP report one). Valid only until a row is added.
   */
  public LpBasis basis() {
    if (solves == 0 || (backend != Backend.GLOP && backend != Backend.CLP)) {
      return null;
    }
    return OrToolsLpSolver.basisOf(columns, rows);
  }

  /** Rows in the model so far. */
  public int rowCount() {
    return rows.size();
  }

  /**
   * Solves the current model, warm from the last solve. The result's duals are aligned with the rows in the order
   * they were added; its build time is 0 (rows are added by the caller).
   *
   * @param timeLimit wall-clock limit for this solve, or null
   */
  public LpResult solve(Duration timeLimit) {
    if (backend == Backend.HIGHS) {
      // MPSolver's HiGHS ignores the time limit; ModelSolver honours it but keeps no model between solves.
      solves++;
      Duration limit = timeLimit == null ? org.mechlp.solver.lp.Deadline.DEFAULT_LIMIT : timeLimit;
      List<ConstraintFamily> families = new ArrayList<>(base.families());
      families.add(new AddedRows(addedRows));
      return HighsModelSolve.solve(
          new LinearProgram(base.bounds(), base::columnName, base.objective(), families),
          limit,
          "the time limit");
    }
    if (timeLimit != null) {
      solver.setTimeLimit(Math.max(1, timeLimit.toMillis()));
    }
    long simplexCap = IterationCaps.simplex(rows.size(), columns.length);
    if (backend == Backend.GLOP) {
      // Dual simplex throughout (measured, see the class comment); presolve only in the first solve, because GLOP
      // keeps its basis across added rows only without it.
      solver.setSolverSpecificParametersAsString(
          (solves == 0 ? (presolve ? GLOP_FIRST : GLOP_FIRST + " use_preprocessing:false") : GLOP_RESOLVE)
              + " max_number_of_iterations:"
              + simplexCap);
    }
    solves++;
    long start = System.nanoTime();
    MPSolver.ResultStatus status = solver.solve();
    long solveNanos = System.nanoTime() - start;
    long cap = backend == Backend.GLOP ? simplexCap : backend == Backend.PDLP ? IterationCaps.PDLP : -1;
    boolean hitCap =
        cap > 0 && status != MPSolver.ResultStatus.OPTIMAL && IterationCaps.reached(solver.iterations(), cap);
    boolean hitLimit = hitCap || timeLimit != null && solveNanos >= timeLimit.toNanos() * 95 / 100;
    LpStatus lpStatus =
        switch (status) {
          case OPTIMAL -> LpStatus.OPTIMAL;
          case INFEASIBLE -> LpStatus.INFEASIBLE;
          case UNBOUNDED -> LpStatus.UNBOUNDED;
          case FEASIBLE -> LpStatus.LIMIT_REACHED;
          case NOT_SOLVED -> hitLimit ? LpStatus.LIMIT_REACHED : LpStatus.FAILED;
          default -> LpStatus.FAILED;
        };
    double[] primal = null;
    double[] duals = null;
    double value = Double.NaN;
    if (lpStatus == LpStatus.OPTIMAL) {
      primal = new double[columns.length];
      for (int j = 0; j < columns.length; j++) {
        primal[j] = columns[j].solutionValue();
      }
      value = objective.value();
      if (backend.hasReliableDuals()) {
        duals = new double[rows.size()];
        for (int r = 0; r < duals.length; r++) {
          duals[r] = rows.get(r).dualValue();
        }
      }
    }
    long iterations = backend == Backend.HIGHS || backend == Backend.SCIP ? 0 : solver.iterations();
    String name =
        backend == Backend.HIGHS ? "HiGHS 1.11.0 (via OR-Tools 9.14)" : solver.solverVersion();
    return new LpResult(
        lpStatus,
        value,
        primal,
        duals,
        name,
        iterations,
        nonZeros,
        0,
        solveNanos,
        lpStatus == LpStatus.OPTIMAL
            ? ""
            : hitCap
                ? "the iteration limit of " + cap + " was reached"
                : lpStatus == LpStatus.LIMIT_REACHED ? "time limit reached" : "the backend answered " + status);
  }

  /** The rows added to a HiGHS session, as one family. */
  private static final class AddedRows implements ConstraintFamily {
    private final List<Row> rows;

    AddedRows(List<Row> rows) {
      this.rows = List.copyOf(rows);
    }

    @Override
    public String id() {
      return "added";
    }

    @Override
    public String title() {
      return "rows added to the session";
    }

    @Override
    public long rowCount() {
      return rows.size();
    }

    @Override
    public void forEachRow(java.util.function.Consumer<Row> sink) {
      rows.forEach(sink);
    }

    @Override
    public String rowName(int[] key) {
      return "added" + java.util.Arrays.toString(key);
    }

    @Override
    public String describe(int[] key) {
      return rowName(key);
    }
  }

  /** Deletes the native model. */
  @Override
  public void close() {
    solver.delete();
  }
}
