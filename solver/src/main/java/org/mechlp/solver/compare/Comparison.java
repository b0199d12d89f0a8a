package org.mechlp.solver.compare;

import java.util.List;
import org.mechlp.model.Problem;

/**
 * A problem's solution concepts side by side ({@code mechlp compare}): one verified {@link ComparisonRow} per
 * concept or mechanism, in a fixed order, and the named {@link Gap}s between them.
 *
 * @param problem the problem compared
 * @param exact whether every optimum was certified in exact arithmetic
 * @param rows the rows, in the order {@link Comparisons} lists them (independent of the number of threads)
 * @param gaps the named gaps whose two rows both have a value
 */
public record Comparison(Problem problem, boolean exact, List<ComparisonRow> rows, List<Gap> gaps) {
  public Comparison {
    rows = List.copyOf(rows);
    gaps = List.copyOf(gaps);
  }

  /**
   * The process exit code, by the rules of {@code solve} and {@code batch}: 4 when some row failed (a solver
   * failure, a limit, an answer not verified or, with exact certification, not certified); else 3 when the row of
   * the problem's own constraints is infeasible or unbounded (what {@code solve} would answer); else 0. An
   * infeasible row under other constraints, or a built-in mechanism's violations, are answers, not failures.
   */
  public int exitCode() {
    if (rows.stream().anyMatch(r -> r.status() == RowStatus.FAILED)) {
      return 4;
    }
    boolean ownAnsweredNo =
        rows.stream()
            .anyMatch(r -> r.own() && (r.status() == RowStatus.INFEASIBLE || r.status() == RowStatus.UNBOUNDED));
    return ownAnsweredNo ? 3 : 0;
  }

  /** The row with this id, or null. */
  public ComparisonRow row(String id) {
    return rows.stream().filter(r -> r.id().equals(id)).findFirst().orElse(null);
  }
}
