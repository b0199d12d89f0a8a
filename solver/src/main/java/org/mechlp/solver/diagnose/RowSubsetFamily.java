package org.mechlp.solver.diagnose;

import java.util.BitSet;
import java.util.function.Consumer;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.WrappedFamily;

/**
 * Some rows of a family, chosen by their position in the family's stream, emitted unchanged with their original
 * keys: a conflict test over a subset of rows still names and describes every row as the full problem does.
 */
final class RowSubsetFamily extends WrappedFamily {
  private final BitSet chosen;

  /** The rows of {@code family} whose stream positions are set in {@code chosen}. */
  RowSubsetFamily(ConstraintFamily family, BitSet chosen) {
    super(family);
    this.chosen = (BitSet) chosen.clone();
  }

  @Override
  public long rowCount() {
    return chosen.cardinality();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    int[] position = {0};
    family().forEachRow(
        row -> {
          if (chosen.get(position[0]++)) {
            sink.accept(row);
          }
        });
  }
}
