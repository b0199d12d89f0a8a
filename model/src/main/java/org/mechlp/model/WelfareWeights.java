package org.mechlp.model;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Welfare weights per agent and type: the welfare term becomes sum_i w_i(θ_i) (v_i - t_i) + (sum_i t_i - cost), the
 * agents' utilities weighted by their types' weights and the designer's money at weight 1 (docs/THEORY.md, Robust and
 * Rawlsian objectives). With every weight 1 it is the ordinary surplus.
 *
 * @param weights the non-negative weight of each agent's types, indexed [agent][type]
 */
public record WelfareWeights(List<List<BigFraction>> weights) {
  public WelfareWeights {
    weights = weights.stream().map(List::copyOf).toList();
  }

  /** The weight of {@code agent} of {@code type}. */
  public BigFraction weight(int agent, int type) {
    return weights.get(agent).get(type);
  }
}
