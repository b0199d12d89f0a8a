package org.mechlp.solver.reduced;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * A small family of rows of the reduced LP (BIC, IR, budget or Border cuts in interim terms), held in memory: the
 * reduced LP has O(n k^2) rows plus the cuts, so there is nothing to stream. Row keys index the list.
 */
final class ReducedFamily implements ConstraintFamily {
  /** One row before it is bound to its family. */
  record Spec(
      String name,
      String description,
      int agent,
      int[] columns,
      BigFraction[] coefficients,
      Sense sense,
      BigFraction rhs) {}

  private final String id;
  private final String title;
  private final boolean incentive;
  private final List<Spec> specs = new ArrayList<>();

  ReducedFamily(String id, String title, boolean incentive) {
    this.id = id;
    this.title = title;
    this.incentive = incentive;
  }

  /** Appends a row; terms on the same column must already be merged. */
  void add(Spec spec) {
    specs.add(spec);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String title() {
    return title;
  }

  @Override
  public long rowCount() {
    return specs.size();
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    for (int r = 0; r < specs.size(); r++) {
      Spec s = specs.get(r);
      sink.accept(new Row(this, new int[] {r}, s.columns(), s.coefficients(), s.sense(), s.rhs()));
    }
  }

  @Override
  public String rowName(int[] key) {
    return specs.get(key[0]).name();
  }

  @Override
  public String describe(int[] key) {
    return specs.get(key[0]).description();
  }

  @Override
  public int agentOf(int[] key) {
    return specs.get(key[0]).agent();
  }

  @Override
  public boolean isIncentiveConstraint() {
    return incentive;
  }
}
