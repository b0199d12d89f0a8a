package org.mechlp.solver.certify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.BasisStatus;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Repairs a primal feasible but not exactly optimal basis (a reduced cost of the wrong sign by a floating-point
 * hair) with a few exact primal simplex pivots on the bounded form: the variables are the columns and the row
 * activities, nonbasic ones sit at a bound, Bland's rule picks the entering and leaving variables (so degenerate
 * pivots cannot cycle). Every basis is recomputed exactly by {@link ExactBasis}; the answer is only a candidate,
 * which {@link CertificateChecker} must still accept. A basis that is not primal feasible is left alone.
 */
final class SimplexRepair {
  /** The most pivots tried before giving up. */
  static final int MAX_PIVOTS = 50;

  private SimplexRepair() {}

  /** The repaired basis and the pivots it took, or the reason the repair stopped. */
  record Result(ExactBasis.BasicSolution solution, int pivots, String reason) {}

  static Result repair(LinearProgram lp, List<Row> rows, LpBasis start) {
    int n = lp.columnCount();
    int m = rows.size();
    BasisStatus[] columns = start.columns().clone();
    BasisStatus[] rowStatus = start.rows().clone();
    int sign = lp.objective().maximize() ? 1 : -1;
    for (int pivot = 0; pivot <= MAX_PIVOTS; pivot++) {
      ExactBasis.BasicSolution solution;
      try {
        solution = ExactBasis.solve(lp, rows, new LpBasis(columns, rowStatus));
      } catch (ExactBasis.BasisException e) {
        return new Result(null, pivot, e.getMessage());
      }
      CertificateCheck check = CertificateChecker.check(lp, solution.certificate());
      if (check.valid()) {
        return new Result(solution, pivot, "");
      }
      if (pivot == MAX_PIVOTS) {
        return new Result(null, pivot, "not optimal after " + MAX_PIVOTS + " exact pivots: " + check.summary());
      }
      BigFraction[] x = solution.certificate().primal();
      BigFraction[] y = solution.certificate().duals();
      BigFraction[] activity = new BigFraction[m];
      for (int i = 0; i < m; i++) {
        activity[i] = rows.get(i).activity(x);
        if (rows.get(i).violation(x).getNumerator().signum() != 0) {
          return new Result(null, pivot, "the basic solution is not primal feasible (" + rows.get(i).name()
              + "), so primal simplex pivots cannot repair it");
        }
      }
      for (int j = 0; j < n; j++) {
        if (lp.bounds().get(j).violation(x[j]).getNumerator().signum() != 0) {
          return new Result(null, pivot, "the basic solution is not primal feasible (" + lp.columnName(j)
              + "), so primal simplex pivots cannot repair it");
        }
      }
      BigFraction[] reduced = lp.objective().coefficients().clone();
      for (int i = 0; i < m; i++) {
        if (y[i].getNumerator().signum() != 0) {
          Row row = rows.get(i);
          for (int q = 0; q < row.columns().length; q++) {
            reduced[row.columns()[q]] = reduced[row.columns()[q]].subtract(row.coefficients()[q].multiply(y[i]));
          }
        }
      }
      int[] entering = entering(lp, rows, columns, rowStatus, x, reduced, y, sign);
      if (entering == null) {
        return new Result(null, pivot, "no improving pivot, yet the check fails: " + check.summary());
      }
      String step = step(lp, rows, columns, rowStatus, x, activity, entering[0], entering[1]);
      if (!step.isEmpty()) {
        return new Result(null, pivot, step);
      }
    }
    throw new IllegalStateException("unreachable");
  }

  /** Bland's rule: the lowest-index improving nonbasic variable, as {variable, direction}. */
  private static int[] entering(
      LinearProgram lp,
      List<Row> rows,
      BasisStatus[] columns,
      BasisStatus[] rowStatus,
      BigFraction[] x,
      BigFraction[] reduced,
      BigFraction[] y,
      int sign) {
    for (int j = 0; j < columns.length; j++) {
      if (columns[j] == BasisStatus.BASIC) {
        continue;
      }
      ColumnBounds b = lp.bounds().get(j);
      int s = reduced[j].getNumerator().signum() * sign;
      if (s > 0 && (b.upper() == null || x[j].compareTo(b.upper()) < 0)) {
        return new int[] {j, 1};
      }
      if (s < 0 && (b.lower() == null || x[j].compareTo(b.lower()) > 0)) {
        return new int[] {j, -1};
      }
    }
    for (int i = 0; i < rowStatus.length; i++) {
      if (rowStatus[i] == BasisStatus.BASIC) {
        continue;
      }
      int s = y[i].getNumerator().signum() * sign;
      Sense sense = rows.get(i).sense();
      if (s < 0 && sense == Sense.LE) {
        return new int[] {columns.length + i, -1};
      }
      if (s > 0 && sense == Sense.GE) {
        return new int[] {columns.length + i, 1};
      }
    }
    return null;
  }

  /** One pivot: the direction, the ratio test (Bland's tie-break), the status changes; empty or a reason. */
  private static String step(
      LinearProgram lp,
      List<Row> rows,
      BasisStatus[] columns,
      BasisStatus[] rowStatus,
      BigFraction[] x,
      BigFraction[] activity,
      int enter,
      int direction) {
    int n = columns.length;
    BigFraction sigma = new BigFraction(direction);
    List<Integer> basic = new ArrayList<>();
    int[] local = new int[n];
    for (int j = 0; j < n; j++) {
      local[j] = -1;
      if (columns[j] == BasisStatus.BASIC) {
        local[j] = basic.size();
        basic.add(j);
      }
    }
    List<Integer> tight = new ArrayList<>();
    for (int i = 0; i < rowStatus.length; i++) {
      if (rowStatus[i] != BasisStatus.BASIC) {
        tight.add(i);
      }
    }
    List<Map<Integer, BigFraction>> matrix = new ArrayList<>();
    BigFraction[] rhs = new BigFraction[tight.size()];
    for (int t = 0; t < tight.size(); t++) {
      Row row = rows.get(tight.get(t));
      Map<Integer, BigFraction> entries = new HashMap<>();
      rhs[t] = BigFraction.ZERO;
      for (int q = 0; q < row.columns().length; q++) {
        int j = row.columns()[q];
        if (local[j] >= 0) {
          entries.put(local[j], row.coefficients()[q]);
        } else if (j == enter) {
          rhs[t] = row.coefficients()[q].multiply(sigma).negate();
        }
      }
      if (tight.get(t) + n == enter) {
        rhs[t] = sigma;
      }
      matrix.add(entries);
    }
    BigFraction[] delta = new BigFraction[n];
    Arrays.fill(delta, BigFraction.ZERO);
    try {
      BigFraction[] deltaBasic = SparseExactLu.factor(matrix).solve(rhs);
      for (int q = 0; q < basic.size(); q++) {
        delta[basic.get(q)] = deltaBasic[q];
      }
    } catch (SparseExactLu.SingularException e) {
      return e.getMessage();
    }
    if (enter < n) {
      delta[enter] = sigma;
    }
    BigFraction best = null;
    int leaving = -1;
    boolean leavesUp = false;
    for (int j = 0; j < n; j++) {
      if (columns[j] != BasisStatus.BASIC && j != enter || delta[j].getNumerator().signum() == 0) {
        continue;
      }
      ColumnBounds b = lp.bounds().get(j);
      boolean up = delta[j].getNumerator().signum() > 0;
      BigFraction limit = up ? b.upper() : b.lower();
      if (limit != null) {
        BigFraction ratio = limit.subtract(x[j]).divide(delta[j]);
        if (best == null || ratio.compareTo(best) < 0) {
          best = ratio;
          leaving = j;
          leavesUp = up;
        }
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      if (rowStatus[i] != BasisStatus.BASIC && i + n != enter) {
        continue;
      }
      BigFraction change = i + n == enter ? sigma : rows.get(i).activity(delta);
      if (change.getNumerator().signum() == 0) {
        continue;
      }
      Sense sense = rows.get(i).sense();
      boolean up = change.getNumerator().signum() > 0;
      boolean bounded = sense == Sense.EQ || (up ? sense == Sense.LE : sense == Sense.GE);
      if (bounded && i + n != enter) {
        BigFraction ratio = rows.get(i).rhs().subtract(activity[i]).divide(change);
        if (best == null || ratio.compareTo(best) < 0) {
          best = ratio;
          leaving = n + i;
          leavesUp = up;
        }
      }
    }
    if (leaving < 0) {
      return "an improving direction is unbounded, which contradicts the solver's finite optimum";
    }
    BasisStatus bound = leavesUp ? BasisStatus.AT_UPPER : BasisStatus.AT_LOWER;
    if (leaving == enter) {
      columns[enter] = bound;
      return "";
    }
    if (enter < n) {
      columns[enter] = BasisStatus.BASIC;
    } else {
      rowStatus[enter - n] = BasisStatus.BASIC;
    }
    if (leaving < n) {
      columns[leaving] = bound;
    } else {
      Sense sense = rows.get(leaving - n).sense();
      rowStatus[leaving - n] = sense == Sense.EQ ? BasisStatus.FIXED : bound;
    }
    return "";
  }
}
