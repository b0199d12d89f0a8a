package org.mechlp.solver.ortools;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/** A constraint family written by hand, row by row, for backend and verifier tests: no mechanism problem needed. */
public final class HandFamily implements ConstraintFamily {
  private final List<long[]> coefficients = new ArrayList<>();
  private final List<Sense> senses = new ArrayList<>();
  private final List<Long> rhs = new ArrayList<>();

  /** Adds the row {@code sum_j coefficients[j] x_j (sense) rhs}. */
  public HandFamily row(long[] rowCoefficients, Sense sense, long rightHandSide) {
    coefficients.add(rowCoefficients.clone());
    senses.add(sense);
    rhs.add(rightHandSide);
    return this;
  }

  @Override
  public String id() {
    return "hand";
  }

  @Override
  public String title() {
    return "rows written by hand";
  }

  @Override
  public long rowCount() {
    return coefficients.size();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    for (int r = 0; r < coefficients.size(); r++) {
      long[] a = coefficients.get(r);
      List<Integer> cols = new ArrayList<>();
      for (int j = 0; j < a.length; j++) {
        if (a[j] != 0) {
          cols.add(j);
        }
      }
      int[] columns = cols.stream().mapToInt(Integer::intValue).toArray();
      BigFraction[] values = new BigFraction[columns.length];
      for (int k = 0; k < columns.length; k++) {
        values[k] = new BigFraction(a[columns[k]]);
      }
      sink.accept(
          new Row(this, new int[] {r}, columns, values, senses.get(r), new BigFraction(rhs.get(r))));
    }
  }

  @Override
  public String rowName(int[] key) {
    return "hand[" + key[0] + "]";
  }

  @Override
  public String describe(int[] key) {
    return "hand-written row " + key[0];
  }

  /** A program over these rows with the given column bounds and objective coefficients. */
  public LinearProgram program(List<ColumnBounds> bounds, long[] objective, boolean maximize) {
    BigFraction[] c = new BigFraction[objective.length];
    for (int j = 0; j < c.length; j++) {
      c[j] = new BigFraction(objective[j]);
    }
    return new LinearProgram(
        bounds, j -> "x" + j, new LinearObjective(maximize, c, BigFraction.ZERO), List.of(this));
  }
}
