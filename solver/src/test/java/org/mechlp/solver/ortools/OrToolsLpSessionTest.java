package org.mechlp.solver.ortools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/** The incremental session on a two-variable LP whose vertices and duals are computed by hand. */
class OrToolsLpSessionTest {
  /** One row {@code a x + b y <= c}, keyed by {@code key}. */
  private static Row row(ConstraintFamily family, int key, int a, int b, int c) {
    return new Row(
        family,
        new int[] {key},
        new int[] {0, 1},
        new BigFraction[] {new BigFraction(a), new BigFraction(b)},
        Sense.LE,
        new BigFraction(c));
  }

  private static final class OneRow implements ConstraintFamily {
    @Override
    public String id() {
      return "test";
    }

    @Override
    public String title() {
      return "test rows";
    }

    @Override
    public long rowCount() {
      return 1;
    }

    @Override
    public void forEachRow(Consumer<Row> sink) {
      sink.accept(row(this, 0, 1, 2, 4));
    }

    @Override
    public String rowName(int[] key) {
      return "r" + key[0];
    }

    @Override
    public String describe(int[] key) {
      return "row " + key[0];
    }
  }

  @Test
  void addedRowsTakePartInTheNextSolveAndEarlierSnapshotsStay() {
    // max x + y, x, y >= 0, x + 2y <= 4: optimum at (4, 0), value 4, dual of the row 1.
    OneRow family = new OneRow();
    LinearProgram lp =
        new LinearProgram(
            List.of(ColumnBounds.NON_NEGATIVE, ColumnBounds.NON_NEGATIVE),
            j -> "c" + j,
            new LinearObjective(true, new BigFraction[] {BigFraction.ONE, BigFraction.ONE}, BigFraction.ZERO),
            List.of(family));
    for (boolean presolve : new boolean[] {true, false}) {
      try (OrToolsLpSession session = new OrToolsLpSession(lp, BackendSettings.defaults(), presolve)) {
        LpResult first = session.solve(null);
        assertThat(first.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(first.objective()).isCloseTo(4, within(1e-12));
        assertThat(first.primal()).containsExactly(new double[] {4, 0}, within(1e-12));
        // Adding 3x + y <= 6 cuts (4, 0) off: the vertex x + 2y = 4, 3x + y = 6 is (8/5, 6/5), value 14/5; the
        // duals solve y1 + 3 y2 = 1, 2 y1 + y2 = 1: y1 = 2/5, y2 = 1/5.
        session.addRow(row(family, 1, 3, 1, 6));
        assertThat(session.rowCount()).isEqualTo(2);
        LpResult second = session.solve(null);
        assertThat(second.status()).isEqualTo(LpStatus.OPTIMAL);
        assertThat(second.objective()).isCloseTo(2.8, within(1e-12));
        assertThat(second.primal()).containsExactly(new double[] {1.6, 1.2}, within(1e-12));
        assertThat(second.duals()).containsExactly(new double[] {0.4, 0.2}, within(1e-12));
        // The first solve's arrays were copied out, so the model change did not touch them.
        assertThat(first.primal()).containsExactly(new double[] {4, 0}, within(1e-12));
      }
    }
  }
}
