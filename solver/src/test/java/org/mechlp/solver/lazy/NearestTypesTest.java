package org.mechlp.solver.lazy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.testing.Grids;

/** Nearest types and the automatic strategy choice on the two-item grid, against hand-computed distances. */
class NearestTypesTest {
  @Test
  void gridNeighboursAreTheAxisAndAntiDiagonalNeighbours() {
    // Type (a, b) has valuation vector (0, a, b, a + b). A step (da, db) moves it by da^2 + db^2 + (da + db)^2:
    // 2 for (±1, 0), (0, ±1), (1, -1), (-1, 1); 6 for (1, 1), (-1, -1); 8 for (±2, 0). So the six at 2 tie.
    Problem grid = Grids.twoItems(5, "bic", "interim");
    int[][][] nearest = NearestTypes.of(grid);
    int center = (3 - 1) * 5 + (3 - 1); // (a, b) = (3, 3); types are listed a-major
    assertThat(nearest[0][center])
        .containsExactlyInAnyOrder(index(2, 3), index(4, 3), index(3, 2), index(3, 4), index(2, 4), index(4, 2));
    // A corner (1, 1) has only (2, 1), (1, 2) at 2; then (2, 2) at 6 and (3, 1), (1, 3) at 8: four nearest, the
    // fourth, (3, 1), tied with (1, 3).
    assertThat(nearest[0][index(1, 1)])
        .containsExactlyInAnyOrder(index(2, 1), index(1, 2), index(2, 2), index(3, 1), index(1, 3));
  }

  @Test
  void downwardKeepsTheNearestTypesWithSmallerValueSums() {
    // The value sum of (a, b) is a + b + (a + b) = 2(a + b). Of the six tied neighbours of (3, 3) (sum 12), only
    // (2, 3) and (3, 2) sum to less (10); the anti-diagonal ones tie at 12 and are left out.
    Problem grid = Grids.twoItems(5, "bic", "interim");
    int[][][] downward = NearestTypes.downward(grid);
    assertThat(downward[0][index(3, 3)]).containsExactlyInAnyOrder(index(2, 3), index(3, 2));
    // The lowest type (1, 1) has no lower type; its neighbours (2, 1), (1, 2), (2, 2), (3, 1), (1, 3) all sum to more.
    assertThat(downward[0][index(1, 1)]).isEmpty();
    // (1, 3), sum 8: nearest (at 2) are (2, 3), (1, 2), (1, 4), (2, 2); of these only (1, 2) (sum 6) is lower.
    assertThat(downward[0][index(1, 3)]).containsExactly(index(1, 2));
  }

  @Test
  void autoIsLazyAboveTwentyThousandIcRows() {
    // BIC with one buyer: N^2 (N^2 - 1) rows: 159,600 at N = 20, 600 at N = 5.
    StrategyChoice big = StrategyChoice.of(LpCompiler.compile(Grids.twoItems(20, "bic", "interim")), Strategy.AUTO);
    assertThat(big.strategy()).isEqualTo(Strategy.LAZY);
    assertThat(big.reason()).isEqualTo("auto: 159,600 IC rows");
    // Initial bound: feasibility 400 + IR 400 + at most 8 misreports for each of the 400 types.
    assertThat(big.builtRowsBound()).isEqualTo(400 + 400 + 400 * 8);
    StrategyChoice small = StrategyChoice.of(LpCompiler.compile(Grids.twoItems(5, "bic", "interim")), Strategy.AUTO);
    assertThat(small.strategy()).isEqualTo(Strategy.FULL);
    assertThat(small.reason()).isEqualTo("auto: 600 IC rows");
    StrategyChoice forced = StrategyChoice.of(LpCompiler.compile(Grids.twoItems(20, "bic", "interim")), Strategy.FULL);
    assertThat(forced.strategy()).isEqualTo(Strategy.FULL);
    assertThat(forced.builtRowsBound()).isEqualTo(400 + 400 + 159_600);
  }

  private static int index(int a, int b) {
    return (a - 1) * 5 + (b - 1);
  }
}
