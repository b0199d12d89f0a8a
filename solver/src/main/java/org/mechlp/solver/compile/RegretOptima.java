package org.mechlp.solver.compile;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Objective;
import org.mechlp.model.Problem;
import org.mechlp.model.RobustKind;

/**
 * The first stage of a minimax-regret problem (docs/THEORY.md, Robust and Rawlsian objectives): the problems whose
 * optima the regret rows need, one per prior, and the regret problem once they are known. Each solver entry point
 * solves the {@link #own} problems first (verified, and certified when it certifies) and then the problem {@link
 * #withOptima} returns.
 */
public final class RegretOptima {
  private RegretOptima() {}

  /** Whether {@code problem} asks for a regret whose priors' own optima are not known yet. */
  public static boolean needed(Problem problem) {
    Objective objective = problem.objective();
    return objective.robust() == RobustKind.REGRET
        && objective.benchmarks() == null
        && problem.priors().isSet()
        && problem.priors().scoredBy() < 0
        && !objective.isFeasibility();
  }

  /**
   * Prior {@code k}'s own problem: the objective scored under prior k alone, every constraint (those that depend on
   * the prior under every member of the set) kept.
   */
  public static Problem own(Problem problem, int k) {
    return problem
        .withPriors(problem.priors().scoredBy(k))
        .withObjective(problem.objective().withRobust(RobustKind.MAXMIN));
  }

  /** The regret problem with each prior's own optimum, in the set's order. */
  public static Problem withOptima(Problem problem, List<BigFraction> optima) {
    if (optima.size() != problem.priors().size()) {
      throw new IllegalArgumentException("one optimum per prior expected");
    }
    return problem.withObjective(problem.objective().withBenchmarks(optima));
  }
}
