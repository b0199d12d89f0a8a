package org.mechlp.solver.verify;

import java.util.List;
import java.util.function.BiConsumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.report.Optimality;

/**
 * Checks a feasible point for optimality from the backend's row duals, independently of the backend: the duals
 * (written "d objective / d right-hand side") are first given their feasible signs, the reduced costs {@code c - A^T
 * y} are rebuilt from the problem's own rows, and weak duality bounds the optimum.
 *
 * <p>For a maximization and any feasible {@code x'}: {@code c x' = y A x' + d x' <= y b + sum_j max_{x'_j in
 * [l_j, u_j]} d_j x'_j}. The gap between that bound and the objective at the point is {@code y (b - A x)} plus, per
 * column, {@code d_j} times the room left in the direction {@code d_j} improves. When that direction has no finite
 * bound the duals are infeasible: the column's room is then taken as its scale (the larger of its value and the
 * largest coefficient or right-hand side of the rows, the problem's natural unit of money), and the term is also a
 * <em>dual violation</em>, the objective a move along the column could still gain. This is what catches a reduced
 * cost of 5e-16 on a transfer column in a problem with values up to 1e12: a backend calls it zero, but it is worth
 * 5e-4 of revenue.
 *
 * <p>Sums are compensated (Neumaier), so rounding stays far below the tolerance for the problem sizes mechlp solves.
 */
public final class OptimalityCheck {
  private OptimalityCheck() {}

  /**
   * The optimality of {@code x} given the backend's {@code duals} (one per row in family order).
   *
   * @param objective the objective recomputed at {@code x}
   * @param tolerance the largest dual violation and the largest gap accepted, per unit of |objective| (at least 1)
   */
  public static Optimality check(LinearProgram lp, double[] x, double[] duals, double objective, double tolerance) {
    return check(lp, x, allRows(lp, duals), objective, tolerance);
  }

  /** Every row of {@code lp} with its dual from {@code duals} (row order). */
  public static RowDuals allRows(LinearProgram lp, double[] duals) {
    return sink -> {
      long[] index = {0};
      for (ConstraintFamily family : lp.families()) {
        family.forEachRow(row -> sink.accept(row, duals[(int) index[0]++]));
      }
    };
  }

  /**
   * The rows that carry duals, each with its dual: every row of the LP, or (lazy generation) the rows the backend
   * saw, the others having dual 0.
   */
  @FunctionalInterface
  public interface RowDuals {
    /** Calls {@code sink} with each row and its dual. */
    void forEach(BiConsumer<Row, Double> sink);
  }

  /** {@link #check(LinearProgram, double[], double[], double, double)} with the rows and duals streamed. */
  public static Optimality check(
      LinearProgram lp, double[] x, RowDuals rowDuals, double objective, double tolerance) {
    int n = lp.columnCount();
    boolean maximize = lp.objective().maximize();
    double sign = maximize ? 1 : -1;
    double[] aty = new double[n];
    double[] atyCompensation = new double[n];
    double[] rowGap = new double[2];
    double[] scale = {1};
    rowDuals.forEach(
        (row, dual) -> {
            scale[0] = Math.max(scale[0], Math.abs(row.rhs().doubleValue()));
            BigFraction[] a = row.coefficients();
            for (BigFraction coefficient : a) {
              scale[0] = Math.max(scale[0], Math.abs(coefficient.doubleValue()));
            }
            double y = dual == null ? 0 : feasibleSign(row, sign * dual);
            if (y == 0) {
              return;
            }
            int[] columns = row.columns();
            for (int k = 0; k < columns.length; k++) {
              add(aty, atyCompensation, columns[k], a[k].doubleValue() * y);
            }
            // y (b - a x): non-negative for a satisfied row with a correctly signed dual.
            double term = y * (row.rhs().doubleValue() - row.activity(x));
            addTo(rowGap, term);
          });
    double gap = rowGap[0] + rowGap[1];
    double gapCompensation = 0;
    double maxDualViolation = 0;
    int worstColumn = -1;
    List<ColumnBounds> bounds = lp.bounds();
    BigFraction[] c = lp.objective().coefficients();
    for (int j = 0; j < n; j++) {
      double d = sign * c[j].doubleValue() - (aty[j] + atyCompensation[j]);
      if (d == 0) {
        continue;
      }
      ColumnBounds b = bounds.get(j);
      BigFraction target = d > 0 ? b.upper() : b.lower();
      double room;
      boolean infinite = target == null;
      if (infinite) {
        room = Math.max(Math.abs(x[j]), scale[0]);
      } else {
        room = Math.abs(target.doubleValue() - x[j]);
      }
      double term = Math.abs(d) * room;
      double sum = gap + term;
      gapCompensation += Math.abs(gap) >= term ? (gap - sum) + term : (term - sum) + gap;
      gap = sum;
      if (infinite && term > maxDualViolation) {
        maxDualViolation = term;
        worstColumn = j;
      }
    }
    gap += gapCompensation;
    if (Double.isNaN(gap) || Double.isNaN(maxDualViolation)) {
      return new Optimality(Optimality.Method.DUALS, false, Double.POSITIVE_INFINITY, null,
          Double.POSITIVE_INFINITY, "the duals give NaN reduced costs");
    }
    // Relative to the objective, like the objective comparison in VerifiedLp: reduced costs are rebuilt in double
    // precision from terms as large as the largest value, so their rounding grows with the problem's scale.
    double allowed = tolerance * Math.max(1, Math.abs(objective));
    boolean verified = maxDualViolation <= allowed && gap <= allowed;
    return new Optimality(
        Optimality.Method.DUALS,
        verified,
        maxDualViolation,
        worstColumn < 0 ? null : lp.columnName(worstColumn),
        Math.max(0, gap),
        "");
  }

  /** The dual in maximization form with the sign its row allows (0 when the backend's sign is wrong). */
  private static double feasibleSign(Row row, double y) {
    if (!Double.isFinite(y)) {
      return Double.isNaN(y) ? Double.NaN : y;
    }
    return switch (row.sense()) {
      case LE -> Math.max(0, y);
      case GE -> Math.min(0, y);
      case EQ -> y;
    };
  }

  /** Neumaier's compensated addition of {@code term} to {@code sums[at]}, with its error in {@code errors[at]}. */
  private static void add(double[] sums, double[] errors, int at, double term) {
    double sum = sums[at] + term;
    errors[at] += Math.abs(sums[at]) >= Math.abs(term) ? (sums[at] - sum) + term : (term - sum) + sums[at];
    sums[at] = sum;
  }

  /** Compensated addition to a running total kept as {@code {sum, error}}. */
  private static void addTo(double[] pair, double term) {
    double sum = pair[0] + term;
    pair[1] += Math.abs(pair[0]) >= Math.abs(term) ? (pair[0] - sum) + term : (term - sum) + pair[0];
    pair[0] = sum;
  }
}
