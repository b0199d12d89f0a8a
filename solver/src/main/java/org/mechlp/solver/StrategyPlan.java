package org.mechlp.solver;

import java.util.Objects;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.features.FeatureForm;
import org.mechlp.solver.lazy.StrategyChoice;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;

/**
 * How a standard problem will be solved, decided once by {@link StrategyPlanner} before anything is solved.
 *
 * @param strategy the strategy that will run: {@link Strategy#FULL}, {@link Strategy#LAZY}, {@link
 *     Strategy#SYMMETRIC} or {@link Strategy#REDUCED}, never {@link Strategy#AUTO}
 * @param reason why, in words, for example "auto: 160,000 IC rows"
 * @param requested the strategy the user asked for
 * @param compiled the compiled full LP, or null for the reduced form (which never lists the full LP's columns)
 * @param lpChoice the full-or-lazy choice over the full LP (its IC family and row bound), or null for the reduced
 *     form; a symmetric plan keeps it for the size estimate
 * @param compileNanos the time spent compiling the full LP (0 for the reduced form)
 * @param features the feature form when the plan is {@link Strategy#FEATURES}, else null
 */
public record StrategyPlan(
    Strategy strategy, String reason, Strategy requested, CompiledProblem compiled, StrategyChoice lpChoice,
    long compileNanos, FeatureForm features) {
  public StrategyPlan {
    Objects.requireNonNull(strategy, "strategy");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(requested, "requested");
    if (strategy == Strategy.AUTO) {
      throw new IllegalArgumentException("a plan names the strategy that runs, not AUTO");
    }
    if ((strategy == Strategy.FEATURES) != (features != null)) {
      throw new IllegalArgumentException("a feature plan, and only one, carries its feature form");
    }
  }

  /** A plan that does not solve over features. */
  public StrategyPlan(
      Strategy strategy, String reason, Strategy requested, CompiledProblem compiled, StrategyChoice lpChoice,
      long compileNanos) {
    this(strategy, reason, requested, compiled, lpChoice, compileNanos, null);
  }
}
