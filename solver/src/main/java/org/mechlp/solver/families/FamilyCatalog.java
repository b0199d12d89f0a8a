package org.mechlp.solver.families;

import java.util.List;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.VariableIndex;
import org.mechlp.solver.lp.ConstraintFamily;

/** Chooses the constraint families a problem's mechanism options call for. */
public final class FamilyCatalog {
  private FamilyCatalog() {}

  /** The families of {@code problem}, in row order. */
  public static List<ConstraintFamily> forProblem(Problem problem, VariableIndex variables) {
    throw new UnsupportedOperationException("being written in issue #2");
  }
}
