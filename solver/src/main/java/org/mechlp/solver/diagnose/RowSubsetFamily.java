package org.mechlp.solver.diagnose;

import java.util.BitSet;
import java.util.Objects;
import java.util.function.Consumer;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;

/**
 * Some rows of a family, chosen by their position in the family's stream, emitted unchanged with their original
 * keys: a conflict test over a subset of rows still names and describes every row as the full problem does.
 */
final class RowSubsetFamily implements ConstraintFamily {
  private final ConstraintFamily family;
  private final BitSet chosen;

  /** The rows of {@code family} whose stream positions are set in {@code chosen}. */
  RowSubsetFamily(ConstraintFamily family, BitSet chosen) {
    this.family = Objects.requireNonNull(family, "family");
    this.chosen = (BitSet) chosen.clone();
  }

  @Override
  public String id() {
    return family.id();
  }

  @Override
  public String title() {
    return family.title();
  }

  @Override
  public long rowCount() {
    return chosen.cardinality();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    int[] position = {0};
    family.forEachRow(
        row -> {
          if (chosen.get(position[0]++)) {
            sink.accept(row);
          }
        });
  }

  @Override
  public String rowName(int[] key) {
    return family.rowName(key);
  }

  @Override
  public String describe(int[] key) {
    return family.describe(key);
  }

  @Override
  public int agentOf(int[] key) {
    return family.agentOf(key);
  }

  @Override
  public boolean isIncentiveConstraint() {
    return family.isIncentiveConstraint();
  }
}
