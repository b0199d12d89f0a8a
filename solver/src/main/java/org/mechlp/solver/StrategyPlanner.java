package org.mechlp.solver;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.families.EpigraphFamily;
import org.mechlp.solver.features.FeatureForm;
import org.mechlp.solver.families.FamilyCatalog;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lazy.StrategyChoice;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.reduced.ExPostExpansion;
import org.mechlp.solver.reduced.ReducedForm;
import org.mechlp.solver.symmetry.Symmetries;

/**
 * The one place that decides how a standard problem is solved (full, lazy, symmetric or reduced) and says why, and
 * that refuses, before any row is built, an LP too large to build. The order of the decision is:
 *
 * <ol>
 *   <li>the reduced form (interim allocations and payments with Border's constraints) when requested, or under AUTO
 *       when it applies and the type profiles are more than {@value #AUTO_REDUCED_ABOVE_PROFILES}: decided before
 *       compiling, since such a problem may have too many profiles to list the full LP's columns;
 *   <li>the symmetry reduction when requested, or under AUTO when the LP has more than {@value
 *       #AUTO_SYMMETRIC_ABOVE_ROWS} rows and the agents' relabellings leave it invariant;
 *   <li>the feature form (item probabilities and utilities instead of outcome probabilities and payments) when
 *       requested, or under AUTO when the IC rows are many and one agent's values are additive over items;
 *   <li>else lazy IC rows when requested, or under AUTO when the IC rows are many and scan fast ({@link
 *       StrategyChoice}); lazy needs a backend that keeps its model across rounds (OR-Tools), else every row is built.
 * </ol>
 */
public final class StrategyPlanner {
  /** Profiles above which AUTO prefers the reduced form: the ex post LP's columns grow with them. */
  public static final long AUTO_REDUCED_ABOVE_PROFILES = ExPostExpansion.MAX_PROFILES;

  /** Rows above which AUTO looks for interchangeable agents (the same size at which lazy IC rows start to pay). */
  public static final long AUTO_SYMMETRIC_ABOVE_ROWS = StrategyChoice.AUTO_LAZY_ABOVE;

  /** GLOP's memory per row, measured at about 608 MB for 528,384 rows: the memory estimate of a refusal. */
  private static final double BYTES_PER_ROW = 608e6 / 528_384;

  private StrategyPlanner() {}

  /**
   * The plan for a standard problem.
   *
   * @param lazyBackend whether the backend can run the lazy loop (it keeps one OR-Tools model across rounds)
   * @throws IllegalArgumentException when {@code requested} is REDUCED and the reduced form does not fit the problem
   */
  public static StrategyPlan plan(Problem problem, Strategy requested, boolean lazyBackend) {
    if (needsFullLp(problem)) {
      checkFullOnly(problem, requested);
      long start = System.nanoTime();
      CompiledProblem compiled = LpCompiler.compile(problem);
      long compileNanos = System.nanoTime() - start;
      StrategyChoice full = StrategyChoice.of(compiled, Strategy.FULL);
      return new StrategyPlan(Strategy.FULL, "a robust or Rawlsian objective is solved as one full LP", requested,
          compiled, full, compileNanos);
    }
    Optional<String> reduced = reducedReason(problem, requested);
    if (reduced.isPresent()) {
      return new StrategyPlan(Strategy.REDUCED, reduced.get(), requested, null, null, 0);
    }
    long start = System.nanoTime();
    CompiledProblem compiled = LpCompiler.compile(problem);
    long compileNanos = System.nanoTime() - start;
    StrategyChoice choice = StrategyChoice.of(compiled, requested);
    Optional<String> symmetric = symmetricReason(compiled, requested);
    if (symmetric.isPresent()) {
      return new StrategyPlan(Strategy.SYMMETRIC, symmetric.get(), requested, compiled, choice, compileNanos);
    }
    Optional<FeatureForm> features = featureForm(compiled, requested, choice);
    if (features.isPresent()) {
      String reason =
          requested == Strategy.FEATURES
              ? "requested"
              : String.format(Locale.ROOT, "auto: %,d IC rows, additive values", choice.icRows());
      return new StrategyPlan(Strategy.FEATURES, reason, requested, compiled, choice, compileNanos, features.get());
    }
    if (choice.lazy() && !lazyBackend) {
      choice =
          new StrategyChoice(
              Strategy.FULL,
              choice.reason() + "; the backend is not OR-Tools, so every row is built",
              choice.icFamily(),
              choice.icRows(),
              compiled.lp().rowCount());
    }
    return new StrategyPlan(choice.strategy(), choice.reason(), requested, compiled, choice, compileNanos);
  }

  /**
   * Why {@code problem}'s LP is refused under {@code requested}, or empty when the rows it would build are within
   * {@code maxRows}: all rows for a full solve; for a lazy one the other families plus the initial IC rows (at most a
   * few misreports per type and profile), since IC rows that are never violated are never built. The reduced form
   * and a requested symmetry reduction never build the full LP, and calibrated problems build several small LPs
   * bounded by their grid, so none of them is refused.
   *
   * @throws IllegalArgumentException when {@code requested} is REDUCED and the reduced form does not fit the problem
   */
  public static Optional<String> refusal(Problem problem, Strategy requested, long maxRows) {
    checkFullOnly(problem, requested);
    if (needsFullLp(problem)) {
      requested = Strategy.FULL;
    }
    if (problem.isCalibrated()
        || reducedReason(problem, requested).isPresent()
        || requested == Strategy.SYMMETRIC) {
      return Optional.empty();
    }
    // Counted by arithmetic: the families know their row counts, and nothing per column or row is allocated here,
    // so a problem of 10^8 profiles is refused in milliseconds instead of exhausting memory while compiling.
    long columns = columnCount(problem);
    if (columns > Integer.MAX_VALUE) {
      return Optional.of(String.format(Locale.ROOT,
          "%s: the LP would have %,d columns (%,d type profiles x %d outcomes and transfers), more than mechlp can"
              + " index (2^31 - 1). %s",
          problem.name(), columns, (long) problem.profiles().count(), columns / problem.profiles().count(),
          otherRemedies(problem)));
    }
    List<ConstraintFamily> families = FamilyCatalog.forProblem(problem, new VariableIndex(problem));
    long rows = families.stream().mapToLong(ConstraintFamily::rowCount).reduce(0, Math::addExact);
    return refusal(problem, columns, rows, StrategyChoice.of(problem, families, requested), maxRows);
  }

  /** {@link #refusal(Problem, Strategy, long)} for a plan already made. */
  public static Optional<String> refusal(StrategyPlan plan, Problem problem, long maxRows) {
    if (plan.strategy() == Strategy.REDUCED || plan.requested() == Strategy.SYMMETRIC) {
      return Optional.empty();
    }
    LinearProgram lp = plan.compiled().lp();
    return refusal(problem, lp.columnCount(), lp.rowCount(), StrategyChoice.of(plan.compiled(), plan.requested()),
        maxRows);
  }

  /**
   * Why verify-certificate refuses {@code problem}'s LP, or empty when it has at most {@code maxRows} rows: the
   * check rebuilds and walks every row in exact arithmetic. Counted by arithmetic, like {@link #refusal}.
   */
  public static Optional<String> verificationRefusal(Problem problem, long maxRows) {
    if (problem.isCalibrated()) {
      return Optional.empty();
    }
    long columns = columnCount(problem);
    long rows =
        columns > Integer.MAX_VALUE
            ? Long.MAX_VALUE
            : FamilyCatalog.forProblem(problem, new VariableIndex(problem)).stream()
                .mapToLong(ConstraintFamily::rowCount)
                .reduce(0, Math::addExact);
    if (rows <= maxRows) {
      return Optional.empty();
    }
    return Optional.of(String.format(Locale.ROOT,
        "%s: the certificate's LP would have %s rows and %,d columns, over the limit of %,d rows (--max-lp-rows);"
            + " such a certificate cannot have come from solve --exact under the same limit. Raise --max-lp-rows"
            + " to check it anyway (exact checking needs several GB at this size).",
        problem.name(), rows == Long.MAX_VALUE ? "more than 2^31" : String.format(Locale.ROOT, "%,d", rows),
        columns, maxRows));
  }

  /**
   * Whether {@code problem} must be solved as one full LP: a set of priors or an epigraph objective (robust,
   * Rawlsian) is not supported by the reduced form, the symmetry reduction or lazy IC rows.
   */
  private static boolean needsFullLp(Problem problem) {
    return problem.priors().isSet() || EpigraphFamily.applies(problem);
  }

  /**
   * Refuses a strategy other than FULL or AUTO for a problem that needs the full LP.
   *
   * @throws IllegalArgumentException when {@code requested} is another strategy
   */
  private static void checkFullOnly(Problem problem, Strategy requested) {
    if (needsFullLp(problem) && requested != Strategy.FULL && requested != Strategy.AUTO) {
      throw new IllegalArgumentException("--strategy " + requested.name().toLowerCase(Locale.ROOT)
          + ": a set of priors or a Rawlsian objective is solved as one full LP; use --strategy full or auto");
    }
  }

  /** The LP's column count in long arithmetic (it may exceed what an int index can hold). */
  private static long columnCount(Problem problem) {
    long perProfile = problem.outcomeCount() + (problem.mechanism().transfers().allowed() ? problem.agentCount() : 0);
    return Math.multiplyExact((long) problem.profiles().count(), perProfile);
  }

  private static Optional<String> refusal(
      Problem problem, long columns, long totalRows, StrategyChoice choice, long maxRows) {
    long rows = choice.builtRowsBound();
    if (rows <= maxRows) {
      return Optional.empty();
    }
    if (choice.lazy()) {
      return Optional.of(
          String.format(
              Locale.ROOT,
              "%s: even lazily the LP would start with up to %,d rows (every non-IC row plus a few misreports per"
                  + " type; %,d IC rows in all) and %,d columns (about %.1f GB for GLOP at ~1.2 KB per row), over"
                  + " the limit of %,d rows (--max-lp-rows). Fewer types or outcomes shrink it.",
              problem.name(),
              rows,
              choice.icRows(),
              columns,
              rows * BYTES_PER_ROW / 1e9,
              maxRows));
    }
    boolean lazyHelps =
        choice.icFamily() != null && choice.icFamily().hasFastScan() && totalRows - choice.icRows() <= maxRows;
    return Optional.of(
        String.format(
            Locale.ROOT,
            "%s: the LP would have %,d rows and %,d columns (about %.1f GB for GLOP at ~1.2 KB per row), over the"
                + " limit of %,d rows (--max-lp-rows). %s",
            problem.name(),
            rows,
            columns,
            rows * BYTES_PER_ROW / 1e9,
            maxRows,
            lazyHelps
                ? "--strategy lazy builds only the IC rows that are violated along the way."
                : otherRemedies(problem)));
  }

  /** What else makes the problem solvable when lazy IC rows do not help. */
  private static String otherRemedies(Problem problem) {
    if (ReducedForm.applies(problem)) {
      return "--strategy reduced solves it over interim allocations and payments (2nk columns) instead.";
    }
    String shrink =
        "Fewer types or outcomes, or a looser IC notion (BIC rows grow with types, not profiles), shrink it";
    return problem.agentCount() > 1
        ? shrink + "; if the agents are interchangeable, --strategy symmetric solves a much smaller LP."
        : shrink + ".";
  }

  /**
   * Why the reduced form solves {@code problem} under {@code strategy}, or empty when it does not. REDUCED asked for
   * on a problem it does not fit is an error with the reason.
   */
  static Optional<String> reducedReason(Problem problem, Strategy strategy) {
    if (problem.isCalibrated() || strategy != Strategy.REDUCED && strategy != Strategy.AUTO) {
      return Optional.empty();
    }
    Optional<String> whyNot = ReducedForm.whyNot(problem);
    if (strategy == Strategy.REDUCED) {
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
        String.format(Locale.ROOT, "auto: BIC single item with independent types, %,d type profiles", profiles));
  }

  /**
   * The feature form of {@code compiled} when it solves the problem under {@code requested}: when requested, or for
   * AUTO when the IC rows are more than {@link StrategyChoice#AUTO_LAZY_ABOVE} (below, the full LP is fast and
   * certified exactly by default). FEATURES asked for on a problem it does not fit is an error with the reason.
   */
  private static Optional<FeatureForm> featureForm(
      CompiledProblem compiled, Strategy requested, StrategyChoice choice) {
    if (requested != Strategy.FEATURES
        && (requested != Strategy.AUTO || choice.icRows() <= StrategyChoice.AUTO_LAZY_ABOVE)) {
      return Optional.empty();
    }
    FeatureForm.Result form = FeatureForm.of(compiled);
    if (!form.applies() && requested == Strategy.FEATURES) {
      throw new IllegalArgumentException("--strategy features: " + form.whyNot());
    }
    return Optional.ofNullable(form.form());
  }

  /**
   * Why the symmetry reduction solves {@code compiled} under {@code strategy}, or empty when it does not: always when
   * requested (the symmetric solver itself falls back to the full LP when no agents are interchangeable), and for
   * AUTO when the LP is large and the agents' relabellings leave it invariant.
   */
  private static Optional<String> symmetricReason(CompiledProblem compiled, Strategy strategy) {
    if (strategy == Strategy.SYMMETRIC) {
      return Optional.of("requested");
    }
    if (strategy != Strategy.AUTO
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

  private static long profileCount(Problem problem) {
    long profiles = 1;
    for (var agent : problem.agents()) {
      profiles = Math.multiplyExact(profiles, agent.typeCount());
    }
    return profiles;
  }
}
