package org.mechlp.solver.ortools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.BasisStatus;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Sense;

/**
 * The OR-Tools adapter on LPs solved by hand (docs/adr/0005-or-tools-backend.md, Duals and basis): statuses, primal
 * values, duals with mechlp's sign convention (d objective / d right-hand side) and strong duality.
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

  static BackendSettings settings(Backend backend) {
    return new BackendSettings(backend, null, 1);
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
      names = {"GLOP", "CLP"})
  void simplexBackendsReportTheirFinalBasis(Backend backend) {
    LpResult result = solver.solve(textbook(), settings(backend));

    // By hand: x and y are basic, z sits at its lower bound 0, and both rows are tight at their upper end.
    assertThat(result.basis()).isNotNull();
    assertThat(result.basis().columns())
        .containsExactly(BasisStatus.BASIC, BasisStatus.BASIC, BasisStatus.AT_LOWER);
    assertThat(result.basis().rows()).containsExactly(BasisStatus.AT_UPPER, BasisStatus.AT_UPPER);
    assertThat(result.bestBound()).isNaN();
  }

  @Test
  void firstOrderBackendsReportNoBasis() {
    assertThat(solver.solve(textbook(), settings(Backend.PDLP)).basis()).isNull();
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

  /**
   * max 3x + 2y s.t. x + y <= 4, 0 <= x <= 1, y >= 0. By hand: x sits at its upper bound 1 and y = 3 is basic, so
   * the dual u solves 2 = u (y's column), u = 2, and x's reduced cost is 3 - u = 1; objective 9 = 2 * 4 + 1 * 1.
   * Raising the right-hand side to 5 gives y = 4 and objective 11: d objective / d rhs = 2.
   */
  static LinearProgram maxWithActiveUpperBound(long rhs) {
    return new HandFamily()
        .row(new long[] {1, 1}, Sense.LE, rhs)
        .program(
            List.of(new ColumnBounds(BigFraction.ZERO, BigFraction.ONE), ColumnBounds.NON_NEGATIVE),
            new long[] {3, 2},
            true);
  }

  /**
   * min 2x + 3y s.t. x + y >= 4, 0 <= x <= 3, y >= 0. By hand: x sits at its upper bound 3 and y = 1 is basic, so
   * u = 3 and x's reduced cost is 2 - u = -1; objective 9 = 3 * 4 + (-1) * 3. Raising the right-hand side to 5 gives
   * y = 2 and objective 12: d objective / d rhs = 3.
   */
  static LinearProgram minWithActiveUpperBound(long rhs) {
    return new HandFamily()
        .row(new long[] {1, 1}, Sense.GE, rhs)
        .program(
            List.of(new ColumnBounds(BigFraction.ZERO, new BigFraction(3)), ColumnBounds.NON_NEGATIVE),
            new long[] {2, 3},
            false);
  }

  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"GLOP", "CLP", "PDLP"})
  void dualsAreDerivativesOfTheOptimumForMaximizationAndMinimization(Backend backend) {
    LpResult max = solver.solve(maxWithActiveUpperBound(4), settings(backend));
    LpResult maxShifted = solver.solve(maxWithActiveUpperBound(5), settings(backend));
    LpResult min = solver.solve(minWithActiveUpperBound(4), settings(backend));
    LpResult minShifted = solver.solve(minWithActiveUpperBound(5), settings(backend));

    assertThat(max.objective()).isCloseTo(9, within(EPS));
    assertThat(max.duals()).containsExactly(new double[] {2}, within(EPS));
    assertThat(maxShifted.objective() - max.objective()).isCloseTo(max.duals()[0], within(EPS));
    assertThat(min.objective()).isCloseTo(9, within(EPS));
    assertThat(min.duals()).containsExactly(new double[] {3}, within(EPS));
    assertThat(minShifted.objective() - min.objective()).isCloseTo(min.duals()[0], within(EPS));
  }

  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"GLOP", "CLP", "PDLP"})
  void strongDualityHoldsWithBoundTerms(Backend backend) {
    for (LinearProgram lp : List.of(maxWithActiveUpperBound(4), minWithActiveUpperBound(4))) {
      LpResult result = solver.solve(lp, settings(backend));
      double rhs = lp.families().get(0).rows().get(0).rhs().doubleValue();
      double y = result.duals()[0];
      // The reduced cost of x (the column at its upper bound) is c_x - y * a_x, with a_x = 1.
      double reducedCostX = lp.objective().coefficients()[0].doubleValue() - y;
      double upperX = lp.bounds().get(0).upperDouble();

      assertThat(result.primal()[0]).isCloseTo(upperX, within(EPS));
      assertThat(y * rhs + reducedCostX * upperX).isCloseTo(result.objective(), within(EPS));
    }
  }

  static LinearProgram infeasible() {
    // x >= 2 and x <= 1.
    return new HandFamily()
        .row(new long[] {1}, Sense.GE, 2)
        .row(new long[] {1}, Sense.LE, 1)
        .program(List.of(ColumnBounds.FREE), new long[] {1}, true);
  }

  static LinearProgram unbounded() {
    // max x s.t. x - y <= 1 over x, y >= 0: x = 1 + y grows without limit.
    return new HandFamily()
        .row(new long[] {1, -1}, Sense.LE, 1)
        .program(List.of(ColumnBounds.NON_NEGATIVE, ColumnBounds.NON_NEGATIVE), new long[] {1, 0}, true);
  }

  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"GLOP", "CLP", "HIGHS", "SCIP", "PDLP"})
  void infeasibleLpsAreInfeasibleOnEveryBackend(Backend backend) {
    LpResult result = solver.solve(infeasible(), settings(backend));

    assertThat(result.status()).isEqualTo(LpStatus.INFEASIBLE);
    assertThat(result.primal()).isNull();
    assertThat(result.duals()).isNull();
  }

  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"GLOP", "CLP", "HIGHS", "SCIP"})
  void unboundedLpsAreUnboundedOnSimplexBackends(Backend backend) {
    LpResult result = solver.solve(unbounded(), settings(backend));

    assertThat(result.status()).isEqualTo(LpStatus.UNBOUNDED);
    assertThat(result.primal()).isNull();
  }

  @Test
  void pdlpFailsOnAnUnboundedLpAndTheMessageSaysTheConstraintsAreFeasible() {
    // Measured with OR-Tools 9.14: MPSolver's PDLP answers NOT_SOLVED here instead of UNBOUNDED.
    LpResult result = solver.solve(unbounded(), settings(Backend.PDLP));

    assertThat(result.status()).isEqualTo(LpStatus.FAILED);
    assertThat(result.message()).contains("objective may be unbounded");
  }

  /** A dense random LP, 300 x 300: GLOP needs about 40 ms and 75 iterations, far beyond a 1 ms limit. */
  static LinearProgram dense(int size) {
    Random random = new Random(1);
    HandFamily rows = new HandFamily();
    for (int r = 0; r < size; r++) {
      long[] a = new long[size];
      for (int j = 0; j < size; j++) {
        a[j] = 1 + random.nextInt(100);
      }
      rows.row(a, Sense.LE, 1000 + random.nextInt(1000));
    }
    long[] c = new long[size];
    for (int j = 0; j < size; j++) {
      c[j] = 1 + random.nextInt(100);
    }
    return rows.program(Collections.nCopies(size, ColumnBounds.NON_NEGATIVE), c, true);
  }

  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"GLOP", "CLP", "PDLP"})
  void aTimeLimitStopsTheSolveWithoutAPoint(Backend backend) {
    LpResult result =
        solver.solve(dense(300), new BackendSettings(backend, Duration.ofMillis(1), 1));

    assertThat(result.status()).isEqualTo(LpStatus.LIMIT_REACHED);
    // CLP's FEASIBLE point at a limit may violate rows (docs/adr/0005-or-tools-backend.md, Time limits): no point is
    // passed on.
    assertThat(result.primal()).isNull();
  }

  /**
   * The 2-bidder single-item DSIC + ex post IR revenue LP with values uniform on {1/k, ..., k/k}, but with the free
   * transfer columns given finite sentinel bounds [-big, big], the way docs/adr/0005-or-tools-backend.md, Accuracy made
   * GLOP fail.
   */
  static LinearProgram myersonGridWithSentinels(int k, long big) throws Exception {
    StringBuilder types = new StringBuilder();
    StringBuilder prior = new StringBuilder();
    for (int j = 1; j <= k; j++) {
      String sep = j > 1 ? "," : "";
      types.append(sep).append("{\"name\": \"v%d\", \"value\": \"%d/%d\"}".formatted(j, j, k));
      prior.append(sep).append("\"1/%d\"".formatted(k));
    }
    String agent = "{\"name\": \"%s\", \"types\": [" + types + "], \"prior\": [" + prior + "]}";
    Problem problem =
        ProblemReader.read(
            """
            {"format": "mechlp/1", "name": "grid", "agents": [%s, %s],
             "outcomes": {"shortcut": "single-item"}, "mechanism": {"ic": "dsic", "ir": "expost"},
             "objective": "revenue"}
            """
                .formatted(agent.formatted("b1"), agent.formatted("b2")),
            "grid");
    LinearProgram lp = LpCompiler.compile(problem).lp();
    ColumnBounds sentinel = new ColumnBounds(new BigFraction(-big), new BigFraction(big));
    List<ColumnBounds> bounds =
        lp.bounds().stream().map(b -> b.equals(ColumnBounds.FREE) ? sentinel : b).toList();
    return new LinearProgram(bounds, lp::columnName, lp.objective(), lp.families());
  }

  @Test
  void aGlopFailureIsRetriedWithClpAndTheMessageSaysSo() throws Exception {
    // Measured with OR-Tools 9.14: GLOP answers ABNORMAL on this LP at k = 10 with bounds +-1e9; the optimum is the
    // discrete Myerson revenue 49/100 (docs/adr/0005-or-tools-backend.md, Pure-Java alternatives).
    LpResult result = solver.solve(myersonGridWithSentinels(10, 1_000_000_000L), settings(Backend.GLOP));

    assertThat(result.status()).isEqualTo(LpStatus.OPTIMAL);
    assertThat(result.objective()).isCloseTo(0.49, within(EPS));
    assertThat(result.solverName()).startsWith("Clp");
    assertThat(result.message()).contains("GLOP failed").contains("answered by CLP");
    assertThat(result.duals()).isNotNull();
  }

  @Test
  void freeColumnsKeepInfiniteBounds() {
    // max -x s.t. x >= -3 with x free: the optimum x = -3 needs the negative half-line.
    LinearProgram lp =
        new HandFamily()
            .row(new long[] {1}, Sense.GE, -3)
            .program(List.of(ColumnBounds.FREE), new long[] {-1}, true);

    LpResult result = solver.solve(lp, new BackendSettings(Backend.GLOP, Duration.ofSeconds(10), 1));

    assertThat(result.primal()[0]).isCloseTo(-3, within(EPS));
  }

  /** max x + y s.t. 2x + 2y <= 3 over x, y in [0, 10]: the LP optimum is 3/2, with x, y integer it is 1. */
  static LinearProgram smallMip() {
    LinearProgram lp =
        new HandFamily()
            .row(new long[] {2, 2}, Sense.LE, 3)
            .program(
                List.of(
                    new ColumnBounds(BigFraction.ZERO, new BigFraction(10)),
                    new ColumnBounds(BigFraction.ZERO, new BigFraction(10))),
                new long[] {1, 1},
                true);
    BitSet both = new BitSet();
    both.set(0, 2);
    return lp.withIntegerColumns(both);
  }

  @ParameterizedTest
  @EnumSource(
      value = Backend.class,
      names = {"SCIP", "CP_SAT"})
  void integerBackendsSolveTheMipAndReportItsBound(Backend backend) {
    LpResult result = solver.solve(smallMip(), settings(backend));

    assertThat(result.status()).isEqualTo(LpStatus.OPTIMAL);
    assertThat(result.objective()).isCloseTo(1, within(EPS));
    assertThat(result.bestBound()).isCloseTo(1, within(EPS));
    assertThat(result.primal()[0] + result.primal()[1]).isCloseTo(1, within(EPS));
    assertThat(result.duals()).isNull();
  }

  @Test
  void anLpBackendRefusesIntegerColumnsInsteadOfSolvingTheRelaxation() {
    LpResult result = solver.solve(smallMip(), settings(Backend.GLOP));

    assertThat(result.status()).isEqualTo(LpStatus.FAILED);
    assertThat(result.primal()).isNull();
    assertThat(result.message()).contains("scip or cpsat");
  }

  @Test
  void anLpKeepsNoBestBound() {
    assertThat(solver.solve(textbook(), settings(Backend.SCIP)).bestBound()).isNaN();
  }

  /**
   * A multidimensional 0-1 knapsack (5 rows, 120 items, random weights 1..1000, capacities half the row sums,
   * profits correlated with the weights) that SCIP cannot close in 0.3 s; x = 0 is feasible, so SCIP's heuristics
   * always hold an incumbent. What the limit guarantees: the status is LIMIT_REACHED, the incumbent is an integral
   * feasible point whose objective the bound does not undercut (for a maximization bound >= objective).
   */
  @Test
  void aMipStoppedAtItsTimeLimitKeepsTheIncumbentAndTheBound() {
    int items = 120;
    Random random = new Random(7);
    HandFamily rows = new HandFamily();
    long[] profit = new long[items];
    for (int r = 0; r < 5; r++) {
      long[] weights = new long[items];
      long sum = 0;
      for (int j = 0; j < items; j++) {
        weights[j] = 1 + random.nextInt(1000);
        sum += weights[j];
        profit[j] += weights[j];
      }
      rows.row(weights, Sense.LE, sum / 2);
    }
    for (int j = 0; j < items; j++) {
      profit[j] = profit[j] / 5 + random.nextInt(100);
    }
    List<ColumnBounds> binary =
        Collections.nCopies(items, new ColumnBounds(BigFraction.ZERO, BigFraction.ONE));
    BitSet all = new BitSet();
    all.set(0, items);
    LinearProgram mip = rows.program(binary, profit, true).withIntegerColumns(all);

    LpResult result = solver.solve(mip, new BackendSettings(Backend.SCIP, Duration.ofMillis(300), 1));

    assertThat(result.status()).isEqualTo(LpStatus.LIMIT_REACHED);
    assertThat(result.primal()).hasSize(items);
    for (double x : result.primal()) {
      assertThat(Math.min(Math.abs(x), Math.abs(1 - x))).isLessThan(EPS);
    }
    assertThat(result.bestBound()).isGreaterThanOrEqualTo(result.objective() - EPS);
    assertThat(result.message()).contains("not proven optimal");
  }
}
