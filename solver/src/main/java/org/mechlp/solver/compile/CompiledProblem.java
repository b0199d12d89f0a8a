package org.mechlp.solver.compile;

import java.util.Objects;
import org.mechlp.model.Problem;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.LinearProgram;

/** A problem with its columns and its linear program. */
public record CompiledProblem(Problem problem, VariableIndex variables, LinearProgram lp) {
  public CompiledProblem {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(lp, "lp");
  }
}
