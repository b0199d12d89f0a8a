package org.mechlp.solver.verify;

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
import org.mechlp.solver.lp.WrappedFamily;

/**
 * The LP whose optimum tells whether a program has an improving ray: maximize {@code c r} over the directions {@code
 * r} that keep every row and bound (each row with right-hand side 0, each finite bound pinned to a sign), capped by
 * {@code c r <= 1} so that it is always feasible ({@code r = 0}) and bounded. Its optimum is 1 when a ray exists and
 * 0 when none does, so the program, if feasible, is unbounded exactly when it is 1. The objective is written in
 * maximization form ({@code -c} for a minimization).
 */
final class RayProgram {
  private RayProgram() {}

  /** The family of the cap row {@code c r <= 1}. */
  static final String CAP_FAMILY = "ray-cap";

  /** The ray LP of {@code lp}. */
  static LinearProgram of(LinearProgram lp) {
    int n = lp.columnCount();
    BigFraction[] c = lp.objective().coefficients();
    BigFraction[] gain = new BigFraction[n];
    for (int j = 0; j < n; j++) {
      gain[j] = lp.objective().maximize() ? c[j] : c[j].negate();
    }
    List<ColumnBounds> bounds = new ArrayList<>(n);
    for (ColumnBounds b : lp.bounds()) {
      bounds.add(new ColumnBounds(b.lower() == null ? null : BigFraction.ZERO, b.upper() == null ? null : BigFraction.ZERO));
    }
    List<ConstraintFamily> families = new ArrayList<>();
    for (ConstraintFamily family : lp.families()) {
      families.add(new Homogeneous(family));
    }
    families.add(new Cap(gain));
    return new LinearProgram(bounds, lp::columnName, new LinearObjective(true, gain, BigFraction.ZERO), families);
  }

  /** A family's rows with right-hand side 0: the directions along which they keep holding. */
  private static final class Homogeneous extends WrappedFamily {
    Homogeneous(ConstraintFamily family) {
      super(family);
    }

    @Override
    public void forEachRow(Consumer<Row> sink) {
      family()
          .forEachRow(
              row ->
                  sink.accept(
                      new Row(this, row.key(), row.columns(), row.coefficients(), row.sense(), BigFraction.ZERO)));
    }
  }

  /** The single row {@code gain r <= 1}. */
  private static final class Cap implements ConstraintFamily {
    private final int[] columns;
    private final BigFraction[] coefficients;

    Cap(BigFraction[] gain) {
      List<Integer> nonZero = new ArrayList<>();
      for (int j = 0; j < gain.length; j++) {
        if (gain[j].getNumerator().signum() != 0) {
          nonZero.add(j);
        }
      }
      columns = nonZero.stream().mapToInt(Integer::intValue).toArray();
      coefficients = new BigFraction[columns.length];
      for (int k = 0; k < columns.length; k++) {
        coefficients[k] = gain[columns[k]];
      }
    }

    @Override
    public String id() {
      return CAP_FAMILY;
    }

    @Override
    public String title() {
      return "objective gain along the ray at most 1";
    }

    @Override
    public long rowCount() {
      return 1;
    }

    @Override
    public void forEachRow(Consumer<Row> sink) {
      sink.accept(new Row(this, new int[] {0}, columns, coefficients, Sense.LE, BigFraction.ONE));
    }

    @Override
    public String rowName(int[] key) {
      return CAP_FAMILY;
    }

    @Override
    public String describe(int[] key) {
      return "Ray cap: the objective gains at most 1 along the ray";
    }
  }
}
