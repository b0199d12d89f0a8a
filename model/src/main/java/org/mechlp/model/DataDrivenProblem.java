package org.mechlp.model;

import java.util.Objects;
import org.mechlp.model.datadriven.DataDrivenSpec;
import org.mechlp.model.datadriven.Equilibrium;
import org.mechlp.model.datadriven.Estimator;
import org.mechlp.model.datadriven.AffineUtilities;

/**
 * A data-driven mechanism design problem: a problem with states whose transfers may also depend on an estimate of
 * the state observed after the allocation (docs/THEORY.md, Data-driven mechanisms). The problem's {@code designer}
 * value, when given, is the non-strategic party u_0(x, state) (a user, a platform) that the efficient rule and
 * data-driven VCG count.
 *
 * @param problem the underlying problem (agents, states, joint prior, outcomes, values, constraints, objective)
 * @param estimator what is observed after the allocation
 * @param equilibrium the solution concept
 * @param affine the affine form of the utilities when the estimator is affine, else null
 */
public record DataDrivenProblem(
    Problem problem, Estimator estimator, Equilibrium equilibrium, AffineUtilities affine) {
  public DataDrivenProblem {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(estimator, "estimator");
    Objects.requireNonNull(equilibrium, "equilibrium");
  }

  /** The data-driven view of a problem with an "estimator". */
  public static DataDrivenProblem of(Problem problem) {
    DataDrivenSpec spec = problem.dataDriven();
    if (spec == null) {
      throw new IllegalArgumentException(problem.name() + " has no \"estimator\": it is not data-driven");
    }
    return new DataDrivenProblem(problem, spec.estimator(), spec.equilibrium(), spec.affine());
  }

  /** The same problem with the estimator switched off: transfers can depend on the reports only. */
  public DataDrivenProblem messageDriven() {
    return new DataDrivenProblem(
        problem, Estimator.none(problem.outcomeCount(), problem.stateCount()), equilibrium, null);
  }

  /** The same problem with another estimator (a member of a sequence). */
  public DataDrivenProblem withEstimator(Estimator other) {
    return new DataDrivenProblem(problem, other, equilibrium, affine);
  }
}
