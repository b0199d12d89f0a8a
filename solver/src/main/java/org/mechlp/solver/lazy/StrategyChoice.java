package org.mechlp.solver.lazy;

import java.util.List;
import java.util.Locale;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.options.SolveOptions.Strategy;

/**
 * The strategy a solve will run and why: {@link Strategy#AUTO} becomes lazy when the IC rows are more than {@value
 * #AUTO_LAZY_ABOVE} and their family scans fast (docs/adr/0005-or-tools-backend.md, Performance: GLOP needs seconds
 * from about 50,000 rows on, while a lazy loop solves a few thousand rows per round), else full.
 *
 * @param strategy {@link Strategy#FULL} or {@link Strategy#LAZY}
 * @param reason why, for example "auto: 160,000 IC rows"
 * @param icFamily the incentive family, or null when the problem has none
 * @param icRows the IC rows of the full problem
 * @param builtRowsBound an upper bound on the rows the backend will be given (all rows for full; the other
 *     families plus the initial IC rows for lazy, before any round adds rows)
 */
public record StrategyChoice(
    Strategy strategy, String reason, ConstraintFamily icFamily, long icRows, long builtRowsBound) {
  /** AUTO runs lazily above this many IC rows. */
  public static final long AUTO_LAZY_ABOVE = 20_000;

  /** Whether the lazy loop will run. */
  public boolean lazy() {
    return strategy == Strategy.LAZY;
  }

  /** The strategy for {@code compiled} when {@code requested} was asked for. */
  public static StrategyChoice of(CompiledProblem compiled, Strategy requested) {
    return of(compiled.problem(), compiled.lp().families(), requested);
  }

  /**
   * The strategy for {@code problem} with constraint {@code families} (from FamilyCatalog, which builds no rows):
   * lets a size check decide before the LP's columns and objective are allocated.
   */
  public static StrategyChoice of(Problem problem, List<ConstraintFamily> families, Strategy requested) {
    ConstraintFamily ic = null;
    long total = 0;
    for (ConstraintFamily family : families) {
      if (family.isIncentiveConstraint()) {
        ic = family;
      }
      total = Math.addExact(total, family.rowCount());
    }
    if (ic == null) {
      return new StrategyChoice(Strategy.FULL, requested.cliName() + ": the problem has no IC rows", null, 0, total);
    }
    long icRows = ic.rowCount();
    String rows = String.format(Locale.ROOT, "%,d IC rows", icRows);
    boolean scans = ic.hasFastScan();
    return switch (requested) {
      case FULL -> new StrategyChoice(Strategy.FULL, "requested", ic, icRows, total);
      case LAZY ->
          scans
              ? new StrategyChoice(Strategy.LAZY, "requested", ic, icRows, lazyBound(problem, total, icRows))
              : new StrategyChoice(
                  Strategy.FULL, "lazy requested, but " + ic.id() + " has no fast scan", ic, icRows, total);
      // The reduced form and symmetry are decided first (StrategyPlanner); reaching here they did not apply.
      case AUTO, REDUCED, SYMMETRIC, FEATURES ->
          scans && icRows > AUTO_LAZY_ABOVE
              ? new StrategyChoice(
                  Strategy.LAZY, "auto: " + rows, ic, icRows, lazyBound(problem, total, icRows))
              : new StrategyChoice(Strategy.FULL, "auto: " + rows, ic, icRows, total);
    };
  }

  /** Rows of the other families plus at most {@link NearestTypes#bound} misreports per type and profile. */
  private static long lazyBound(Problem problem, long total, long icRows) {
    long initial = 0;
    for (int i = 0; i < problem.agentCount(); i++) {
      initial += (long) problem.profiles().count() * NearestTypes.bound(problem.profiles().typeCount(i));
    }
    return total - icRows + Math.min(icRows, initial);
  }
}
