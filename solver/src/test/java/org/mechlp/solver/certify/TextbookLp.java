package org.mechlp.solver.certify;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.ortools.HandFamily;

/**
 * The hand-solved LP of OrToolsLpSolverTest: max x + 2y - z s.t. x + y <= 4, x + 3y <= 6, x, y >= 0, 0 <= z <= 10.
 * By hand both rows bind at x = 3, y = 1, z = 0, objective 5; the duals solve u1 + u2 = 1, u1 + 3 u2 = 2, so
 * u = (1/2, 1/2), and 4/2 + 6/2 = 5. The minimization form negates the objective: optimum -5, duals -1/2, -1/2.
 */
public final class TextbookLp {
  private TextbookLp() {}

  public static LinearProgram program(boolean maximize) {
    long s = maximize ? 1 : -1;
    return new HandFamily()
        .row(new long[] {1, 1, 0}, Sense.LE, 4)
        .row(new long[] {1, 3, 0}, Sense.LE, 6)
        .program(
            List.of(
                ColumnBounds.NON_NEGATIVE,
                ColumnBounds.NON_NEGATIVE,
                new ColumnBounds(BigFraction.ZERO, new BigFraction(10))),
            new long[] {s, 2 * s, -s},
            maximize);
  }

  public static BigFraction[] fractions(String... values) {
    BigFraction[] f = new BigFraction[values.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = org.mechlp.model.Fractions.parse(values[i]).orElseThrow();
    }
    return f;
  }

  /** The hand-derived optimal certificate. */
  public static Certificate optimal(boolean maximize) {
    String dual = maximize ? "1/2" : "-1/2";
    return new Certificate(
        maximize, new BigFraction(maximize ? 5 : -5), fractions("3", "1", "0"), fractions(dual, dual));
  }
}
