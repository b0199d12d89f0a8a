package org.mechlp.solver.lp;

import java.util.Objects;

/**
 * A family built on another one whose rows it changes or filters but whose rows keep their keys, so the naming
 * methods (id, title, row names, descriptions, agents, incentive flag) are the wrapped family's and a report on the
 * derived LP reads like one on the original. Subclasses supply {@link #forEachRow} and, if they emit a different
 * number of rows, {@link #rowCount}.
 */
public abstract class WrappedFamily implements ConstraintFamily {
  private final ConstraintFamily family;

  /** Wraps {@code family}. */
  protected WrappedFamily(ConstraintFamily family) {
    this.family = Objects.requireNonNull(family, "family");
  }

  /** The wrapped family, whose rows the subclass streams. */
  protected final ConstraintFamily family() {
    return family;
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
    return family.rowCount();
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
