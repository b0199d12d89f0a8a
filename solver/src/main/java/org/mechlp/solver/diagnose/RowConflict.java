package org.mechlp.solver.diagnose;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.options.DiagnoseOptions;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * Conflicting rows inside the conflicting families. First an elastic LP: every row of those families gets a
 * non-negative elastic column per side ({@code >=} rows may rise, {@code <=} rows fall, {@code =} rows both), the
 * given families stay hard, and the sum of elastics is minimized. Its optimum is positive, and the rows with a
 * non-zero dual (or a positive elastic) form a Farkas-style support: with the given rows they are infeasible on
 * their own, because the optimal dual remains feasible for the LP restricted to them. Then a deletion filter over
 * that support, one feasibility solve per row, leaves an irreducible infeasible subset: removing any one of its
 * rows makes the rest feasible. Past the row cap or the time budget the support is reported unreduced, and says
 * so.
 */
final class RowConflict {
  private static final double SUPPORT_TOLERANCE = 1e-9;

  /**
   * The result.
   *
   * @param rows the conflicting rows, in family and stream order
   * @param rowSet how far they were reduced
   * @param note why they are not irreducible, or empty
   */
  record Result(List<Row> rows, InfeasibilityReport.RowSet rowSet, String note) {}

  private final FeasibilityOracle oracle;
  private final boolean[] given;
  private final List<Integer> conflict;
  private final List<ConstraintFamily> families;

  private RowConflict(FeasibilityOracle oracle, boolean[] given, List<Integer> conflict) {
    this.oracle = oracle;
    this.given = given;
    this.conflict = conflict;
    this.families = oracle.lp().families();
  }

  /** The conflicting rows of the {@code conflict} families, which with the given ones are infeasible. */
  static Result find(FeasibilityOracle oracle, boolean[] given, List<Integer> conflict, DiagnoseOptions limits) {
    return new RowConflict(oracle, given, conflict).run(limits);
  }

  private Result run(DiagnoseOptions limits) {
    Map<Integer, BitSet> support = elasticSupport();
    if (support == null) {
      return new Result(
          List.of(),
          InfeasibilityReport.RowSet.SKIPPED,
          "the elastic LP over the conflicting families did not end optimal with a positive deficit");
    }
    String note = "";
    if (test(support) != FeasibilityOracle.Verdict.INFEASIBLE) {
      // Numerically the support may fall short; all rows of the families conflict by construction.
      support = allRows();
      note = "the elastic LP's support was not infeasible on its own, so the filter started from every row; ";
    }
    int size = count(support);
    if (size > limits.maxCandidateRows()) {
      return new Result(
          rows(support),
          InfeasibilityReport.RowSet.NOT_REDUCED,
          note
              + "a conflicting set (not reduced to irreducible): "
              + size
              + " rows, more than the "
              + limits.maxCandidateRows()
              + " the deletion filter reduces");
    }
    boolean irreducible = true;
    for (int f : conflict) {
      BitSet rows = support.get(f);
      for (int r = rows.nextSetBit(0); r >= 0; r = rows.nextSetBit(r + 1)) {
        if (oracle.pastDeadline()) {
          return new Result(
              rows(support),
              InfeasibilityReport.RowSet.NOT_REDUCED,
              note
                  + "a conflicting set (not reduced to irreducible): the time budget of "
                  + limits.timeBudget().toSeconds()
                  + " s ran out");
        }
        rows.clear(r);
        FeasibilityOracle.Verdict verdict = test(support);
        if (verdict != FeasibilityOracle.Verdict.INFEASIBLE) {
          rows.set(r);
          if (verdict == FeasibilityOracle.Verdict.UNKNOWN) {
            irreducible = false;
          }
        }
      }
    }
    if (!irreducible) {
      return new Result(
          rows(support),
          InfeasibilityReport.RowSet.NOT_REDUCED,
          note + "a conflicting set (not reduced to irreducible): some feasibility tests were inconclusive");
    }
    return new Result(rows(support), InfeasibilityReport.RowSet.IRREDUCIBLE, note.isEmpty() ? "" : note.strip());
  }

  /** The support of the elastic LP's optimum per conflicting family, or null when it did not solve. */
  private Map<Integer, BitSet> elasticSupport() {
    LinearProgram lp = oracle.lp();
    int n = lp.columnCount();
    Map<Integer, int[]> firstElastic = new HashMap<>();
    Map<Integer, Sense[]> senses = new HashMap<>();
    int next = n;
    for (int f : conflict) {
      List<Sense> list = new ArrayList<>();
      families.get(f).forEachRow(row -> list.add(row.sense()));
      Sense[] s = list.toArray(new Sense[0]);
      int[] first = new int[s.length];
      for (int r = 0; r < s.length; r++) {
        first[r] = next;
        next += s[r] == Sense.EQ ? 2 : 1;
      }
      senses.put(f, s);
      firstElastic.put(f, first);
    }
    List<ConstraintFamily> elastic = new ArrayList<>();
    for (int f = 0; f < families.size(); f++) {
      if (given[f]) {
        elastic.add(families.get(f));
      } else if (conflict.contains(f)) {
        int[] first = firstElastic.get(f);
        Sense[] s = senses.get(f);
        elastic.add(
            new AugmentedFamily(families.get(f), (position, row) -> elasticTerms(first[position], s[position])));
      }
    }
    List<ColumnBounds> bounds = new ArrayList<>(lp.bounds());
    BigFraction[] objective = new BigFraction[next];
    for (int j = 0; j < next; j++) {
      objective[j] = j < n ? BigFraction.ZERO : BigFraction.ONE;
      if (j >= n) {
        bounds.add(ColumnBounds.NON_NEGATIVE);
      }
    }
    LinearProgram program =
        new LinearProgram(
            bounds,
            j -> j < n ? lp.columnName(j) : "elastic" + (j - n),
            new LinearObjective(false, objective, BigFraction.ZERO),
            elastic);
    VerifiedLp solved = oracle.solve(program);
    if (solved.status() != SolveStatus.OPTIMAL || !(solved.objective() > SUPPORT_TOLERANCE)) {
      return null;
    }
    double[] x = solved.result().primal();
    double[] duals = solved.result().duals();
    Map<Integer, BitSet> support = new HashMap<>();
    long rowIndex = 0;
    for (int f = 0; f < families.size(); f++) {
      if (given[f]) {
        rowIndex += families.get(f).rowCount();
      } else if (conflict.contains(f)) {
        BitSet rows = new BitSet();
        Sense[] s = senses.get(f);
        int[] first = firstElastic.get(f);
        for (int r = 0; r < s.length; r++, rowIndex++) {
          double dual = duals == null ? 0 : Math.abs(duals[(int) rowIndex]);
          double stretch = x[first[r]] + (s[r] == Sense.EQ ? x[first[r] + 1] : 0);
          if (dual > SUPPORT_TOLERANCE || stretch > SUPPORT_TOLERANCE) {
            rows.set(r);
          }
        }
        support.put(f, rows);
      }
    }
    return support;
  }

  private static List<AugmentedFamily.Term> elasticTerms(int column, Sense sense) {
    return switch (sense) {
      case GE -> List.of(new AugmentedFamily.Term(column, BigFraction.ONE));
      case LE -> List.of(new AugmentedFamily.Term(column, BigFraction.MINUS_ONE));
      case EQ ->
          List.of(
              new AugmentedFamily.Term(column, BigFraction.ONE),
              new AugmentedFamily.Term(column + 1, BigFraction.MINUS_ONE));
    };
  }

  private Map<Integer, BitSet> allRows() {
    Map<Integer, BitSet> all = new HashMap<>();
    for (int f : conflict) {
      BitSet rows = new BitSet();
      rows.set(0, (int) families.get(f).rowCount());
      all.put(f, rows);
    }
    return all;
  }

  private FeasibilityOracle.Verdict test(Map<Integer, BitSet> chosen) {
    List<ConstraintFamily> subset = new ArrayList<>();
    for (int f = 0; f < families.size(); f++) {
      if (given[f]) {
        subset.add(families.get(f));
      } else if (chosen.containsKey(f)) {
        subset.add(new RowSubsetFamily(families.get(f), chosen.get(f)));
      }
    }
    return oracle.test(subset);
  }

  private static int count(Map<Integer, BitSet> chosen) {
    return chosen.values().stream().mapToInt(BitSet::cardinality).sum();
  }

  private List<Row> rows(Map<Integer, BitSet> chosen) {
    List<Row> out = new ArrayList<>();
    for (int f : conflict) {
      new RowSubsetFamily(families.get(f), chosen.get(f)).forEachRow(out::add);
    }
    return out;
  }
}
