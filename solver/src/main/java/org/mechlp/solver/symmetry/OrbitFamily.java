package org.mechlp.solver.symmetry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * The rows of one original family that survive the orbit reduction, over orbit columns. Each row keeps the key of the
 * first original row that produced it (its representative), so names, descriptions and agents come from the
 * original family.
 */
final class OrbitFamily implements ConstraintFamily {
  private final ConstraintFamily original;
  private final List<Row> rows = new ArrayList<>();

  OrbitFamily(ConstraintFamily original) {
    this.original = original;
  }

  /** Adds a reduced row built from {@code representative}'s key. */
  void add(int[] key, int[] columns, BigFraction[] coefficients, Sense sense, BigFraction rhs) {
    rows.add(new Row(this, key, columns, coefficients, sense, rhs));
  }

  @Override
  public String id() {
    return original.id();
  }

  @Override
  public String title() {
    return original.title();
  }

  @Override
  public long rowCount() {
    return rows.size();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    rows.forEach(sink);
  }

  @Override
  public String rowName(int[] key) {
    return original.rowName(key);
  }

  @Override
  public String describe(int[] key) {
    return original.describe(key);
  }

  @Override
  public int agentOf(int[] key) {
    return original.agentOf(key);
  }

  @Override
  public boolean isIncentiveConstraint() {
    return original.isIncentiveConstraint();
  }
}
