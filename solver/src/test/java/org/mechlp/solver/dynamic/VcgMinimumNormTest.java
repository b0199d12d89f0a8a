package org.mechlp.solver.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.ContingentSpec;

/** VCG-type blocks (Lemma A.4) whose M has rank 2 < k = 3: consistent (minimum-norm solution) and inconsistent. */
class VcgMinimumNormTest {
  private static final ContingentSpec VCG =
      new ContingentSpec(ContingentSpec.Variant.VCG, ContingentSpec.Objective.MIN_MAX, null);
  private static final String[] NAMES = {"lo", "mid", "hi"};

  private static BigFraction f(int n, int d) {
    return new BigFraction(n, d);
  }

  // Columns m_lo = (1/2, 1/2, 0), m_mid = (1/4, 1/2, 1/4), m_hi = (0, 1/2, 1/2) over L = 3 outcomes:
  // m_mid = (m_lo + m_hi) / 2, so M has rank 2. delta = 1, so (i) reads M^T P = e.
  private static BlockData block(BigFraction eMid) {
    return new BlockData(new BlockKey(0, 1, 0, 0),
        new BigFraction[][] {{f(1, 2), f(1, 2), f(0, 1)}, {f(1, 4), f(1, 2), f(1, 4)}, {f(0, 1), f(1, 2), f(1, 2)}},
        new BigFraction[] {f(1, 1), eMid, f(0, 1)}, BigFraction.ONE);
  }

  @Test
  void aConsistentRankDeficientBlockGetsTheExactMinimumNormSolution() {
    // e = (1, 1/2, 0) is consistent: e(mid) = (e(lo) + e(hi)) / 2. By hand (Lagrange): the solutions of
    // (P0 + P1)/2 = 1, (P1 + P2)/2 = 0 have the form (2 - s, s, -s); the norm (2 - s)^2 + 2 s^2 is least at
    // s = 2/3, so P = (4/3, 2/3, -2/3), the same for every report.
    BlockResult r = BlockSolver.solve(block(f(1, 2)), VCG, NAMES);
    assertThat(r.status()).isEqualTo(BlockResult.Status.SOLVED);
    assertThat(r.rank()).isEqualTo(2);
    BigFraction[] expected = {f(4, 3), f(2, 3), f(-2, 3)};
    for (int y = 0; y < 3; y++) {
      assertThat(r.payments()[y]).containsOnly(expected[y]);
    }
    assertThat(r.verification()).contains("rank 2 < 3").contains("minimum-norm");
  }

  @Test
  void anInconsistentRankDeficientBlockIsProvenInfeasibleWithTheDependentColumn() {
    // e(mid) = 1 differs from (e(lo) + e(hi)) / 2 = 1/2: no P satisfies (i) at all three signals.
    BlockResult r = BlockSolver.solve(block(f(1, 1)), VCG, NAMES);
    assertThat(r.status()).isEqualTo(BlockResult.Status.INFEASIBLE);
    assertThat(r.verification()).contains("column hi is a linear combination of the columns lo, mid")
        .contains("inconsistent");
  }
}
