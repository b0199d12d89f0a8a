package org.mechlp.model;

import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * What the designer optimizes: a weighted sum of {@link ObjectiveTerm}s, maximized or minimized. No terms means
 * feasibility only.
 */
public record Objective(boolean maximize, Map<ObjectiveTerm, BigFraction> weights) {
  public Objective {
    Objects.requireNonNull(weights, "weights");
    weights = Map.copyOf(weights);
  }

  /** Maximize one term with weight 1. */
  public static Objective maximize(ObjectiveTerm term) {
    return new Objective(true, Map.of(term, BigFraction.ONE));
  }

  /** Feasibility only. */
  public static Objective feasibility() {
    return new Objective(true, Map.of());
  }

  /** True when there is nothing to optimize. */
  public boolean isFeasibility() {
    return weights.isEmpty();
  }

  /** The weight of a term (0 when absent). */
  public BigFraction weight(ObjectiveTerm term) {
    return weights.getOrDefault(term, BigFraction.ZERO);
  }
}
