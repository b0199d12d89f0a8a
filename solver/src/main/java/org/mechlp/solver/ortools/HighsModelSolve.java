package org.mechlp.solver.ortools;

import com.google.ortools.modelbuilder.ModelBuilder;
import com.google.ortools.modelbuilder.ModelBuilderHelper;
import com.google.ortools.modelbuilder.ModelSolver;
import com.google.ortools.modelbuilder.SolveStatus;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Row;

/**
 * Solves an LP with HiGHS through OR-Tools' ModelSolver rather than MPSolver: MPSolver's HiGHS wrapper in 9.14
 * ignores the time limit and every solver-specific parameter (measured: 31 s against a 3 s limit, then OPTIMAL),
 * while ModelSolver passes both to HiGHS, which stops at the limit. HiGHS's duals are row activities through either
 * API, so none are returned.
 */
final class HighsModelSolve {
  static final String NAME = "HiGHS 1.11.0 (via OR-Tools 9.14)";

  private HighsModelSolve() {}

  /**
   * Solves {@code lp} within {@code limit} (at least 1 ms); {@code limitText} names the limit in messages ("the
   * time limit of 2 s").
   */
  static LpResult solve(LinearProgram lp, Duration limit, String limitText) {
    long start = System.nanoTime();
    ModelBuilder model = new ModelBuilder();
    ModelBuilderHelper helper = model.getHelper();
    try {
      return solve(lp, limit, limitText, model, helper, start);
    } finally {
      helper.delete();
    }
  }

  private static LpResult solve(
      LinearProgram lp, Duration limit, String limitText, ModelBuilder model, ModelBuilderHelper helper, long start) {
    int n = lp.columnCount();
    List<ColumnBounds> bounds = lp.bounds();
    BigFraction[] c = lp.objective().coefficients();
    for (int j = 0; j < n; j++) {
      int column = helper.addVar();
      helper.setVarLowerBound(column, bounds.get(j).lowerDouble());
      helper.setVarUpperBound(column, bounds.get(j).upperDouble());
      if (c[j].getNumerator().signum() != 0) {
        helper.setVarObjectiveCoefficient(column, c[j].doubleValue());
      }
    }
    helper.setObjectiveOffset(lp.objective().constant().doubleValue());
    helper.setMaximize(lp.objective().maximize());
    long[] counts = {0, 0};
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(
          row -> {
            addRow(helper, row);
            counts[0]++;
            counts[1] += row.columns().length;
          });
    }
    long simplexCap = Math.min(Integer.MAX_VALUE, IterationCaps.simplex(counts[0], n));
    ModelSolver solver = new ModelSolver("highs");
    solver.enableOutput(false);
    solver.setTimeLimit(limit.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : limit);
    solver.setSolverSpecificParameters(
        String.format(
            Locale.ROOT,
            "simplex_iteration_limit=%d,ipm_iteration_limit=%d",
            simplexCap,
            IterationCaps.HIGHS_IPM));
    long built = System.nanoTime();
    SolveStatus status = solver.solve(model);
    long solved = System.nanoTime();
    boolean hitTime = solved - built >= limit.toNanos() * 95 / 100;
    LpStatus lpStatus =
        switch (status) {
          case OPTIMAL -> LpStatus.OPTIMAL;
          case INFEASIBLE -> LpStatus.INFEASIBLE;
          case UNBOUNDED -> LpStatus.UNBOUNDED;
          // HiGHS answers UNKNOWN_STATUS (or FEASIBLE with a point it does not prove optimal) at a limit.
          case FEASIBLE, UNKNOWN_STATUS, NOT_SOLVED, CANCELLED_BY_USER -> LpStatus.LIMIT_REACHED;
          default -> LpStatus.FAILED;
        };
    String message =
        switch (lpStatus) {
          case OPTIMAL, INFEASIBLE, UNBOUNDED -> "";
          case LIMIT_REACHED ->
              hitTime
                  ? limitText + " reached"
                  : "HiGHS stopped at its iteration limit ("
                      + simplexCap
                      + " simplex or "
                      + IterationCaps.HIGHS_IPM
                      + " interior-point iterations) or was interrupted ("
                      + status
                      + ")";
          case FAILED -> "HiGHS answered " + status;
        };
    double[] primal = null;
    double objective = Double.NaN;
    if (lpStatus == LpStatus.OPTIMAL) {
      primal = new double[n];
      for (int j = 0; j < n; j++) {
        primal[j] = solver.getValue(model.varFromIndex(j));
      }
      objective = solver.getObjectiveValue();
    }
    return new LpResult(
        lpStatus, objective, primal, null, NAME, 0, counts[1], built - start, solved - built, message);
  }

  private static void addRow(ModelBuilderHelper helper, Row row) {
    int r = helper.addLinearConstraint();
    double rhs = row.rhs().doubleValue();
    switch (row.sense()) {
      case LE -> helper.setConstraintUpperBound(r, rhs);
      case GE -> helper.setConstraintLowerBound(r, rhs);
      case EQ -> {
        helper.setConstraintLowerBound(r, rhs);
        helper.setConstraintUpperBound(r, rhs);
      }
    }
    int[] cols = row.columns();
    BigFraction[] coefficients = row.coefficients();
    for (int k = 0; k < cols.length; k++) {
      helper.addConstraintTerm(r, cols[k], coefficients[k].doubleValue());
    }
  }
}
