package org.mechlp.solver.symmetry;

import java.util.Arrays;
import java.util.Objects;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.families.VariableIndex;

/**
 * One generator of a symmetry group: the transposition of two agents' labels together with the outcome permutation
 * that goes with it (for a single item, "bidder a gets it" and "bidder b gets it" trade places). It acts on LP columns
 * by moving x(o | θ) to x(σ(o) | θ with a's and b's types swapped) and t_i(θ) to t_τ(i)(swapped θ).
 *
 * @param agentA one agent
 * @param agentB the other agent
 * @param outcomeMap σ: outcome o goes to {@code outcomeMap[o]}
 */
public record AgentSwap(int agentA, int agentB, int[] outcomeMap) {
  public AgentSwap {
    Objects.requireNonNull(outcomeMap, "outcomeMap");
    outcomeMap = outcomeMap.clone();
  }

  /** τ(agent): the other agent of the pair, or the agent itself. */
  public int agent(int agent) {
    return agent == agentA ? agentB : agent == agentB ? agentA : agent;
  }

  /** The profile with the two agents' types exchanged. */
  public int profile(int profile, TypeProfiles profiles) {
    int ta = profiles.typeOf(profile, agentA);
    int tb = profiles.typeOf(profile, agentB);
    return profiles.withType(profiles.withType(profile, agentA, tb), agentB, ta);
  }

  /** The image of every column under this swap, as an array: column j goes to {@code result[j]}. */
  public int[] columnMap(VariableIndex variables) {
    TypeProfiles profiles = variables.profiles();
    int m = outcomeMap.length;
    int n = profiles.agentCount();
    int[] map = new int[variables.columnCount()];
    for (int p = 0; p < profiles.count(); p++) {
      int q = profile(p, profiles);
      for (int o = 0; o < m; o++) {
        map[variables.allocation(p, o)] = variables.allocation(q, outcomeMap[o]);
      }
      if (variables.hasTransfers()) {
        for (int i = 0; i < n; i++) {
          map[variables.transfer(p, i)] = variables.transfer(q, agent(i));
        }
      }
    }
    return map;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgentSwap s
        && s.agentA == agentA
        && s.agentB == agentB
        && Arrays.equals(s.outcomeMap, outcomeMap);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * agentA + agentB) + Arrays.hashCode(outcomeMap);
  }

  @Override
  public String toString() {
    return "swap(" + agentA + " " + agentB + ", outcomes " + Arrays.toString(outcomeMap) + ")";
  }
}
