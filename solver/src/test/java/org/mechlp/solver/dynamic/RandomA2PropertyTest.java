package org.mechlp.solver.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.mechlp.model.dynamic.DynamicProblem;

/**
 * Random two-agent problems whose transitions satisfy A2 by construction: agent j's next signal follows a random
 * base law plus a bump b at the index of the other agent's current signal, so agent i's columns are
 * (base + b e_theta) / (1 + b), the vertices of a shrunken simplex, none in the hull of the others (the
 * Cremer-McLean construction then gives feasible blocks). The final action is constant (Corollary 3.3), so every
 * solved mechanism must pass the one-shot-deviation check.
 */
class RandomA2PropertyTest {
  @Property(tries = 12)
  void a2GivesFeasibleBlocksAndSolvedMechanismsPassTheCheck(
      @ForAll @IntRange(min = 2, max = 3) int k, @ForAll @IntRange(min = 2, max = 3) int horizon,
      @ForAll @IntRange(min = 0, max = 1000) int seed) throws Exception {
    java.util.Random random = new java.util.Random(seed);
    StringBuilder signals = new StringBuilder();
    for (int s = 0; s < k; s++) {
      signals.append(s == 0 ? "" : ", ").append("{\"name\": \"s").append(s).append("\", \"value\": ").append(s)
          .append('}');
    }
    String json = "{\"format\": \"mechlp/1\", \"periods\": {\"horizon\": " + horizon + ", \"discount\": \"9/10\"},"
        + "\"agents\": [{\"name\": \"p\", \"signals\": [" + signals + "]}, {\"name\": \"q\", \"signals\": ["
        + signals + "]}], \"actions\": [\"a\", \"b\"],"
        + "\"utilities\": {\"p\": " + utilities(random) + ", \"q\": " + utilities(random) + "},"
        + "\"transition\": {\"product\": {\"p\": " + bumped(random, k, "q") + ", \"q\": " + bumped(random, k, "p")
        + "}}, \"final\": {\"constant\": \"a\"}}";
    DynamicProblem problem = Instances.inline(json);
    EfficientPolicy policy = EfficientPolicy.of(problem);
    List<BlockResult> results = new ArrayList<>();
    DynamicSolver.solve(problem, policy, 1, results::add);
    assertThat(results).allMatch(r -> r.status() == BlockResult.Status.SOLVED);
    assertThat(DynamicChecker.check(problem, SolvedMechanism.of(problem, policy, results), policy).deviations())
        .isEmpty();
  }

  private static String utilities(java.util.Random random) {
    return "{\"a\": \"" + (random.nextInt(7) - 3) + " * p + " + (random.nextInt(7) - 3) + " * q\", \"b\": \""
        + (random.nextInt(5) - 2) + " + p * q\"}";
  }

  /** base weights w_s in 1..4, bump 2 at s = the other agent's current signal: (w_s + 2 [s == other]) / (W + 2). */
  private static String bumped(java.util.Random random, int k, String other) {
    int[] w = new int[k];
    int total = 0;
    for (int s = 0; s < k; s++) {
      w[s] = 1 + random.nextInt(4);
      total += w[s];
    }
    StringBuilder e = new StringBuilder("(");
    for (int s = 0; s < k; s++) {
      e.append("IF(next == ").append(s).append(", ").append(w[s]).append(", 0) + ");
    }
    e.append("IF(next == ").append(other).append(", 2, 0)) / ").append(total + 2);
    return "\"" + e + "\"";
  }
}
