package org.mechlp.solver.deterministic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mechlp.model.MechanismSpec;
import org.mechlp.model.Problem;
import org.mechlp.solver.RangeSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.RangeReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.testing.Toys;

/** Revenue ranges for a fixed allocation (revenue equivalence with discrete types, docs/THEORY.md, Classical results).
 * 
 */
class RangeSolverTest {
  private static final double EPS = 1e-7;

  /**
   * instances/revenue-range.json: two bidders U{1,2,3}, efficient allocation with split ties, DSIC, ex post IR, the
   * lowest types' interim utility pinned to 0. Lower end by hand: fix bidder 2's type; bidder 1's win probability q
   * over his types 1, 2, 3 is (1/2, 0, 0), (1, 1/2, 0)... per column: bidder 2 at v1: q = (1/2, 1, 1); at v2:
   * q = (0, 1/2, 1); at v3: q = (0, 0, 1/2). Binding downward IC gives t_j = v_1 q_1 + sum_{l=2..j} v_{l-1}
   * (q_l - q_{l-1}): column v1: 1/2, 1/2 + 1/2 = 1, 1 + 0 = 1 (sum 5/2); column v2: 0, 1/2, 1/2 + 2/2 = 3/2 (sum 2);
   * column v3: 0, 0, 2/2 = 1 (sum 1). Bidder 1 pays 11/2 over the 9 profiles, so by symmetry the expected revenue
   * is 2 (11/2) / 9 = 11/9. The upper end 17/9 is docs/THEORY.md, Classical results's (independent LP); VCG's 14/9 lies
   * between.
   */
  @Test
  void revenueEquivalenceGivesTheIntervalFromMath42() throws Exception {
    RangeReport report =
        RangeSolver.solve(DeterministicSolverTest.instance("revenue-range"), SolveOptions.defaults());

    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.minimum().objective()).isCloseTo(11.0 / 9, within(EPS));
    assertThat(report.maximum().objective()).isCloseTo(17.0 / 9, within(EPS));
    assertThat(report.minimum().verification().violationCount()).isZero();
    assertThat(report.maximum().verification().violationCount()).isZero();
    assertThat(report.ownSense()).isSameAs(report.maximum());
  }

  /**
   * Without the pinned utilities only ex post IR bounds payments from above; nothing bounds them from below, so the
   * designer can pay the agents any amount: the minimum is unbounded, an answer rather than a failure.
   */
  @Test
  void withoutPinnedUtilitiesTheMinimumIsUnbounded() throws Exception {
    Problem pinned = DeterministicSolverTest.instance("revenue-range");
    MechanismSpec s = pinned.mechanism();
    MechanismSpec unpinned =
        new MechanismSpec(
            s.ic(), s.ir(), s.outsideOptions(), s.budget(), s.budgetAmount(), s.transfers(), s.fixedAllocation(),
            List.of());

    RangeReport report = RangeSolver.solve(Toys.withSpec(pinned, unpinned), SolveOptions.defaults());

    assertThat(report.minimum().status()).isEqualTo(SolveStatus.UNBOUNDED);
    assertThat(report.minimum().objective()).isNull();
    assertThat(report.maximum().status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
  }

  @Test
  void aProblemWithoutAFixedAllocationIsRefused() {
    assertThatThrownBy(
            () -> RangeSolver.solve(DeterministicSolverTest.instance("lottery-two-items"), SolveOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("allocation");
  }
}
