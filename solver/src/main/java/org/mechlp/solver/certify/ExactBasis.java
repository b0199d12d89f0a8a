package org.mechlp.solver.certify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.BasisStatus;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.Row;

/**
 * Recomputes, in exact rational arithmetic, the basic solution a simplex basis defines. Nonbasic columns sit at a
 * bound, nonbasic rows are tight at their right-hand side; the basic columns are the unknowns of the square system
 * formed by the tight rows, solved with a sparse exact LU. The duals solve the transposed system over the same
 * basis ({@code y} of the tight rows from {@code B^T y = c_B}, 0 on basic rows). Nothing here claims optimality:
 * {@link CertificateChecker} decides that.
 */
public final class ExactBasis {
  private ExactBasis() {}

  /**
   * The exact primal and dual solution of a basis.
   *
   * @param certificate the exact point, duals and objective at the point
   * @param dimension the number of basic columns (the order of the exact system)
   * @param fillIn entries the LU created beyond the matrix's own
   */
  public record BasicSolution(Certificate certificate, int dimension, long fillIn) {}

  /** Thrown when the basis does not define a unique basic solution. */
  public static final class BasisException extends Exception {
    private static final long serialVersionUID = 1L;

    /** An exception with the reason in words. */
    public BasisException(String message) {
      super(message);
    }
  }

  /** All rows of {@code lp} in family order (certification needs the basis rows at hand). */
  public static List<Row> rows(LinearProgram lp) {
    List<Row> rows = new ArrayList<>();
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(rows::add);
    }
    return rows;
  }

  /**
   * The basic solution of {@code basis}.
   *
   * @throws BasisException when the basis has the wrong shape or a singular basis matrix
   */
  public static BasicSolution solve(LinearProgram lp, List<Row> rows, LpBasis basis) throws BasisException {
    int n = lp.columnCount();
    int m = rows.size();
    if (basis.columns().length != n || basis.rows().length != m) {
      throw new BasisException("the basis has " + basis.columns().length + " column and " + basis.rows().length
          + " row statuses for an LP with " + n + " columns and " + m + " rows");
    }
    BigFraction[] x = new BigFraction[n];
    int[] localColumn = new int[n];
    List<Integer> basicColumns = new ArrayList<>();
    for (int j = 0; j < n; j++) {
      if (basis.columns()[j] == BasisStatus.BASIC) {
        localColumn[j] = basicColumns.size();
        basicColumns.add(j);
        x[j] = BigFraction.ZERO;
      } else {
        localColumn[j] = -1;
        x[j] = nonbasicValue(lp.bounds().get(j), basis.columns()[j]);
      }
    }
    List<Integer> tightRows = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      if (basis.rows()[i] != BasisStatus.BASIC) {
        tightRows.add(i);
      }
    }
    int k = basicColumns.size();
    if (tightRows.size() != k) {
      throw new BasisException("the basis is not square: " + k + " basic columns but " + tightRows.size()
          + " nonbasic (tight) rows");
    }
    List<Map<Integer, BigFraction>> matrix = new ArrayList<>(k);
    BigFraction[] rhs = new BigFraction[k];
    for (int t = 0; t < k; t++) {
      Row row = rows.get(tightRows.get(t));
      Map<Integer, BigFraction> entries = new HashMap<>();
      BigFraction b = row.rhs();
      for (int q = 0; q < row.columns().length; q++) {
        int j = row.columns()[q];
        if (localColumn[j] >= 0) {
          entries.put(localColumn[j], row.coefficients()[q]);
        } else if (x[j].getNumerator().signum() != 0) {
          b = b.subtract(row.coefficients()[q].multiply(x[j]));
        }
      }
      matrix.add(entries);
      rhs[t] = b;
    }
    SparseExactLu lu;
    try {
      lu = SparseExactLu.factor(matrix);
    } catch (SparseExactLu.SingularException e) {
      throw new BasisException(e.getMessage());
    }
    BigFraction[] basic = lu.solve(rhs);
    for (int q = 0; q < k; q++) {
      x[basicColumns.get(q)] = basic[q];
    }
    BigFraction[] c = lp.objective().coefficients();
    BigFraction[] costs = new BigFraction[k];
    for (int q = 0; q < k; q++) {
      costs[q] = c[basicColumns.get(q)];
    }
    BigFraction[] tightDuals = lu.solveTransposed(costs);
    BigFraction[] y = new BigFraction[m];
    Arrays.fill(y, BigFraction.ZERO);
    for (int t = 0; t < k; t++) {
      y[tightRows.get(t)] = tightDuals[t];
    }
    Certificate certificate = new Certificate(lp.objective().maximize(), lp.objective().value(x), x, y);
    return new BasicSolution(certificate, k, lu.fillIn());
  }

  private static BigFraction nonbasicValue(ColumnBounds b, BasisStatus status) {
    BigFraction value =
        switch (status) {
          case AT_UPPER -> b.upper() != null ? b.upper() : b.lower();
          case AT_LOWER, FIXED -> b.lower() != null ? b.lower() : b.upper();
          default -> null;
        };
    return value == null ? BigFraction.ZERO : value;
  }
}
