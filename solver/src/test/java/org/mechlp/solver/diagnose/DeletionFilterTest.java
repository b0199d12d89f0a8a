package org.mechlp.solver.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.options.DiagnoseOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.HandFamily;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.testing.Toys;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/** The family and row deletion filters on hand-written LPs, checked by hand and against ojAlgo. */
class DeletionFilterTest {
  private static final long FAR = 60_000_000_000L;

  private static LinearProgram program(int columns, List<ColumnBounds> bounds, List<ConstraintFamily> families) {
    BigFraction[] zero = new BigFraction[columns];
    Arrays.fill(zero, BigFraction.ZERO);
    return new LinearProgram(bounds, j -> "x" + j, new LinearObjective(false, zero, BigFraction.ZERO), families);
  }

  private static FeasibilityOracle oracle(LinearProgram lp) {
    return new FeasibilityOracle(lp, new OrToolsLpSolver(), SolveOptions.defaults(), 0, System.nanoTime() + FAR);
  }

  @Test
  void findsTheUniqueIrreducibleSetByHand() {
    // x0, x1 >= 0. A: x0 + x1 <= 1, D: x0 <= 5 | B: x0 >= 1, C: x1 >= 1 | E: x0 - x1 <= 3.
    // (1, 1) satisfies every row but A, so every infeasible subset contains A; A+B (point (1, 0)) and A+C (point
    // (0, 1)) are feasible with D and E, while A+B+C is not (x0 + x1 >= 2 > 1). So {A, B, C} is the only
    // irreducible infeasible subset, and {first, second} the only minimal family set.
    HandFamily first = new HandFamily().row(new long[] {1, 1}, Sense.LE, 1).row(new long[] {1, 0}, Sense.LE, 5);
    HandFamily second = new HandFamily().row(new long[] {1, 0}, Sense.GE, 1).row(new long[] {0, 1}, Sense.GE, 1);
    HandFamily third = new HandFamily().row(new long[] {1, -1}, Sense.LE, 3);
    LinearProgram lp =
        program(2, List.of(ColumnBounds.NON_NEGATIVE, ColumnBounds.NON_NEGATIVE), List.of(first, second, third));
    FeasibilityOracle oracle = oracle(lp);
    boolean[] given = new boolean[3];

    FamilyConflict.Result families = FamilyConflict.find(oracle, given);
    assertThat(families.conflict()).containsExactly(0, 1);
    assertThat(families.minimal()).isTrue();

    RowConflict.Result rows = RowConflict.find(oracle, given, List.of(0, 1, 2), DiagnoseOptions.defaults());
    assertThat(rows.rowSet()).isEqualTo(InfeasibilityReport.RowSet.IRREDUCIBLE);
    assertThat(rows.rows())
        .extracting(r -> (r.family() == first ? "A" : "") + (r.family() == second ? "B" : "") + r.key()[0])
        .containsExactly("A0", "B0", "B1");
  }

  @Test
  void aCapBelowTheSupportReportsTheSetUnreduced() {
    HandFamily rows =
        new HandFamily()
            .row(new long[] {1, 1}, Sense.LE, 1)
            .row(new long[] {1, 0}, Sense.GE, 1)
            .row(new long[] {0, 1}, Sense.GE, 1);
    LinearProgram lp = program(2, List.of(ColumnBounds.NON_NEGATIVE, ColumnBounds.NON_NEGATIVE), List.of(rows));
    RowConflict.Result result =
        RowConflict.find(
            oracle(lp),
            new boolean[1],
            List.of(0),
            new DiagnoseOptions(50_000, 2, DiagnoseOptions.DEFAULT_TIME_BUDGET));
    assertThat(result.rowSet()).isEqualTo(InfeasibilityReport.RowSet.NOT_REDUCED);
    assertThat(result.note()).contains("not reduced to irreducible");
    assertThat(result.rows()).hasSize(3);
  }

  @Test
  void aFeasibleProblemGetsNoDiagnosis() {
    // One buyer, BIC + interim IR, no budget: posting any price is feasible.
    assertThat(InfeasibilityDiagnosis.diagnose(Toys.oneBuyer(), SolveOptions.defaults(), DiagnoseOptions.defaults()))
        .isEmpty();
  }

  /** Random systems of 4 to 8 rows over x in [0, 4]^3 with small integer data. */
  @Provide
  Arbitrary<long[][]> systems() {
    // Each row: a0 a1 a2 sense(0 <=, 1 >=, 2 =) rhs.
    Arbitrary<long[]> row =
        Arbitraries.longs()
            .between(-3, 3)
            .array(long[].class)
            .ofSize(3)
            .flatMap(
                a ->
                    Arbitraries.longs()
                        .between(0, 2)
                        .flatMap(
                            s ->
                                Arbitraries.longs()
                                    .between(-4, 8)
                                    .map(b -> new long[] {a[0], a[1], a[2], s, b})));
    return row.array(long[][].class).ofMinSize(4).ofMaxSize(8);
  }

  @Property(tries = 60)
  void theRowFilterLeavesAnIrreducibleInfeasibleSubset(@ForAll("systems") long[][] system) {
    HandFamily family = new HandFamily();
    for (long[] r : system) {
      family.row(new long[] {r[0], r[1], r[2]}, Sense.values()[(int) r[3]], r[4]);
    }
    ColumnBounds box = new ColumnBounds(BigFraction.ZERO, new BigFraction(4));
    LinearProgram lp = program(3, List.of(box, box, box), List.of(family));
    List<Integer> all = new ArrayList<>();
    for (int r = 0; r < system.length; r++) {
      all.add(r);
    }
    boolean feasible = ojAlgoFeasible(system, all);
    // Guard against a generator that never produces a conflict: at least a fifth of the tries must be infeasible.
    Statistics.label("feasible").collect(feasible);
    Statistics.label("feasible").coverage(c -> c.check(false).percentage(p -> p >= 20));
    if (feasible) {
      return;
    }
    RowConflict.Result result = RowConflict.find(oracle(lp), new boolean[1], List.of(0), DiagnoseOptions.defaults());
    assertThat(result.rowSet()).isEqualTo(InfeasibilityReport.RowSet.IRREDUCIBLE);
    List<Integer> kept = result.rows().stream().map(Row::key).map(k -> k[0]).toList();
    // Independent check with ojAlgo: the kept rows conflict, and dropping any one of them removes the conflict.
    assertThat(ojAlgoFeasible(system, kept)).as("kept rows %s", kept).isFalse();
    for (int dropped : kept) {
      List<Integer> rest = new ArrayList<>(kept);
      rest.remove(Integer.valueOf(dropped));
      assertThat(ojAlgoFeasible(system, rest)).as("kept %s without %d", kept, dropped).isTrue();
    }
  }

  private static boolean ojAlgoFeasible(long[][] system, List<Integer> rows) {
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[] x = new Variable[3];
    for (int j = 0; j < 3; j++) {
      x[j] = model.addVariable("x" + j).lower(0).upper(4).weight(0);
    }
    for (int r : rows) {
      long[] row = system[r];
      Expression e = model.addExpression("r" + r);
      for (int j = 0; j < 3; j++) {
        e.set(x[j], row[j]);
      }
      switch ((int) row[3]) {
        case 0 -> e.upper(row[4]);
        case 1 -> e.lower(row[4]);
        default -> e.level(row[4]);
      }
    }
    Optimisation.Result result = model.minimise();
    return result.getState().isFeasible();
  }
}
