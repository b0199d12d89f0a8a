package org.mechlp.solver.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.ContingentSpec;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/** The rows of one block against a hand-written copy of Lemma A.3 (i) and (ii). */
class BlockRowsTest {
  private static BigFraction f(int n, int d) {
    return new BigFraction(n, d);
  }

  // k = 2 reports (lo, hi), L = 2 outcomes y; m_lo = (3/4, 1/4), m_hi = (1/4, 3/4); e = (-1, -2); delta = 1/2.
  private final BlockData data = new BlockData(new BlockKey(0, 1, 0, 0),
      new BigFraction[][] {{f(3, 4), f(1, 4)}, {f(1, 4), f(3, 4)}}, new BigFraction[] {f(-1, 1), f(-2, 1)}, f(1, 2));
  private final String[] names = {"lo", "hi"};

  @Test
  void residualClaimRowsAreDeltaTimesTheLawOnTheTruthfulColumn() {
    List<Row> rows = new ResidualClaimFamily(data, names).rows();
    // By hand: columns P[y, r] are numbered y * k + r: P[0,lo]=0, P[0,hi]=1, P[1,lo]=2, P[1,hi]=3.
    // (i) at lo: 1/2 (3/4 P[0,lo] + 1/4 P[1,lo]) = -1, i.e. 3/8 x0 + 1/8 x2 = -1.
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).columns()).containsExactly(0, 2);
    assertThat(rows.get(0).coefficients()).containsExactly(f(3, 8), f(1, 8));
    assertThat(rows.get(0).sense()).isEqualTo(Sense.EQ);
    assertThat(rows.get(0).rhs()).isEqualTo(f(-1, 1));
    // (i) at hi: 1/8 x1 + 3/8 x3 = -2.
    assertThat(rows.get(1).columns()).containsExactly(1, 3);
    assertThat(rows.get(1).coefficients()).containsExactly(f(1, 8), f(3, 8));
    assertThat(rows.get(1).rhs()).isEqualTo(f(-2, 1));
  }

  @Test
  void truthRowsCompareTheMisreportedColumnWithTheTruthfulOne() {
    List<Row> rows = new TruthfulReportFamily(data, names, -1).rows();
    // (ii) lo -> hi: 3/4 (P[0,hi] - P[0,lo]) + 1/4 (P[1,hi] - P[1,lo]) >= 0.
    assertThat(rows).hasSize(2);
    Row loHi = rows.get(0);
    assertThat(loHi.columns()).containsExactly(1, 0, 3, 2);
    assertThat(loHi.coefficients()).containsExactly(f(3, 4), f(-3, 4), f(1, 4), f(-1, 4));
    assertThat(loHi.sense()).isEqualTo(Sense.GE);
    assertThat(loHi.name()).isEqualTo("truth[lo->hi]");
  }

  @Test
  void everyObjectiveGivesPaymentsThatPassTheExactCheck() {
    for (ContingentSpec spec : List.of(
        new ContingentSpec(ContingentSpec.Variant.REPORT_DEPENDENT, ContingentSpec.Objective.FEASIBILITY, null),
        ContingentSpec.defaults(),
        new ContingentSpec(ContingentSpec.Variant.REPORT_DEPENDENT, ContingentSpec.Objective.MARGIN, f(20, 1)),
        new ContingentSpec(ContingentSpec.Variant.VCG, ContingentSpec.Objective.MIN_MAX, null))) {
      BlockResult r = BlockSolver.solve(data, spec, names);
      assertThat(r.status()).as(spec.toString()).isEqualTo(BlockResult.Status.SOLVED);
      assertThat(BlockCheck.of(data, r.payments(), names).failure()).isNull();
    }
  }

  @Test
  void vcgVariantIsTheUniqueSolutionOfTheSquareSystem() {
    // M^T P = e / delta = (-2, -4): 3/4 p0 + 1/4 p1 = -2 and 1/4 p0 + 3/4 p1 = -4 give p0 = -1, p1 = -5 (by hand).
    BlockResult r = BlockSolver.solve(data,
        new ContingentSpec(ContingentSpec.Variant.VCG, ContingentSpec.Objective.MIN_MAX, null), names);
    assertThat(r.payments()[0]).containsExactly(f(-1, 1), f(-1, 1));
    assertThat(r.payments()[1]).containsExactly(f(-5, 1), f(-5, 1));
  }

  @Test
  void minMaxFindsTheSmallestLargestPayment() {
    // (i) at hi says a weighted mean of P[., hi] equals e(hi) / delta = -4, so any solution has max |P| >= 4.
    BlockResult r = BlockSolver.solve(data, ContingentSpec.defaults(), names);
    assertThat(r.largest().compareTo(f(4, 1))).isGreaterThanOrEqualTo(0);
  }
}
