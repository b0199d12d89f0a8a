package org.mechlp.solver.compile;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Problem;
import org.mechlp.solver.families.EpigraphFamily;
import org.mechlp.solver.families.ObjectiveCoefficients;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.LinearObjective;

/**
 * Builds the LP objective from the problem's objective: the weighted sum of its terms under the prior ({@link
 * ObjectiveCoefficients}, constant 0), or, for a robust or Rawlsian objective, the epigraph variable z alone, whose
 * rows {@link EpigraphFamily} adds (maximized for a max-min or Rawlsian value, minimized for a regret or a worst-case
 * cost).
 */
public final class ObjectiveBuilder {
  private ObjectiveBuilder() {}

  /** The objective of {@code problem} over its columns. */
  public static LinearObjective build(Problem problem, VariableIndex variables) {
    if (!variables.hasEpigraph()) {
      // A regret benchmark scores the objective under one member of a prior set alone.
      int scoredBy = problem.priors().scoredBy();
      Problem scored = scoredBy >= 0 && problem.priors().isSet() ? problem.withPrior(scoredBy) : problem;
      return new LinearObjective(
          problem.objective().maximize(), ObjectiveCoefficients.of(scored, variables), BigFraction.ZERO);
    }
    BigFraction[] c = new BigFraction[variables.columnCount()];
    Arrays.fill(c, BigFraction.ZERO);
    c[variables.epigraph()] = BigFraction.ONE;
    return new LinearObjective(EpigraphFamily.maximizesZ(problem), c, BigFraction.ZERO);
  }
}
