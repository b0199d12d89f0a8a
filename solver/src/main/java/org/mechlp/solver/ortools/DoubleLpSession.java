package org.mechlp.solver.ortools;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.LpStatus;

/**
 * One OR-Tools model in plain doubles kept across solves, for cut loops over LPs that are not a mechlp {@code
 * LinearProgram} (the feature LP): the caller adds columns, then rows, solves, adds rows and re-solves warm. Each
 * solve copies the point, duals (d objective / d rhs, in the order rows were added) and reduced costs into Java arrays
 * before returning, because MPSolver's getters are garbage after a model change. Such an answer is never reported
 * as is: its caller maps it back to a mechlp LP and verifies it there.
 *
 * <p>GLOP runs dual simplex without presolve in every solve (a warm start needs no presolve); on the feature LP of
 * two items at N = 100 (19,800 rows, 30,000 columns) it took 2.0 to 2.4 s of CPU against 3.4 to 3.8 s for the default
 * primal simplex with presolve (measured on a loaded machine, so by CPU time). PDLP runs to 1e-8 on every core.
 *
 * <p>Not thread-safe; close it.
 */
public final class DoubleLpSession implements AutoCloseable {
  private static final String GLOP_PARAMETERS = "use_dual_simplex:true use_preprocessing:false";

  /**
   * PDLP to 1e-8 (its default 1e-6 leaves rows violated by about 1e-6), on every core. Two items N = 200 (79,600 rows,
   * 120,000 columns): 9,664 iterations, 25 s of CPU on one thread, objective within 1e-7 of the simplex optimum.
   */
  private static final String PDLP_PARAMETERS =
      "termination_criteria { simple_optimality_criteria { eps_optimal_absolute: 1e-8 eps_optimal_relative: 1e-8 } }"
          + " num_threads: " + Math.max(1, Runtime.getRuntime().availableProcessors());

  private final MPSolver solver;
  private final Backend backend;
  private final List<MPVariable> columns = new ArrayList<>();
  private final MPObjective objective;
  private final List<MPConstraint> rows = new ArrayList<>();
  private long nonZeros;

  /** An empty model for {@code backend}: GLOP, CLP or PDLP. */
  public DoubleLpSession(Backend backend, boolean maximize) {
    OrToolsLpSolver.loadNativeLibraries();
    if (backend != Backend.GLOP && backend != Backend.CLP && backend != Backend.PDLP) {
      throw new IllegalArgumentException("a double session runs on GLOP, CLP or PDLP, not " + backend.cliName());
    }
    this.backend = backend;
    this.solver = MPSolver.createSolver(OrToolsLpSolver.solverId(backend));
    if (solver == null) {
      throw new IllegalStateException("OR-Tools has no " + backend.cliName() + " backend here");
    }
    solver.suppressOutput();
    objective = solver.objective();
    if (maximize) {
      objective.setMaximization();
    } else {
      objective.setMinimization();
    }
  }

  /** Adds a column with bounds (infinite allowed) and objective coefficient; returns its index. */
  public int addColumn(double lower, double upper, double cost) {
    double infinity = MPSolver.infinity();
    MPVariable v =
        solver.makeNumVar(
            lower == Double.NEGATIVE_INFINITY ? -infinity : lower,
            upper == Double.POSITIVE_INFINITY ? infinity : upper,
            "");
    if (cost != 0) {
      objective.setCoefficient(v, cost);
    }
    columns.add(v);
    return columns.size() - 1;
  }

  /** Sets the objective's constant. */
  public void setObjectiveOffset(double offset) {
    objective.setOffset(offset);
  }

  /** Adds the row lower <= sum a_j x_j <= upper (zeros skipped; infinite bounds allowed); returns its index. */
  public int addRow(double lower, double upper, int[] columnIndices, double[] coefficients) {
    double infinity = MPSolver.infinity();
    MPConstraint row =
        solver.makeConstraint(
            lower == Double.NEGATIVE_INFINITY ? -infinity : lower,
            upper == Double.POSITIVE_INFINITY ? infinity : upper,
            "");
    for (int k = 0; k < columnIndices.length; k++) {
      if (coefficients[k] != 0) {
        row.setCoefficient(columns.get(columnIndices[k]), coefficients[k]);
        nonZeros++;
      }
    }
    rows.add(row);
    return rows.size() - 1;
  }

  public int rowCount() {
    return rows.size();
  }

  public int columnCount() {
    return columns.size();
  }

  public long nonZeros() {
    return nonZeros;
  }

  public Backend backend() {
    return backend;
  }

  /**
   * A solve's answer.
   *
   * @param status OPTIMAL, INFEASIBLE, UNBOUNDED, LIMIT_REACHED or FAILED
   * @param objective the objective value (NaN unless optimal)
   * @param point the columns' values (null unless optimal)
   * @param duals the rows' duals, d objective / d rhs, in the order added (null unless optimal)
   * @param reducedCosts the columns' reduced costs (null unless optimal)
   * @param iterations iterations of this solve
   * @param nanos the solve's time
   */
  public record Solution(
      LpStatus status,
      double objective,
      double[] point,
      double[] duals,
      double[] reducedCosts,
      long iterations,
      long nanos) {
    public boolean optimal() {
      return status == LpStatus.OPTIMAL;
    }
  }

  /** Solves, warm from the last solve, within {@code timeLimit} (null: none). */
  public Solution solve(Duration timeLimit) {
    if (timeLimit != null) {
      solver.setTimeLimit(Math.max(1, timeLimit.toMillis()));
    }
    if (backend == Backend.GLOP) {
      solver.setSolverSpecificParametersAsString(GLOP_PARAMETERS);
    } else if (backend == Backend.PDLP) {
      solver.setSolverSpecificParametersAsString(PDLP_PARAMETERS);
    }
    long start = System.nanoTime();
    MPSolver.ResultStatus status = solver.solve();
    long nanos = System.nanoTime() - start;
    LpStatus lpStatus =
        switch (status) {
          case OPTIMAL -> LpStatus.OPTIMAL;
          case INFEASIBLE -> LpStatus.INFEASIBLE;
          case UNBOUNDED -> LpStatus.UNBOUNDED;
          case FEASIBLE -> LpStatus.LIMIT_REACHED;
          case NOT_SOLVED ->
              timeLimit != null && nanos >= timeLimit.toNanos() * 95 / 100
                  ? LpStatus.LIMIT_REACHED
                  : LpStatus.FAILED;
          default -> LpStatus.FAILED;
        };
    if (lpStatus != LpStatus.OPTIMAL) {
      return new Solution(lpStatus, Double.NaN, null, null, null, solver.iterations(), nanos);
    }
    double[] point = new double[columns.size()];
    double[] reducedCosts = new double[columns.size()];
    for (int j = 0; j < point.length; j++) {
      point[j] = columns.get(j).solutionValue();
      reducedCosts[j] = columns.get(j).reducedCost();
    }
    double[] duals = new double[rows.size()];
    for (int r = 0; r < duals.length; r++) {
      duals[r] = rows.get(r).dualValue();
    }
    return new Solution(lpStatus, objective.value(), point, duals, reducedCosts, solver.iterations(), nanos);
  }

  @Override
  public void close() {
    solver.delete();
  }
}
