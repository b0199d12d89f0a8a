package org.mechlp.solver.certify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * An exact LU factorization of a square sparse matrix over the rationals, for solving {@code B x = b} and
 * {@code B^T y = c} with the same factors. Pivots are chosen Markowitz-style (smallest (row count - 1) x (column
 * count - 1) among a few short rows and columns) to limit fill-in: a dense elimination in {@link BigFraction} is
 * cubic and far too slow beyond a few hundred rows, while mechanism LP bases are sparse and mostly triangular.
 */
final class SparseExactLu {
  /** How many candidate rows and columns the pivot search examines before it takes the best found. */
  private static final int SEARCH_LIMIT = 4;

  private final int size;
  /** Pivot row and column of elimination step k. */
  private final int[] pivotRow;
  private final int[] pivotColumn;
  /** U row of step k: its entries (the pivot included) in columns not yet pivoted at step k. */
  private final List<Map<Integer, BigFraction>> upper = new ArrayList<>();
  /** Multipliers of step k: row i lost multiplier(i) times the pivot row. */
  private final List<Map<Integer, BigFraction>> multipliers = new ArrayList<>();
  private long fillIn;

  private SparseExactLu(int size) {
    this.size = size;
    this.pivotRow = new int[size];
    this.pivotColumn = new int[size];
  }

  /** Thrown when the matrix is singular, so the basis does not define a vertex. */
  static final class SingularException extends Exception {
    private static final long serialVersionUID = 1L;

    SingularException(String message) {
      super(message);
    }
  }

  /**
   * Factors the matrix given by its rows ({@code rows.get(i)} maps column to non-zero value).
   *
   * @throws SingularException when the matrix is singular
   */
  static SparseExactLu factor(List<Map<Integer, BigFraction>> rows) throws SingularException {
    int n = rows.size();
    SparseExactLu lu = new SparseExactLu(n);
    List<Map<Integer, BigFraction>> active = new ArrayList<>(n);
    List<Set<Integer>> columnRows = new ArrayList<>(n);
    for (int j = 0; j < n; j++) {
      columnRows.add(new LinkedHashSet<>());
    }
    for (int i = 0; i < n; i++) {
      Map<Integer, BigFraction> row = new HashMap<>();
      for (Map.Entry<Integer, BigFraction> e : rows.get(i).entrySet()) {
        if (e.getValue().getNumerator().signum() != 0) {
          row.put(e.getKey(), e.getValue());
          columnRows.get(e.getKey()).add(i);
        }
      }
      active.add(row);
    }
    Buckets rowBuckets = new Buckets(n);
    Buckets columnBuckets = new Buckets(n);
    for (int i = 0; i < n; i++) {
      rowBuckets.put(i, active.get(i).size());
      columnBuckets.put(i, columnRows.get(i).size());
    }
    for (int k = 0; k < n; k++) {
      int[] pivot = choosePivot(active, columnRows, rowBuckets, columnBuckets);
      if (pivot == null) {
        throw new SingularException("the basis matrix is singular (" + (n - k) + " of " + n + " pivots missing)");
      }
      int r = pivot[0];
      int c = pivot[1];
      lu.pivotRow[k] = r;
      lu.pivotColumn[k] = c;
      Map<Integer, BigFraction> pivotEntries = active.get(r);
      BigFraction pivotValue = pivotEntries.get(c);
      rowBuckets.remove(r);
      columnBuckets.remove(c);
      for (int j : pivotEntries.keySet()) {
        columnRows.get(j).remove(r);
      }
      Map<Integer, BigFraction> mult = new HashMap<>();
      for (int i : new ArrayList<>(columnRows.get(c))) {
        Map<Integer, BigFraction> target = active.get(i);
        BigFraction factor = target.get(c).divide(pivotValue);
        mult.put(i, factor);
        for (Map.Entry<Integer, BigFraction> e : pivotEntries.entrySet()) {
          int j = e.getKey();
          BigFraction old = target.get(j);
          BigFraction before = old == null ? BigFraction.ZERO : old;
          BigFraction updated = j == c ? BigFraction.ZERO : before.subtract(factor.multiply(e.getValue()));
          if (updated.getNumerator().signum() == 0) {
            if (old != null) {
              target.remove(j);
              columnRows.get(j).remove(i);
              if (j != c) {
                columnBuckets.put(j, columnRows.get(j).size());
              }
            }
          } else {
            if (old == null) {
              columnRows.get(j).add(i);
              columnBuckets.put(j, columnRows.get(j).size());
              lu.fillIn++;
            }
            target.put(j, updated);
          }
        }
        rowBuckets.put(i, target.size());
      }
      for (int j : pivotEntries.keySet()) {
        if (j != c) {
          columnBuckets.put(j, columnRows.get(j).size());
        }
      }
      lu.upper.add(pivotEntries);
      lu.multipliers.add(mult);
      active.set(r, null);
    }
    return lu;
  }

  private static int[] choosePivot(
      List<Map<Integer, BigFraction>> active,
      List<Set<Integer>> columnRows,
      Buckets rowBuckets,
      Buckets columnBuckets) {
    long bestCost = Long.MAX_VALUE;
    int[] best = null;
    int examined = 0;
    for (int count = 1; count < rowBuckets.bucketCount(); count++) {
      for (int c : columnBuckets.at(count)) {
        for (int i : columnRows.get(c)) {
          long cost = (long) (active.get(i).size() - 1) * (count - 1);
          if (cost < bestCost) {
            bestCost = cost;
            best = new int[] {i, c};
          }
        }
        if (++examined >= SEARCH_LIMIT || bestCost == 0) {
          return best;
        }
      }
      for (int i : rowBuckets.at(count)) {
        for (int c : active.get(i).keySet()) {
          long cost = (long) (count - 1) * (columnRows.get(c).size() - 1);
          if (cost < bestCost) {
            bestCost = cost;
            best = new int[] {i, c};
          }
        }
        if (++examined >= SEARCH_LIMIT || bestCost == 0) {
          return best;
        }
      }
      if (best != null && bestCost <= (long) count * count) {
        return best;
      }
    }
    return best;
  }

  /** Entries in the factors beyond those of the matrix (a measure of how well the pivot order worked). */
  long fillIn() {
    return fillIn;
  }

  /** Solves {@code B x = b}; {@code b} is indexed by matrix row, the answer by matrix column. */
  BigFraction[] solve(BigFraction[] b) {
    BigFraction[] work = b.clone();
    for (int k = 0; k < size; k++) {
      BigFraction pivotRhs = work[pivotRow[k]];
      if (pivotRhs.getNumerator().signum() == 0) {
        continue;
      }
      for (Map.Entry<Integer, BigFraction> e : multipliers.get(k).entrySet()) {
        work[e.getKey()] = work[e.getKey()].subtract(e.getValue().multiply(pivotRhs));
      }
    }
    BigFraction[] x = new BigFraction[size];
    for (int k = size - 1; k >= 0; k--) {
      int c = pivotColumn[k];
      BigFraction sum = work[pivotRow[k]];
      BigFraction diagonal = null;
      for (Map.Entry<Integer, BigFraction> e : upper.get(k).entrySet()) {
        if (e.getKey() == c) {
          diagonal = e.getValue();
        } else if (x[e.getKey()].getNumerator().signum() != 0) {
          sum = sum.subtract(e.getValue().multiply(x[e.getKey()]));
        }
      }
      x[c] = sum.divide(diagonal);
    }
    return x;
  }

  /** Solves {@code B^T y = c}; {@code c} is indexed by matrix column, the answer by matrix row. */
  BigFraction[] solveTransposed(BigFraction[] c) {
    BigFraction[] acc = c.clone();
    BigFraction[] w = new BigFraction[size];
    for (int k = 0; k < size; k++) {
      int col = pivotColumn[k];
      Map<Integer, BigFraction> row = upper.get(k);
      BigFraction value = acc[col].divide(row.get(col));
      w[pivotRow[k]] = value;
      if (value.getNumerator().signum() == 0) {
        continue;
      }
      for (Map.Entry<Integer, BigFraction> e : row.entrySet()) {
        if (e.getKey() != col) {
          acc[e.getKey()] = acc[e.getKey()].subtract(value.multiply(e.getValue()));
        }
      }
    }
    // y^T = w^T E_K ... E_1, where E_k subtracted multiplier(i) times the pivot row from row i.
    for (int k = size - 1; k >= 0; k--) {
      BigFraction sum = w[pivotRow[k]];
      for (Map.Entry<Integer, BigFraction> e : multipliers.get(k).entrySet()) {
        BigFraction wi = w[e.getKey()];
        if (wi.getNumerator().signum() != 0) {
          sum = sum.subtract(e.getValue().multiply(wi));
        }
      }
      w[pivotRow[k]] = sum;
    }
    return w;
  }

  /** Indices grouped by their current count, for the pivot search. */
  private static final class Buckets {
    private final List<LinkedHashSet<Integer>> buckets = new ArrayList<>();
    private final int[] bucketOf;

    Buckets(int n) {
      bucketOf = new int[n];
      Arrays.fill(bucketOf, -1);
      for (int i = 0; i <= n + 1; i++) {
        buckets.add(new LinkedHashSet<>());
      }
    }

    int bucketCount() {
      return buckets.size();
    }

    void put(int index, int count) {
      remove(index);
      bucketOf[index] = count;
      buckets.get(count).add(index);
    }

    void remove(int index) {
      if (bucketOf[index] >= 0) {
        buckets.get(bucketOf[index]).remove(index);
        bucketOf[index] = -1;
      }
    }

    Iterable<Integer> at(int count) {
      return buckets.get(count);
    }
  }
}
