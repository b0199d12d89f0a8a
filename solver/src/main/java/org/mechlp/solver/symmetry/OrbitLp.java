package org.mechlp.solver.symmetry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * The orbit reduction of a linear program invariant under a group of column permutations: one column per orbit (the
 * members' common bounds, the sum of their objective coefficients) and one row per distinct reduced row (an original
 * row with its coefficients summed per orbit; the rows of one row orbit all reduce to the same row, so they are kept
 * once). Setting every column to its orbit's value maps reduced points to symmetric points of the original LP with
 * the same objective and the same row activities, and averaging any optimal point over the group gives a symmetric
 * optimal one, so the two optima agree (docs/THEORY.md, Smaller LPs).
 *
 * <p>Building walks the original rows once and keeps only the reduced rows, plus one int per original row (which
 * reduced row it became) so the duals can be expanded too.
 */
public final class OrbitLp {
  private final LinearProgram original;
  private final LinearProgram reduced;
  private final int[] orbitOf;
  private final int[] rowToReduced;
  private final int[] rowsPerReduced;

  private OrbitLp(
      LinearProgram original, LinearProgram reduced, int[] orbitOf, int[] rowToReduced, int[] rowsPerReduced) {
    this.original = original;
    this.reduced = reduced;
    this.orbitOf = orbitOf;
    this.rowToReduced = rowToReduced;
    this.rowsPerReduced = rowsPerReduced;
  }

  /** Exact equality of reduced rows (sorted columns, coefficients, sense, right-hand side). */
  private record Key(int[] columns, BigFraction[] coefficients, Sense sense, BigFraction rhs) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && sense == k.sense
          && rhs.equals(k.rhs)
          && Arrays.equals(columns, k.columns)
          && Arrays.equals(coefficients, k.coefficients);
    }

    @Override
    public int hashCode() {
      return ((Arrays.hashCode(columns) * 31 + Arrays.hashCode(coefficients)) * 31 + sense.hashCode()) * 31
          + rhs.hashCode();
    }
  }

  /**
   * Reduces {@code lp} by the column orbits {@code orbitOf} (orbit ids 0..count-1, numbered by first member). The
   * caller guarantees that the orbits come from a group that maps the LP to itself.
   */
  public static OrbitLp reduce(LinearProgram lp, int[] orbitOf) {
    Builder builder = new Builder(lp, orbitOf);
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(builder::accept);
    }
    return builder.build();
  }

  /**
   * Builds a reduction from the original rows fed in order, so that the same walk over the rows can serve other
   * checks too ({@link InvarianceCheck}).
   */
  static final class Builder {
    private final LinearProgram lp;
    private final int[] orbitOf;
    private final int[] rowToReduced;
    private final Map<Key, Integer> seen = new HashMap<>();
    private final List<ConstraintFamily> families = new ArrayList<>();
    private ConstraintFamily currentOriginal;
    private OrbitFamily current;
    private int rows;
    private int[] perReduced = new int[16];

    Builder(LinearProgram lp, int[] orbitOf) {
      this.lp = lp;
      this.orbitOf = orbitOf.clone();
      long fullRows = lp.rowCount();
      if (fullRows > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException("more than 2^31 rows: " + fullRows);
      }
      this.rowToReduced = new int[(int) fullRows];
    }

    /** Takes the next original row (rows must come in the LP's order). */
    void accept(Row row) {
      if (row.family() != currentOriginal) {
        currentOriginal = row.family();
        current = new OrbitFamily(currentOriginal);
        families.add(current);
      }
      Key key = reducedKey(row, orbitOf);
      Integer index = seen.get(key);
      if (index == null) {
        index = seen.size();
        seen.put(key, index);
        current.add(row.key().clone(), key.columns(), key.coefficients(), key.sense(), key.rhs());
        if (index >= perReduced.length) {
          perReduced = Arrays.copyOf(perReduced, perReduced.length * 2);
        }
      }
      perReduced[index]++;
      rowToReduced[rows++] = index;
    }

    /** The reduction of the rows seen. */
    OrbitLp build() {
      if (rows != rowToReduced.length) {
        throw new IllegalStateException("saw " + rows + " of " + rowToReduced.length + " rows");
      }
      int orbits = 0;
      for (int o : orbitOf) {
        orbits = Math.max(orbits, o + 1);
      }
      int[] representative = new int[orbits];
      Arrays.fill(representative, -1);
      BigFraction[] objective = new BigFraction[orbits];
      Arrays.fill(objective, BigFraction.ZERO);
      int[] orbitSize = new int[orbits];
      BigFraction[] c = lp.objective().coefficients();
      for (int j = 0; j < orbitOf.length; j++) {
        int o = orbitOf[j];
        if (representative[o] < 0) {
          representative[o] = j;
        }
        orbitSize[o]++;
        objective[o] = objective[o].add(c[j]);
      }
      List<ColumnBounds> bounds = new ArrayList<>(orbits);
      for (int o = 0; o < orbits; o++) {
        bounds.add(lp.bounds().get(representative[o]));
      }
      families.removeIf(f -> f.rowCount() == 0);
      LinearObjective reducedObjective =
          new LinearObjective(lp.objective().maximize(), objective, lp.objective().constant());
      LinearProgram reducedLp =
          new LinearProgram(
              bounds,
              o -> orbitSize[o] == 1
                  ? lp.columnName(representative[o])
                  : lp.columnName(representative[o]) + "~" + orbitSize[o],
              reducedObjective,
              families);
      return new OrbitLp(lp, reducedLp, orbitOf, rowToReduced, Arrays.copyOf(perReduced, seen.size()));
    }
  }

  private static Key reducedKey(Row row, int[] orbitOf) {
    int[] cols = row.columns();
    long[] keyed = new long[cols.length];
    for (int i = 0; i < cols.length; i++) {
      keyed[i] = ((long) orbitOf[cols[i]] << 32) | i;
    }
    Arrays.sort(keyed);
    int[] outCols = new int[cols.length];
    BigFraction[] outCoefs = new BigFraction[cols.length];
    int kept = 0;
    int i = 0;
    while (i < keyed.length) {
      int orbit = (int) (keyed[i] >>> 32);
      BigFraction sum = row.coefficients()[(int) keyed[i]];
      i++;
      while (i < keyed.length && (int) (keyed[i] >>> 32) == orbit) {
        sum = sum.add(row.coefficients()[(int) keyed[i]]);
        i++;
      }
      if (sum.getNumerator().signum() != 0) {
        outCols[kept] = orbit;
        outCoefs[kept] = sum;
        kept++;
      }
    }
    return new Key(Arrays.copyOf(outCols, kept), Arrays.copyOf(outCoefs, kept), row.sense(), row.rhs());
  }

  /** The reduced program, to hand to a backend. */
  public LinearProgram program() {
    return reduced;
  }

  /** The original program. */
  public LinearProgram original() {
    return original;
  }

  /** The original point in which every column takes its orbit's value. */
  public double[] expandPrimal(double[] reducedPoint) {
    double[] x = new double[orbitOf.length];
    for (int j = 0; j < x.length; j++) {
      x[j] = reducedPoint[orbitOf[j]];
    }
    return x;
  }

  /**
   * Duals of the original rows from those of the reduced rows: each of the N original rows that became reduced row R
   * gets y_R / N. They satisfy the original dual constraints whenever the reduced duals satisfy the reduced ones
   * (for a column j in orbit C, the symmetric duals give sum_r a_rj λ_r = (1/|C|) sum_R y_R a'_RC = c'_C / |C|
   * = c_j), with the same dual objective, so they are optimal duals of the original LP.
   */
  public double[] expandDuals(double[] reducedDuals) {
    if (reducedDuals == null) {
      return null;
    }
    double[] duals = new double[rowToReduced.length];
    for (int r = 0; r < duals.length; r++) {
      int reducedRow = rowToReduced[r];
      duals[r] = reducedDuals[reducedRow] / rowsPerReduced[reducedRow];
    }
    return duals;
  }

  /** Number of reduced columns (orbits). */
  public int orbitCount() {
    return reduced.columnCount();
  }
}
