package org.mechlp.solver.diagnose;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Why a problem is infeasible: the constraint families that cannot hold together, a set of named rows inside them
 * that conflict, and the least relaxation of each kind that restores feasibility, in the problem's units.
 *
 * @param families a minimal set of conflicting families (each one is needed for the conflict); empty when the
 *     problem's definition alone (lotteries, a fixed allocation) is infeasible
 * @param givenFamilies the families taken as part of the problem's definition and never dropped
 * @param rows the conflicting rows of {@code families} (the given families' rows hold throughout), or empty when the
 *     row level was skipped
 * @param rowSet how far {@code rows} was reduced
 * @param rowNote why the row set is not irreducible or was skipped, or empty
 * @param relaxations the least relaxations, one per relaxable kind in {@code families}
 * @param lpSolves LP solves the diagnosis used
 * @param familyNanos time of the family deletion filter
 * @param rowNanos time of the row level
 * @param relaxationNanos time of the relaxation LPs
 */
public record InfeasibilityReport(
    List<ConflictFamily> families,
    List<ConflictFamily> givenFamilies,
    List<ConflictRow> rows,
    RowSet rowSet,
    String rowNote,
    List<Relaxation> relaxations,
    int lpSolves,
    long familyNanos,
    long rowNanos,
    long relaxationNanos) {
  public InfeasibilityReport {
    families = List.copyOf(families);
    givenFamilies = List.copyOf(givenFamilies);
    rows = List.copyOf(rows);
    Objects.requireNonNull(rowSet, "rowSet");
    Objects.requireNonNull(rowNote, "rowNote");
    relaxations = List.copyOf(relaxations);
  }

  /** How far the conflicting row set was reduced. */
  public enum RowSet {
    /** Removing any one row makes the rest feasible (each was re-solved). */
    IRREDUCIBLE,
    /** The rows conflict, but some may be superfluous (a cap or the time budget stopped the reduction). */
    NOT_REDUCED,
    /** The row level did not run (the LP is large, or a solve failed); see the note. */
    SKIPPED
  }

  /** A constraint family in the conflict: its id ({@code ic-bic}) and its title in words. */
  public record ConflictFamily(String id, String title) {}

  /**
   * A conflicting row.
   *
   * @param name the row's name, as in every mechlp report
   * @param words the row in words
   * @param family the family id
   * @param agent the agent the row protects, or -1
   */
  public record ConflictRow(String name, String words, String family, int agent) {}

  /** The kind of a least relaxation. */
  public enum RelaxationKind {
    /** A subsidy: the budget may run an (expected) deficit. */
    BUDGET,
    /** A uniform shortfall below every IR row's outside option. */
    IR,
    /** A uniform epsilon on every incentive constraint. */
    IC,
    /** Each custom constraint's constant moved, in its loosening direction, by its own amount; the total counts. */
    CUSTOM
  }

  /**
   * The least relaxation of one kind that restores feasibility, all other constraints kept.
   *
   * @param kind what is relaxed
   * @param family the family relaxed
   * @param value the least amount, or null when relaxing this family alone does not restore feasibility (or the
   *     relaxation LP failed: see {@code words})
   * @param exact the amount as a fraction when the value rationalizes cleanly (small denominator), else null
   * @param words the relaxation in words, for example "needs an expected subsidy of at least 1/12"
   * @param certification null when exact certification was not asked for; else "certified" when the least amount
   *     is a proven optimum (then {@code exact} is that optimum), or "not certified: reason"
   */
  public record Relaxation(
      RelaxationKind kind, String family, Double value, BigFraction exact, String words, String certification) {
    /** A relaxation read from floating point, with no exact certification attempted. */
    public Relaxation(RelaxationKind kind, String family, Double value, BigFraction exact, String words) {
      this(kind, family, value, exact, words, null);
    }

    /** Whether the least amount is a proven exact optimum. */
    public boolean certified() {
      return "certified".equals(certification);
    }
  }

  /** The conflicting families joined in words, for example "ic-bic + ir-interim + budget-exante". */
  public String familySummary() {
    if (families.isEmpty()) {
      return "the problem's definition itself";
    }
    StringBuilder sb = new StringBuilder();
    for (ConflictFamily f : families) {
      if (sb.length() > 0) {
        sb.append(" + ");
      }
      sb.append(f.id());
    }
    return sb.toString();
  }
}
