package org.mechlp.solver.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.dynamic.DynamicProblem;

/** Backward induction against a two-period example computed by hand. */
class BackwardInductionTest {
  // Agent p has signal lo (0) or hi (1); q has one signal. safe pays 1, risky pays 2 * p. risky moves p's next
  // signal to hi with probability 1/4, safe with 3/4. delta = 1.
  static final String TWO_PERIODS = """
      {"format": "mechlp/1", "periods": {"horizon": 2, "discount": 1},
       "agents": [{"name": "p", "signals": [{"name": "lo", "value": 0}, {"name": "hi", "value": 1}]},
                  {"name": "q", "signals": ["c"]}],
       "actions": ["safe", "risky"],
       "utilities": {"p": {"safe": 1, "risky": "2 * p"}, "q": {"*": 0}},
       "transition": {"product": {"p": {"safe": "IF(next == 1, 3/4, 1/4)", "risky": "IF(next == 1, 1/4, 3/4)"},
                                  "q": "1"}},
       "initial": "uniform"}
      """;

  @Test
  void matchesTheHandComputation() throws Exception {
    DynamicProblem problem = Instances.inline(TWO_PERIODS);
    EfficientPolicy policy = EfficientPolicy.of(problem);
    // Period 2: W_2(lo) = max(1, 0) = 1 (safe); W_2(hi) = max(1, 2) = 2 (risky).
    assertThat(policy.surplus(problem, 2, 0)).isEqualTo(new BigFraction(1));
    assertThat(policy.surplus(problem, 2, 1)).isEqualTo(new BigFraction(2));
    assertThat(policy.action(problem, 2, 1)).isEqualTo(1);
    // Period 1 at lo: safe 1 + (1/4 * 1 + 3/4 * 2) = 11/4 beats risky 0 + (3/4 * 1 + 1/4 * 2) = 5/4.
    assertThat(policy.surplus(problem, 1, 0)).isEqualTo(new BigFraction(11, 4));
    assertThat(policy.action(problem, 1, 0)).isEqualTo(0);
    // At hi: risky 2 + 5/4 = 13/4 beats safe 11/4.
    assertThat(policy.surplus(problem, 1, 1)).isEqualTo(new BigFraction(13, 4));
    assertThat(policy.action(problem, 1, 1)).isEqualTo(1);
    // E[W_1] = (11/4 + 13/4) / 2 = 3.
    assertThat(policy.expectedSurplus(problem)).isEqualTo(new BigFraction(3));
  }
}
