package org.mechlp.solver.features;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/**
 * The feature LP in one OR-Tools model kept across the rounds of the lazy loop: columns q_tk in [0,1] and u_t, the
 * objective of {@link FeatureForm}, and the IC rows (t, s) added so far. Rows are built straight from doubles (no
 * exact row objects: the answer is verified against the full problem's exact rows afterwards).
 *
 * <p>GLOP runs dual simplex without presolve in every solve. On the first solve of the two-item grid N = 100 (10,000
 * types, 19,800 seed rows) it took 2.0 to 2.4 s of CPU against 3.4 to 3.8 s for the default primal simplex with
 * presolve (19,713 against 16,216 iterations; measured on a loaded machine, so by CPU time); re-solves after added
 * rows start from the last basis, which stays dual feasible.
 *
 * <p>Not thread-safe; close it.
 */
final class FeatureLp implements AutoCloseable {
  private static final String GLOP_PARAMETERS = "use_dual_simplex:true use_preprocessing:false";

  private final FeatureForm form;
  private final MPSolver solver;
  private final Backend backend;
  private final MPVariable[] columns;
  private final MPObjective objective;
  private final List<MPConstraint> rows = new ArrayList<>();
  private final PairIndex index = new PairIndex();
  private long nonZeros;
  private int solves;

  FeatureLp(FeatureForm form, Backend backend) {
    OrToolsLpSolver.loadNativeLibraries();
    this.form = form;
    this.backend = backend;
    this.solver = MPSolver.createSolver(backend == Backend.CLP ? "CLP" : "GLOP");
    if (solver == null) {
      throw new IllegalStateException("OR-Tools has no " + backend.cliName() + " backend here");
    }
    solver.suppressOutput();
    double infinity = MPSolver.infinity();
    int types = form.types();
    int items = form.items();
    columns = new MPVariable[types * (items + 1)];
    objective = solver.objective();
    for (int t = 0; t < types; t++) {
      for (int k = 0; k < items; k++) {
        MPVariable q = solver.makeNumVar(0, 1, "");
        columns[form.itemColumn(t, k)] = q;
        objective.setCoefficient(q, form.itemObjective(t, k));
      }
      double lower = form.utilityLower(t);
      MPVariable u = solver.makeNumVar(Double.isInfinite(lower) ? -infinity : lower, infinity, "");
      columns[form.utilityColumn(t)] = u;
      objective.setCoefficient(u, form.utilityObjective(t));
    }
    objective.setOffset(form.objectiveConstant());
    if (form.maximize()) {
      objective.setMaximization();
    } else {
      objective.setMinimization();
    }
  }

  /** Adds IC row (t, s) unless present: u_t - u_s - (w_t - w_s) q_s >= c_t - c_s. */
  void addRow(int t, int s) {
    if (index.contains(t, s)) {
      return;
    }
    MPConstraint row = solver.makeConstraint(form.base(t) - form.base(s), MPSolver.infinity(), "");
    row.setCoefficient(columns[form.utilityColumn(t)], 1);
    row.setCoefficient(columns[form.utilityColumn(s)], -1);
    nonZeros += 2;
    double[] wt = form.weights(t);
    double[] ws = form.weights(s);
    for (int k = 0; k < wt.length; k++) {
      double d = wt[k] - ws[k];
      if (d != 0) {
        row.setCoefficient(columns[form.itemColumn(s, k)], -d);
        nonZeros++;
      }
    }
    index.put(t, s, rows.size());
    rows.add(row);
  }

  PairIndex index() {
    return index;
  }

  int rowCount() {
    return rows.size();
  }

  long nonZeros() {
    return nonZeros;
  }

  int columnCount() {
    return columns.length;
  }

  /** One solve, warm after the first; the point and duals are copied out before any further change. */
  Solution solve(Duration timeLimit) {
    if (timeLimit != null) {
      solver.setTimeLimit(Math.max(1, timeLimit.toMillis()));
    }
    if (backend == Backend.GLOP) {
      solver.setSolverSpecificParametersAsString(GLOP_PARAMETERS);
    }
    solves++;
    long start = System.nanoTime();
    MPSolver.ResultStatus status = solver.solve();
    long nanos = System.nanoTime() - start;
    if (status != MPSolver.ResultStatus.OPTIMAL) {
      return new Solution(status, Double.NaN, null, null, null, solver.iterations(), nanos);
    }
    double[] point = new double[columns.length];
    double[] reducedCosts = new double[columns.length];
    for (int j = 0; j < columns.length; j++) {
      point[j] = columns[j].solutionValue();
      reducedCosts[j] = columns[j].reducedCost();
    }
    double[] duals = new double[rows.size()];
    for (int r = 0; r < duals.length; r++) {
      duals[r] = rows.get(r).dualValue();
    }
    return new Solution(status, objective.value(), point, duals, reducedCosts, solver.iterations(), nanos);
  }

  /**
   * A solve's answer.
   *
   * @param status the backend's status
   * @param objective the objective value (NaN unless optimal)
   * @param point the columns' values (null unless optimal)
   * @param duals the rows' duals, d objective / d rhs, in the order added (null unless optimal)
   * @param reducedCosts the columns' reduced costs (null unless optimal)
   * @param iterations simplex iterations of this solve
   * @param nanos the solve's time
   */
  record Solution(
      MPSolver.ResultStatus status,
      double objective,
      double[] point,
      double[] duals,
      double[] reducedCosts,
      long iterations,
      long nanos) {
    boolean optimal() {
      return status == MPSolver.ResultStatus.OPTIMAL;
    }
  }

  /**
   * The IC rows not in the LP that {@code point} violates by more than {@code threshold}, the {@code capacity} most
   * violated of them. Every pair (t, s) is evaluated, in parallel over blocks of reports s: with a_s = u_s - c_s -
   * w_s q_s, type t's gain from reporting s is a_s + c_t - u_t + w_t q_s.
   */
  WorstPairs violated(double[] point, double threshold, int capacity) {
    int types = form.types();
    int items = form.items();
    double[] w = new double[types * items];
    double[] own = new double[types];
    double[] a = new double[types];
    double[] q = new double[types * items];
    for (int t = 0; t < types; t++) {
      double[] wt = form.weights(t);
      double u = point[form.utilityColumn(t)];
      double wq = 0;
      for (int k = 0; k < items; k++) {
        w[t * items + k] = wt[k];
        q[t * items + k] = point[form.itemColumn(t, k)];
        wq += wt[k] * q[t * items + k];
      }
      own[t] = form.base(t) - u;
      a[t] = u - form.base(t) - wq;
    }
    int blocks = Math.max(1, Math.min(types, 64));
    WorstPairs[] found = new WorstPairs[blocks];
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              WorstPairs worst = new WorstPairs(capacity);
              int from = (int) ((long) types * b / blocks);
              int to = (int) ((long) types * (b + 1) / blocks);
              for (int s = from; s < to; s++) {
                double as = a[s];
                int qs = s * items;
                for (int t = 0; t < types; t++) {
                  double gain = as + own[t];
                  int wt = t * items;
                  for (int k = 0; k < items; k++) {
                    gain += w[wt + k] * q[qs + k];
                  }
                  if (gain > threshold && t != s && !index.contains(t, s)) {
                    worst.offer(PairIndex.pair(t, s), gain);
                  }
                }
              }
              found[b] = worst;
            });
    WorstPairs all = new WorstPairs(capacity);
    for (WorstPairs f : found) {
      all.addAll(f);
    }
    return all;
  }

  @Override
  public void close() {
    solver.delete();
  }
}
