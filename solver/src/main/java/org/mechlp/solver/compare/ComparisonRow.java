package org.mechlp.solver.compare;

import java.util.Objects;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.solver.report.SolveStatus;

/**
 * One row of a {@link Comparison}: a solution concept or a mechanism, and what it yields.
 *
 * @param id a stable key, for example {@code bic/interim-ir} or {@code built-in/vcg}
 * @param label the row in words, for example {@code BIC, IR interim}
 * @param kind what the row is
 * @param ic the incentive constraint the row imposes, or null (built-in mechanisms, disclosure rows)
 * @param ir the participation constraint the row imposes, or null
 * @param own whether the row's constraints are the problem's own ({@code mechlp solve} answers the same question)
 * @param status the verified outcome
 * @param solveStatus the verified status of the row's solve, or null when nothing was solved
 * @param objective the problem's objective at the row's mechanism, or null without one
 * @param metrics revenue, welfare, each agent's utility and the budget, or null without a mechanism
 * @param violations for a built-in mechanism, its violated rows counted by kind; else null
 * @param certification with exact certification: what was certified ("certified optimal", "certified infeasible")
 *     or why not; null without
 * @param note what else the reader should know (why a row failed or does not apply, a lower bound), or empty
 * @param nanos the time the row took
 */
public record ComparisonRow(
    String id,
    String label,
    RowKind kind,
    IcKind ic,
    IrKind ir,
    boolean own,
    RowStatus status,
    SolveStatus solveStatus,
    Quantity objective,
    Metrics metrics,
    Violations violations,
    String certification,
    String note,
    long nanos) {
  public ComparisonRow {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(status, "status");
    note = note == null ? "" : note;
  }

  /** A row that was not solved: {@link RowStatus#SAME} or {@link RowStatus#NOT_APPLICABLE}, with the reason. */
  static ComparisonRow unsolved(
      String id, String label, RowKind kind, IcKind ic, IrKind ir, RowStatus status, String note) {
    return new ComparisonRow(id, label, kind, ic, ir, false, status, null, null, null, null, null, note, 0);
  }

  /** This row, marked as the problem's own constraints or not. */
  ComparisonRow withOwn(boolean newOwn) {
    return new ComparisonRow(id, label, kind, ic, ir, newOwn, status, solveStatus, objective, metrics, violations,
        certification, note, nanos);
  }

  /** This row with the time it took. */
  ComparisonRow withNanos(long newNanos) {
    return new ComparisonRow(id, label, kind, ic, ir, own, status, solveStatus, objective, metrics, violations,
        certification, note, newNanos);
  }
}
