package org.mechlp.solver;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.full.FullLpSolver;
import org.mechlp.solver.full.PdlpPolish;
import org.mechlp.solver.lazy.LazyIcSolver;
import org.mechlp.solver.lazy.StrategyChoice;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.reduced.ExPostExpansion;
import org.mechlp.solver.reduced.ReducedForm;
import org.mechlp.solver.reduced.ReducedFormReport;
import org.mechlp.solver.reduced.ReducedFormSolver;
import org.mechlp.solver.report.InterimSummary;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.StrategyReport;
import org.mechlp.solver.symmetry.SymmetricSolve;
import org.mechlp.solver.symmetry.SymmetricSolver;
import org.mechlp.solver.symmetry.Symmetries;
import org.mechlp.solver.symmetry.SymmetryStatistics;
import org.mechlp.solver.verify.VerifiedLp;

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
  public static SolveReport solve(Problem problem, SolveOptions options, LpSolver backend) {
    // Decided before compiling: a problem for the reduced form may have too many profiles to list its columns.
    Optional<String> reducedReason = reducedReason(problem, options.strategy());
    if (reducedReason.isPresent()) {
      return solveReduced(problem, options, backend, reducedReason.get());
    }
    long start = System.nanoTime();
    CompiledProblem compiled = LpCompiler.compile(problem);
    long compiledAt = System.nanoTime();
    Optional<String> symmetricReason = symmetricReason(compiled, options.strategy());
    if (symmetricReason.isPresent()) {
      return solveSymmetric(problem, options, backend, symmetricReason.get());
    }
    StrategyChoice choice = StrategyChoice.of(compiled, options.strategy());
    if (choice.lazy() && !(backend instanceof OrToolsLpSolver)) {
      choice =
          new StrategyChoice(
              SolveOptions.Strategy.FULL,
              choice.reason() + "; the backend is not OR-Tools, so every row is built",
              choice.icFamily(),
              choice.icRows(),
              compiled.lp().rowCount());
    }
    String fallback = null;
    if (choice.lazy()) {
      LazyIcSolver.Result lazy = LazyIcSolver.solve(compiled, options, choice);
      if (lazy.verified() != null) {
        LpSize size =
            new LpSize(lazy.builtRows(), compiled.lp().columnCount(), lazy.verified().result().nonZeros());
        return FullLpSolver.report(compiled, lazy.verified(), size, compiledAt - start, lazy.strategy());
      }
      fallback = lazy.strategy().reason();
    }
    return FullLpSolver.solve(
        compiled,
        compiledAt - start,
        options,
        backend,
        fallback != null ? fallback : choice.reason(),
        choice.icRows());
  }

  /** Rows above which AUTO looks for interchangeable agents (as for lazy IC rows, ORTOOLS.md section 9). */
  public static final long AUTO_SYMMETRIC_ABOVE_ROWS = StrategyChoice.AUTO_LAZY_ABOVE;

  /**
   * Why the symmetry reduction solves {@code compiled} under {@code strategy}, or empty when it does not: always when
   * requested (the solver itself falls back to the full LP when no agents are interchangeable), and for AUTO when
   * the LP is large and the agents' relabellings leave it invariant.
   */
  static Optional<String> symmetricReason(CompiledProblem compiled, SolveOptions.Strategy strategy) {
    if (strategy == SolveOptions.Strategy.SYMMETRIC) {
      return Optional.of("requested");
    }
    if (strategy != SolveOptions.Strategy.AUTO
        || compiled.problem().agentCount() < 2
        || compiled.lp().rowCount() <= AUTO_SYMMETRIC_ABOVE_ROWS) {
      return Optional.empty();
    }
    // One pass over the rows (Symmetries checks every candidate swap on the LP itself); the solver repeats it.
    if (Symmetries.detect(compiled).isTrivial()) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(Locale.ROOT, "auto: %,d rows and interchangeable agents", compiled.lp().rowCount()));
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

  /** Profiles above which AUTO prefers the reduced form: the ex post LP's columns grow with them. */
  public static final long AUTO_REDUCED_ABOVE_PROFILES = ExPostExpansion.MAX_PROFILES;

  /**
   * Why the reduced form solves {@code problem} under {@code strategy}, or empty when it does not. REDUCED asked for
   * on a problem it does not fit is an error with the reason.
   */
  public static Optional<String> reducedReason(Problem problem, SolveOptions.Strategy strategy) {
    if (strategy != SolveOptions.Strategy.REDUCED && strategy != SolveOptions.Strategy.AUTO) {
      return Optional.empty();
    }
    Optional<String> whyNot = ReducedForm.whyNot(problem);
    if (strategy == SolveOptions.Strategy.REDUCED) {
      if (whyNot.isPresent()) {
        throw new IllegalArgumentException("--strategy reduced: " + whyNot.get());
      }
      return Optional.of("requested");
    }
    long profiles = profileCount(problem);
    if (whyNot.isPresent() || profiles <= AUTO_REDUCED_ABOVE_PROFILES) {
      return Optional.empty();
    }
    return Optional.of(
        String.format(
            Locale.ROOT, "auto: BIC single item with independent types, %,d type profiles", profiles));
  }

  private static long profileCount(Problem problem) {
    long profiles = 1;
    for (var agent : problem.agents()) {
      profiles = Math.multiplyExact(profiles, agent.typeCount());
    }
    return profiles;
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
