package org.mechlp.solver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.RegretOptima;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.features.FeatureSolver;
import org.mechlp.solver.full.FullLpSolver;
import org.mechlp.solver.lazy.LazyIcSolver;
import org.mechlp.solver.lazy.StrategyChoice;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.reduced.ReducedFormReport;
import org.mechlp.solver.reduced.ReducedFormSolver;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.StrategyReport;
import org.mechlp.solver.symmetry.SymmetricSolve;
import org.mechlp.solver.symmetry.SymmetricSolver;
import org.mechlp.solver.symmetry.SymmetryStatistics;

/**
 * Finds an optimal mechanism: compiles the problem, solves the LP, then verifies the solver's point against every
 * row and bound independently of the solver. OPTIMAL is reported only when the backend claims optimality, the
 * largest violation is within tolerance and the recomputed objective agrees with the backend's; otherwise the
 * answer is a NUMERICAL_FAILURE with the numbers in the message. Large IC families are solved lazily ({@link
 * SolveOptions.Strategy}), with the same verification against every row.
 */
public final class MechanismSolver {
  private MechanismSolver() {}

  /** Solves {@code problem} with OR-Tools. */
  public static SolveReport solve(Problem problem, SolveOptions options) {
    return solve(problem, options, new OrToolsLpSolver());
  }

  /**
   * Solves {@code problem} with the given backend. The strategy of {@code options} applies with OR-Tools (the lazy
   * loop keeps one OR-Tools model across rounds); another backend always gets the full LP.
   */
  public static SolveReport solve(Problem given, SolveOptions options, LpSolver backend) {
    Problem problem = given;
    if (RegretOptima.needed(given)) {
      // Minimax regret: each prior's own optimum first (a failing one is the answer: no regret without it).
      List<BigFraction> optima = new ArrayList<>();
      for (int k = 0; k < given.priors().size(); k++) {
        SolveReport own = solve(RegretOptima.own(given, k), options, backend);
        if (own.status() != SolveStatus.OPTIMAL) {
          return own;
        }
        optima.add(Fractions.rationalize(own.objective()));
      }
      problem = RegretOptima.withOptima(given, optima);
    }
    return solve(StrategyPlanner.plan(problem, options.strategy(), backend instanceof OrToolsLpSolver), problem,
        options, backend);
  }

  /** Solves {@code problem} as {@code plan} (made by {@link StrategyPlanner} for this problem) says. */
  public static SolveReport solve(StrategyPlan plan, Problem problem, SolveOptions options, LpSolver backend) {
    if (plan.strategy() == SolveOptions.Strategy.REDUCED) {
      return solveReduced(problem, options, backend, plan.reason());
    }
    if (plan.strategy() == SolveOptions.Strategy.SYMMETRIC) {
      return solveSymmetric(problem, options, backend, plan.reason());
    }
    CompiledProblem compiled = plan.compiled();
    StrategyChoice choice = plan.lpChoice();
    String fallback = null;
    if (plan.strategy() == SolveOptions.Strategy.FEATURES) {
      if (backend instanceof OrToolsLpSolver && FeatureSolver.supports(options.solver().backend())) {
        FeatureSolver.Result features = FeatureSolver.solve(plan.features(), options, plan.reason());
        if (features.verified() != null) {
          LpSize size = new LpSize(features.builtRows(), (int) features.columns(), features.nonZeros());
          return FullLpSolver.report(compiled, features.verified(), size, plan.compileNanos(), features.strategy());
        }
        fallback = features.strategy().reason();
      } else {
        fallback =
            plan.reason() + "; the feature form runs on GLOP or CLP, not " + options.solver().backend().cliName()
                + ", so " + choice.strategy().cliName() + " (" + choice.reason() + ")";
      }
      if (choice.lazy() && backend instanceof OrToolsLpSolver) {
        LazyIcSolver.Result lazy = LazyIcSolver.solve(compiled, options, choice);
        if (lazy.verified() != null) {
          LpSize size =
              new LpSize(lazy.builtRows(), compiled.lp().columnCount(), lazy.verified().result().nonZeros());
          return FullLpSolver.report(compiled, lazy.verified(), size, plan.compileNanos(), lazy.strategy());
        }
        fallback = lazy.strategy().reason();
      }
      return FullLpSolver.solve(compiled, plan.compileNanos(), options, backend, fallback, choice.icRows());
    }
    if (choice.lazy()) {
      LazyIcSolver.Result lazy = LazyIcSolver.solve(compiled, options, choice);
      if (lazy.verified() != null) {
        LpSize size =
            new LpSize(lazy.builtRows(), compiled.lp().columnCount(), lazy.verified().result().nonZeros());
        return FullLpSolver.report(compiled, lazy.verified(), size, plan.compileNanos(), lazy.strategy());
      }
      fallback = lazy.strategy().reason();
    }
    return FullLpSolver.solve(
        compiled,
        plan.compileNanos(),
        options,
        backend,
        fallback != null ? fallback : choice.reason(),
        choice.icRows());
  }

  private static SolveReport solveSymmetric(Problem problem, SolveOptions options, LpSolver backend, String why) {
    // FULL for the fallback inside: without symmetry the symmetric solver solves the full LP through this class.
    SymmetricSolve solve =
        SymmetricSolver.solve(problem, options.withStrategy(SolveOptions.Strategy.FULL), backend);
    SymmetryStatistics stats = solve.statistics();
    SolveReport report = solve.report();
    double maxViolation = report.verification() == null ? Double.NaN : report.verification().maxViolation();
    String reason =
        stats.group().isTrivial()
            ? why + "; no interchangeable agents, so the full LP was solved"
            : why + String.format(Locale.ROOT, "; group order %d", stats.group().order());
    StrategyReport strategy =
        new StrategyReport(
            stats.group().isTrivial() ? "full" : "symmetric",
            reason,
            0,
            stats.reducedRows(),
            stats.fullRows(),
            List.of(),
            maxViolation);
    return report.withStrategy(strategy);
  }

  private static SolveReport solveReduced(Problem problem, SolveOptions options, LpSolver backend, String why) {
    ReducedFormSolver.Result result = ReducedFormSolver.solveAndExpand(problem, options, backend);
    ReducedFormReport reduced = result.reduced();
    String reason =
        String.format(
            Locale.ROOT,
            "%s; %d round%s, %d Border cut%s; %s",
            why,
            reduced.rounds(),
            reduced.rounds() == 1 ? "" : "s",
            reduced.borderCuts(),
            reduced.borderCuts() == 1 ? "" : "s",
            result.expanded() != null
                ? "the ex post mechanism implementing it was verified against every row of the full LP"
                : "interim rule only (Border, BIC and IR rechecked from it)");
    long icRows = 0;
    for (var agent : problem.agents()) {
      icRows += (long) agent.typeCount() * (agent.typeCount() - 1);
    }
    double maxViolation =
        result.expanded() != null && result.expanded().verification() != null
            ? result.expanded().verification().maxViolation()
            : Math.max(reduced.borderMaxViolation(), Math.max(reduced.bicMaxRegret(), reduced.irMaxShortfall()));
    StrategyReport strategy =
        new StrategyReport("reduced", reason, reduced.rounds(), icRows, icRows, List.of(), maxViolation);
    return result.asSolveReport().withStrategy(strategy);
  }
}
