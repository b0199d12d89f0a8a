package org.mechlp.solver.ortools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.lp.SolverSettings;

/**
 * The OR-Tools adapter on LPs solved by hand (ORTOOLS.md section 3): statuses, primal values, duals with mechlp's
 * sign convention (d objective / d right-hand side) and strong duality.
 */
class OrToolsLpSolverTest {
  private static final double EPS = 1e-7;
  private final OrToolsLpSolver solver = new OrToolsLpSolver();

  /**
   * max x + 2y - z s.t. x + y <= 4, x + 3y <= 6, x, y >= 0, 0 <= z <= 10. By hand: both rows bind at x = 3, y = 1,
   * z = 0, objective 5; the duals solve u1 + u2 = 1, u1 + 3 u2 = 2, so u = (1/2, 1/2); and 4/2 + 6/2 = 5.
   */
  static LinearProgram textbook() {
    return new HandFamily()
        .row(new long[] {1, 1, 0}, Sense.LE, 4)
        .row(new long[] {1, 3, 0}, Sense.LE, 6)
        .program(
            List.of(
                ColumnBounds.NON_NEGATIVE,
                ColumnBounds.NON_NEGATIVE,
                new ColumnBounds(BigFraction.ZERO, new BigFraction(10))),
            new long[] {1, 2, -1},
            true);
  }

  static SolverSettings settings(Backend backend) {
    return new SolverSettings(backend, null, 1);
  }

  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"GLOP", "CLP", "PDLP"})
  void reliableBackendsReturnPrimalDualsAndStrongDuality(Backend backend) {
    LpResult result = solver.solve(textbook(), settings(backend));

    assertThat(result.status()).isEqualTo(LpStatus.OPTIMAL);
    assertThat(result.objective()).isCloseTo(5, within(EPS));
    assertThat(result.primal()).containsExactly(new double[] {3, 1, 0}, within(EPS));
    assertThat(result.duals()).containsExactly(new double[] {0.5, 0.5}, within(EPS));
    double dualObjective = result.duals()[0] * 4 + result.duals()[1] * 6;
    assertThat(dualObjective).isCloseTo(result.objective(), within(EPS));
    assertThat(result.nonZeros()).isEqualTo(4);
  }

  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"HIGHS", "SCIP"})
  void otherBackendsSolveButGiveNoDuals(Backend backend) {
    LpResult result = solver.solve(textbook(), settings(backend));

    assertThat(result.status()).isEqualTo(LpStatus.OPTIMAL);
    assertThat(result.objective()).isCloseTo(5, within(EPS));
    // HiGHS through OR-Tools 9.14 puts row activities (4, 6) where duals belong: mechlp must not pass them on.
    assertThat(result.duals()).isNull();
  }

  @Test
  void dualsOfAMinimizationAreAlsoDerivativesOfTheObjective() {
    // min 2x + 3y s.t. x + y >= 4, x >= 1 (as a row): at x = 4, y = 0 the objective is 8; raising the first
    // right-hand side by 1 raises it by 2 (dual 2); the second row is slack (dual 0).
    LinearProgram lp =
        new HandFamily()
            .row(new long[] {1, 1}, Sense.GE, 4)
            .row(new long[] {1, 0}, Sense.GE, 1)
            .program(List.of(ColumnBounds.NON_NEGATIVE, ColumnBounds.NON_NEGATIVE), new long[] {2, 3}, false);

    LpResult result = solver.solve(lp, settings(Backend.GLOP));

    assertThat(result.objective()).isCloseTo(8, within(EPS));
    assertThat(result.duals()).containsExactly(new double[] {2, 0}, within(EPS));
  }

  @Test
  void infeasibleAndUnboundedAreReportedAsSuch() {
    LinearProgram infeasible =
        new HandFamily()
            .row(new long[] {1}, Sense.GE, 2)
            .row(new long[] {1}, Sense.LE, 1)
            .program(List.of(ColumnBounds.FREE), new long[] {1}, true);
    LinearProgram unbounded =
        new HandFamily()
            .row(new long[] {1, -1}, Sense.LE, 1)
            .program(List.of(ColumnBounds.NON_NEGATIVE, ColumnBounds.NON_NEGATIVE), new long[] {1, 0}, true);

    assertThat(solver.solve(infeasible, settings(Backend.GLOP)).status()).isEqualTo(LpStatus.INFEASIBLE);
    assertThat(solver.solve(unbounded, settings(Backend.GLOP)).status()).isEqualTo(LpStatus.UNBOUNDED);
    assertThat(solver.solve(infeasible, settings(Backend.GLOP)).primal()).isNull();
  }

  @Test
  void freeColumnsKeepInfiniteBounds() {
    // max -x s.t. x >= -3 with x free: the optimum x = -3 needs the negative half-line.
    LinearProgram lp =
        new HandFamily()
            .row(new long[] {1}, Sense.GE, -3)
            .program(List.of(ColumnBounds.FREE), new long[] {-1}, true);

    LpResult result = solver.solve(lp, new SolverSettings(Backend.GLOP, Duration.ofSeconds(10), 1));

    assertThat(result.primal()[0]).isCloseTo(-3, within(EPS));
  }
}
