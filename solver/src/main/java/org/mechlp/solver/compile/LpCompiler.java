package org.mechlp.solver.compile;

import java.util.ArrayList;
import java.util.List;
import org.mechlp.model.Problem;
import org.mechlp.solver.families.EpigraphFamily;
import org.mechlp.solver.families.FamilyCatalog;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;

/**
 * Compiles a problem to its linear program. It never branches on the mechanism options itself: {@link
 * FamilyCatalog} chooses the families and {@link ObjectiveBuilder} the objective.
 */
public final class LpCompiler {
  private LpCompiler() {}

  /** The LP of {@code problem}. */
  public static CompiledProblem compile(Problem problem) {
    VariableIndex variables = new VariableIndex(problem);
    List<ConstraintFamily> families = FamilyCatalog.forProblem(problem, variables);
    if (variables.hasEpigraph()) {
      // A robust or Rawlsian objective: z and its rows, last, so the constraint families keep their row numbers.
      families = new ArrayList<>(families);
      families.add(new EpigraphFamily(problem, variables));
    }
    LinearObjective objective = ObjectiveBuilder.build(problem, variables);
    LinearProgram lp =
        new LinearProgram(variables.bounds(), variables::columnName, objective, families);
    return new CompiledProblem(problem, variables, lp);
  }
}
