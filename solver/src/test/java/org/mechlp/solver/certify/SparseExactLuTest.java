package org.mechlp.solver.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** The sparse exact LU: hand-solved systems, a singular matrix, and products checked back on random matrices. */
class SparseExactLuTest {
  /** B = [[1,2,0],[0,1,3],[4,0,1]]: B (1,1,1) = (3,4,5) and B^T (1,1,1) = (5,3,4), by multiplying out. */
  private static List<Map<Integer, BigFraction>> handMatrix() {
    return List.of(
        Map.of(0, new BigFraction(1), 1, new BigFraction(2)),
        Map.of(1, new BigFraction(1), 2, new BigFraction(3)),
        Map.of(0, new BigFraction(4), 2, new BigFraction(1)));
  }

  @Test
  void solvesAHandSystemAndItsTranspose() throws Exception {
    SparseExactLu lu = SparseExactLu.factor(handMatrix());

    assertThat(lu.solve(TextbookLp.fractions("3", "4", "5"))).containsExactly(TextbookLp.fractions("1", "1", "1"));
    assertThat(lu.solveTransposed(TextbookLp.fractions("5", "3", "4")))
        .containsExactly(TextbookLp.fractions("1", "1", "1"));
  }

  @Test
  void rejectsASingularMatrix() {
    // Row 3 = row 1 + row 2.
    List<Map<Integer, BigFraction>> singular =
        List.of(
            Map.of(0, new BigFraction(1), 1, new BigFraction(2)),
            Map.of(1, new BigFraction(1), 2, new BigFraction(3)),
            Map.of(0, new BigFraction(1), 1, new BigFraction(3), 2, new BigFraction(3)));

    assertThatThrownBy(() -> SparseExactLu.factor(singular))
        .isInstanceOf(SparseExactLu.SingularException.class)
        .hasMessageContaining("singular");
  }

  /** Random sparse matrices with a non-zero diagonal: B solve(b) = b and B^T solveTransposed(c) = c exactly. */
  @Property(tries = 60)
  void solutionsMultiplyBack(@ForAll @IntRange(min = 1, max = 25) int n, @ForAll long seed) throws Exception {
    java.util.Random random = new java.util.Random(seed);
    List<Map<Integer, BigFraction>> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Map<Integer, BigFraction> row = new HashMap<>();
      row.put(i, new BigFraction(n * 10 + random.nextInt(5) + 1, random.nextInt(3) + 1));
      for (int e = 0; e < 2; e++) {
        row.put(random.nextInt(n), new BigFraction(random.nextInt(11) - 5, random.nextInt(4) + 1));
      }
      row.values().removeIf(v -> v.getNumerator().signum() == 0);
      rows.add(row);
    }
    BigFraction[] b = new BigFraction[n];
    for (int i = 0; i < n; i++) {
      b[i] = new BigFraction(random.nextInt(21) - 10, random.nextInt(5) + 1);
    }
    SparseExactLu lu;
    try {
      lu = SparseExactLu.factor(rows);
    } catch (SparseExactLu.SingularException e) {
      return; // rare: a random overwrite zeroed a diagonal and made the matrix singular
    }
    BigFraction[] x = lu.solve(b);
    BigFraction[] y = lu.solveTransposed(b);
    for (int i = 0; i < n; i++) {
      BigFraction bx = BigFraction.ZERO;
      for (Map.Entry<Integer, BigFraction> e : rows.get(i).entrySet()) {
        bx = bx.add(e.getValue().multiply(x[e.getKey()]));
      }
      assertThat(bx).isEqualTo(b[i]);
    }
    for (int j = 0; j < n; j++) {
      BigFraction bty = BigFraction.ZERO;
      for (int i = 0; i < n; i++) {
        BigFraction a = rows.get(i).get(j);
        if (a != null) {
          bty = bty.add(a.multiply(y[i]));
        }
      }
      assertThat(bty).isEqualTo(b[j]);
    }
  }
}
