package org.mechlp.solver.dynamic;

import org.apache.commons.math3.fraction.BigFraction;

/** Exact Gaussian elimination on small dense rational matrices: rank and square solves. */
final class ExactMatrices {
  private ExactMatrices() {}

  /** The rank of {@code a} (rows x columns), computed exactly. */
  static int rank(BigFraction[][] a) {
    BigFraction[][] m = copy(a);
    int rows = m.length;
    int cols = rows == 0 ? 0 : m[0].length;
    int rank = 0;
    for (int c = 0; c < cols && rank < rows; c++) {
      int pivot = -1;
      for (int r = rank; r < rows; r++) {
        if (m[r][c].getNumerator().signum() != 0) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      BigFraction[] tmp = m[pivot];
      m[pivot] = m[rank];
      m[rank] = tmp;
      for (int r = rank + 1; r < rows; r++) {
        if (m[r][c].getNumerator().signum() != 0) {
          BigFraction f = m[r][c].divide(m[rank][c]);
          for (int k = c; k < cols; k++) {
            m[r][k] = m[r][k].subtract(f.multiply(m[rank][k]));
          }
        }
      }
      rank++;
    }
    return rank;
  }

  /** The solution x of {@code a x = b} for a non-singular square {@code a}; null when {@code a} is singular. */
  static BigFraction[] solve(BigFraction[][] a, BigFraction[] b) {
    int n = b.length;
    BigFraction[][] m = new BigFraction[n][n + 1];
    for (int i = 0; i < n; i++) {
      System.arraycopy(a[i], 0, m[i], 0, n);
      m[i][n] = b[i];
    }
    for (int c = 0; c < n; c++) {
      int pivot = -1;
      for (int r = c; r < n; r++) {
        if (m[r][c].getNumerator().signum() != 0) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        return null;
      }
      BigFraction[] tmp = m[pivot];
      m[pivot] = m[c];
      m[c] = tmp;
      for (int r = 0; r < n; r++) {
        if (r != c && m[r][c].getNumerator().signum() != 0) {
          BigFraction f = m[r][c].divide(m[c][c]);
          for (int k = c; k <= n; k++) {
            m[r][k] = m[r][k].subtract(f.multiply(m[c][k]));
          }
        }
      }
    }
    BigFraction[] x = new BigFraction[n];
    for (int i = 0; i < n; i++) {
      x[i] = m[i][n].divide(m[i][i]);
    }
    return x;
  }

  private static BigFraction[][] copy(BigFraction[][] a) {
    BigFraction[][] m = new BigFraction[a.length][];
    for (int i = 0; i < a.length; i++) {
      m[i] = a[i].clone();
    }
    return m;
  }
}
