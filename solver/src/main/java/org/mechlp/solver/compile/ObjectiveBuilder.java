package org.mechlp.solver.compile;

import org.mechlp.model.Problem;
import org.mechlp.solver.lp.LinearObjective;

/** Builds the LP objective from the problem's objective terms. */
public final class ObjectiveBuilder {
  private ObjectiveBuilder() {}

  /** The objective of {@code problem} over its columns. */
  public static LinearObjective build(Problem problem, VariableIndex variables) {
    throw new UnsupportedOperationException("being written in issue #2");
  }
}
