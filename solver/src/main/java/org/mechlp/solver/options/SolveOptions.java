package org.mechlp.solver.options;

import java.util.Locale;
import java.util.Objects;
import org.mechlp.solver.lp.BackendSettings;

/**
 * Options of a solve.
 *
 * @param solver the backend and its limits
 * @param tolerance the largest violation, in the problem's units, an answer may have and still be reported optimal
 * @param maxListedRows the most violated or binding rows a report lists (counts are always complete)
 * @param strategy how the incentive rows are handled: all at once, lazily, or chosen by size
 */
public record SolveOptions(BackendSettings solver, double tolerance, int maxListedRows, Strategy strategy) {
  /** The default tolerance: GLOP's vertices are accurate to about 1e-12, PDLP with mechlp's settings to 1e-8. */
  public static final double DEFAULT_TOLERANCE = 1e-6;

  /** The default cap on listed rows. */
  public static final int DEFAULT_MAX_LISTED_ROWS = 200;

  /**
   * How incentive rows enter the LP. Lazy generation keeps the LP small when IC rows number in the millions while
   * only a few bind at the optimum (issue #6); the answer is verified against every row either way.
   */
  public enum Strategy {
    /** Build every row and solve once. */
    FULL,
    /** Start from each type's misreports to its nearest types, add violated IC rows until none is violated. */
    LAZY,
    /**
     * Optimize over interim allocations and payments with Border's constraints added lazily (BIC single-item
     * problems with independent types; {@code org.mechlp.solver.reduced}).
     */
    REDUCED,
    /**
     * Solve over anonymous mechanisms when agents are interchangeable: one column per orbit of the agent
     * relabellings that leave the LP invariant ({@code org.mechlp.solver.symmetry}); the full LP when there are none.
     */
    SYMMETRIC,
    /**
     * Solve over expected item probabilities and utilities when one agent's values are additive over items ({@code
     * org.mechlp.solver.features}): m + 1 columns per type instead of 2^m + 1, with IC rows added lazily; the product
     * lotteries are verified against every row of the full problem.
     */
    FEATURES,
    /**
     * REDUCED when it applies and the profiles are too many for the full LP's columns, else SYMMETRIC when the LP is
     * large and agents are interchangeable, else FEATURES when the IC rows are many and one agent's values are
     * additive over items, else LAZY when the IC rows are many and their family scans fast, else FULL.
     */
    AUTO;

    /** The command-line spelling, for example {@code lazy}. */
    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public SolveOptions {
    Objects.requireNonNull(solver, "solver");
    Objects.requireNonNull(strategy, "strategy");
    if (!(tolerance >= 0)) {
      throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
    }
    if (maxListedRows < 0) {
      throw new IllegalArgumentException("maxListedRows must be >= 0, got " + maxListedRows);
    }
  }

  /** Options with the {@link Strategy#AUTO} strategy. */
  public SolveOptions(BackendSettings solver, double tolerance, int maxListedRows) {
    this(solver, tolerance, maxListedRows, Strategy.AUTO);
  }

  /** These options with another strategy. */
  public SolveOptions withStrategy(Strategy newStrategy) {
    return new SolveOptions(solver, tolerance, maxListedRows, newStrategy);
  }

  /** GLOP, no time limit, tolerance 1e-6, 200 listed rows. */
  public static SolveOptions defaults() {
    return new SolveOptions(BackendSettings.defaults(), DEFAULT_TOLERANCE, DEFAULT_MAX_LISTED_ROWS);
  }
}
