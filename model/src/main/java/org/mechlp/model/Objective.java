package org.mechlp.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * What the designer optimizes: a weighted sum of {@link ObjectiveTerm}s, maximized or minimized, or the least interim
 * utility of a set of agent types ({@link Rawlsian}). No terms and no Rawlsian set means feasibility only. Over a set
 * of priors (docs/THEORY.md, Robust and Rawlsian objectives) the objective is judged by {@code robust}.
 *
 * @param maximize the direction
 * @param weights the terms' weights
 * @param robust how a set of priors is judged: the worst prior's value, or the largest regret
 * @param benchmarks for {@link RobustKind#REGRET}, each prior's own optimum once solved, else null
 * @param rawlsian the Rawlsian set, or null for a weighted sum of terms
 * @param welfareWeights weights per agent and type of the welfare term, or null (every weight 1)
 */
public record Objective(
    boolean maximize,
    Map<ObjectiveTerm, BigFraction> weights,
    RobustKind robust,
    List<BigFraction> benchmarks,
    Rawlsian rawlsian,
    WelfareWeights welfareWeights) {
  public Objective {
    Objects.requireNonNull(weights, "weights");
    weights = Map.copyOf(weights);
    robust = robust == null ? RobustKind.MAXMIN : robust;
    benchmarks = benchmarks == null ? null : List.copyOf(benchmarks);
  }

  /** A weighted sum of terms, max-min over a set of priors, with unit welfare weights. */
  public Objective(boolean maximize, Map<ObjectiveTerm, BigFraction> weights) {
    this(maximize, weights, RobustKind.MAXMIN, null, null, null);
  }

  /** Maximize one term with weight 1. */
  public static Objective maximize(ObjectiveTerm term) {
    return new Objective(true, Map.of(term, BigFraction.ONE));
  }

  /** Feasibility only. */
  public static Objective feasibility() {
    return new Objective(true, Map.of());
  }

  /** Maximize the least interim utility of {@code members}. */
  public static Objective rawlsian(Rawlsian members, RobustKind robust) {
    return new Objective(true, Map.of(), robust, null, members, null);
  }

  /** True when there is nothing to optimize. */
  public boolean isFeasibility() {
    return weights.isEmpty() && rawlsian == null;
  }

  /** True for a Rawlsian objective. */
  public boolean isRawlsian() {
    return rawlsian != null;
  }

  /** The weight of a term (0 when absent). */
  public BigFraction weight(ObjectiveTerm term) {
    return weights.getOrDefault(term, BigFraction.ZERO);
  }

  /** This objective with each prior's own optimum, for the regret rows. */
  public Objective withBenchmarks(List<BigFraction> optima) {
    return new Objective(maximize, weights, robust, optima, rawlsian, welfareWeights);
  }

  /** This objective judged by {@code kind} over a set of priors. */
  public Objective withRobust(RobustKind kind) {
    return new Objective(maximize, weights, kind, benchmarks, rawlsian, welfareWeights);
  }
}
