package org.mechlp.solver.dynamic;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Exact linear algebra on small dense rational matrices: rank, a basis of independent rows, square solves; and a
 * modular rank test that proves full rank cheaply.
 */
final class ExactMatrices {
  /** A prime below 2^31, so that products of residues fit in a long. */
  private static final long PRIME = 2_147_483_647L;
  private static final BigInteger BIG_PRIME = BigInteger.valueOf(PRIME);

  private ExactMatrices() {}

  /**
   * The rank of the matrix whose rows are the numerators of {@code rows} (each row over its own positive
   * denominator, which does not change the rank), computed exactly. Elimination modulo a prime first: the rank
   * modulo a prime never exceeds the rank over the rationals, so a full rank there is a proof of full rank; only
   * otherwise is the rank recomputed in fractions by {@link #rank}.
   */
  static int rank(ScaledVector[] rows) {
    int n = rows.length;
    int cols = n == 0 ? 0 : rows[0].length();
    long[][] m = new long[n][cols];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < cols; c++) {
        m[r][c] = rows[r].small() != null ? Math.floorMod(rows[r].small()[c], PRIME)
            : rows[r].num(c).mod(BIG_PRIME).longValue();
      }
    }
    if (modularRank(m) == Math.min(n, cols)) {
      return Math.min(n, cols);
    }
    BigFraction[][] exact = new BigFraction[n][cols];
    for (int r = 0; r < n; r++) {
      for (int c = 0; c < cols; c++) {
        exact[r][c] = rows[r].get(c);
      }
    }
    return rank(exact);
  }

  private static int modularRank(long[][] m) {
    int rows = m.length;
    int cols = rows == 0 ? 0 : m[0].length;
    int rank = 0;
    for (int c = 0; c < cols && rank < rows; c++) {
      int pivot = -1;
      for (int r = rank; r < rows; r++) {
        if (m[r][c] != 0) {
          pivot = r;
          break;
        }
      }
      if (pivot < 0) {
        continue;
      }
      long[] tmp = m[pivot];
      m[pivot] = m[rank];
      m[rank] = tmp;
      long inverse = BigInteger.valueOf(m[rank][c]).modInverse(BIG_PRIME).longValue();
      for (int r = rank + 1; r < rows; r++) {
        if (m[r][c] != 0) {
          long f = m[r][c] * inverse % PRIME;
          for (int k = c; k < cols; k++) {
            m[r][k] = Math.floorMod(m[r][k] - f * m[rank][k] % PRIME, PRIME);
          }
        }
      }
      rank++;
    }
    return rank;
  }

  /**
   * The indices of a maximal set of linearly independent rows of {@code a}, chosen greedily in order (a row is kept
   * when it is not in the span of the rows kept before it), computed exactly.
   */
  static int[] independentRows(BigFraction[][] a) {
    List<BigFraction[]> reduced = new ArrayList<>();
    List<Integer> pivots = new ArrayList<>();
    List<Integer> kept = new ArrayList<>();
    for (int r = 0; r < a.length; r++) {
      BigFraction[] v = a[r].clone();
      for (int b = 0; b < reduced.size(); b++) {
        int c = pivots.get(b);
        if (v[c].getNumerator().signum() != 0) {
          BigFraction f = v[c].divide(reduced.get(b)[c]);
          for (int k = 0; k < v.length; k++) {
            v[k] = v[k].subtract(f.multiply(reduced.get(b)[k]));
          }
        }
      }
      int pivot = -1;
      for (int c = 0; c < v.length && pivot < 0; c++) {
        if (v[c].getNumerator().signum() != 0) {
          pivot = c;
        }
      }
      if (pivot >= 0) {
        reduced.add(v);
        pivots.add(pivot);
        kept.add(r);
      }
    }
    return kept.stream().mapToInt(Integer::intValue).toArray();
  }

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
