package org.mechlp.model.dynamic;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A multi-period problem (docs/THEORY.md, Dynamic mechanisms in detail): N agents, periods t = 1..T (or infinitely
 * many with
 * stationary data), private Markov signals, actions, flow utilities, transitions and an initial law.
 *
 * @param name the problem's name
 * @param description free text, or empty
 * @param agents the agents' names
 * @param horizon T, or null when the horizon is infinite
 * @param discount delta in (0, 1] (below 1 when the horizon is infinite)
 * @param stages one per period 1..T, or exactly one (stationary) when the horizon is infinite
 * @param initial mu_1 over the first period's profiles
 * @param finalAction a constant period-T action (Corollary 3.3), or -1 for the efficient rule
 * @param contingent how contingent transfers are sought
 * @param expect the file's expectations, or null
 */
public record DynamicProblem(
    String name,
    String description,
    List<String> agents,
    Integer horizon,
    BigFraction discount,
    List<Stage> stages,
    BigFraction[] initial,
    int finalAction,
    ContingentSpec contingent,
    DynamicExpectation expect) {
  public DynamicProblem {
    agents = List.copyOf(agents);
    stages = List.copyOf(stages);
  }

  public boolean infinite() {
    return horizon == null;
  }

  public int agentCount() {
    return agents.size();
  }

  /** The data of period t (1-based); the single stationary stage when the horizon is infinite. */
  public Stage stage(int t) {
    return infinite() ? stages.get(0) : stages.get(t - 1);
  }

  /** The periods that pay contingent transfers next period: 1..T-1, or the one stationary period. */
  public int blockPeriods() {
    return infinite() ? 1 : horizon - 1;
  }

  /** The horizon as written: the number of periods or "infinite". */
  public String horizonText() {
    return infinite() ? "infinite" : horizon.toString();
  }
}
