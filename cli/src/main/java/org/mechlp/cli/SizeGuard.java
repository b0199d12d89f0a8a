package org.mechlp.cli;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.mechlp.model.Problem;
import org.mechlp.solver.SolveOptions.Strategy;
import org.mechlp.solver.compile.VariableIndex;
import org.mechlp.solver.families.FamilyCatalog;
import org.mechlp.solver.lazy.StrategyChoice;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.reduced.ReducedForm;

/**
 * Refuses LPs too large to build before anything per row or column is allocated: the column count is arithmetic and
 * the constraint families know their row counts without materializing rows, so the check is exact and takes
 * milliseconds. GLOP was measured at about 608 MB for 528,384 rows, about 1.2 KB per row, which is the memory
 * estimate given in the message.
 */
final class SizeGuard {
  /** The default limit: solved in minutes by GLOP on the team's machine (README performance table). */
  static final long DEFAULT_MAX_ROWS = 2_000_000;

  private static final double BYTES_PER_ROW = 608e6 / 528_384;

  private SizeGuard() {}

  /** Why {@code problem}'s LP is refused under the automatic strategy, or empty when it is within {@code maxRows}. */
  static Optional<String> refusal(Problem problem, long maxRows) {
    return refusal(problem, maxRows, Strategy.AUTO);
  }

  /**
   * Why {@code problem}'s LP is refused, or empty when the rows actually built are within {@code maxRows}: all rows
   * for a full solve; for a lazy one the other families plus the initial IC rows (at most a few misreports per type
   * and profile), since IC rows that are never violated are never built. Rounds add violated rows beyond that
   * estimate, bounded by the batch size per round.
   */
  static Optional<String> refusal(Problem problem, long maxRows, Strategy strategy) {
    if (problem.isCalibrated()) {
      // Calibrated problems build several small LPs whose sizes depend on the grid, bounded by PosteriorGrid.
      return Optional.empty();
    }
    // Counted by arithmetic: the families know their row counts, and nothing per column or row is allocated here.
    long columns = columnCount(problem);
    if (columns > Integer.MAX_VALUE) {
      return Optional.of(String.format(Locale.ROOT,
          "%s: the LP would have %,d columns (%,d type profiles x %d outcomes and transfers), more than mechlp can"
              + " index (2^31 - 1). %s",
          problem.name(), columns, (long) problem.profiles().count(), columns / problem.profiles().count(),
          otherRemedies(problem)));
    }
    List<ConstraintFamily> families = FamilyCatalog.forProblem(problem, new VariableIndex(problem));
    StrategyChoice choice = StrategyChoice.of(problem, families, strategy);
    long rows = choice.builtRowsBound();
    long totalRows = families.stream().mapToLong(ConstraintFamily::rowCount).sum();
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

  /**
   * Why verify-certificate refuses {@code problem}'s LP, or empty when it has at most {@code maxRows} rows: the
   * check rebuilds and walks every row in exact arithmetic.
   */
  static Optional<String> verificationRefusal(Problem problem, long maxRows) {
    if (problem.isCalibrated()) {
      return Optional.empty();
    }
    long columns = columnCount(problem);
    long rows =
        columns > Integer.MAX_VALUE
            ? Long.MAX_VALUE
            : FamilyCatalog.forProblem(problem, new VariableIndex(problem)).stream()
                .mapToLong(ConstraintFamily::rowCount)
                .sum();
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

  /** The LP's column count, computed in long arithmetic (it may exceed what an int index can hold). */
  private static long columnCount(Problem problem) {
    long perProfile = problem.outcomeCount() + (problem.mechanism().transfers().allowed() ? problem.agentCount() : 0);
    return Math.multiplyExact((long) problem.profiles().count(), perProfile);
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
}
