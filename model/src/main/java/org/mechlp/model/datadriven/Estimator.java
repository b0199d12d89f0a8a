package org.mechlp.model.datadriven;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * What the designer observes after the allocation: an estimate w drawn with law g(w | state, outcome). The estimate
 * may also say what each agent's utility is worth at it (needed by data-driven VCG): a plug-in estimate names a
 * state, an affine one carries a number that estimates phi(state) (docs/THEORY.md, Data-driven mechanisms).
 *
 * @param kind how the estimator was given
 * @param estimates the estimate values, in file order
 * @param likelihood g, indexed [outcome][state][estimate]; each [outcome][state] row sums to exactly 1
 * @param outcomeDependent whether g differs across outcomes (only the shown ad's click is seen)
 * @param phi for an affine estimator, phi(state) per outcome, indexed [outcome][state]; else null
 * @param sampling for a click-sampling sequence, the sampling the likelihood was computed from; else null
 */
public record Estimator(
    Kind kind,
    List<Estimate> estimates,
    BigFraction[][][] likelihood,
    boolean outcomeDependent,
    BigFraction[][] phi,
    ClickSampling sampling) {

  /** How the estimator was given. */
  public enum Kind {
    /** The state itself is observed. */
    FULL_REVELATION,
    /** Finite estimates with a likelihood table. */
    FINITE,
    /** A click-sampling estimator with a sample size (one member of a consistent sequence). */
    CLICK_SAMPLING,
    /** Nothing is observed: the message-driven problem. */
    NONE
  }

  public Estimator {
    Objects.requireNonNull(kind, "kind");
    estimates = List.copyOf(estimates);
  }

  /** The full-revelation estimator: one estimate per state, observed without error. */
  public static Estimator fullRevelation(List<Estimate> stateEstimates, int outcomes) {
    int states = stateEstimates.size();
    BigFraction[][][] g = new BigFraction[outcomes][states][states];
    for (int x = 0; x < outcomes; x++) {
      for (int w = 0; w < states; w++) {
        for (int e = 0; e < states; e++) {
          g[x][w][e] = w == e ? BigFraction.ONE : BigFraction.ZERO;
        }
      }
    }
    return new Estimator(Kind.FULL_REVELATION, stateEstimates, g, false, null, null);
  }

  /** The estimator of the message-driven problem: a single uninformative estimate. */
  public static Estimator none(int outcomes, int states) {
    BigFraction[][][] g = new BigFraction[outcomes][states][1];
    for (int x = 0; x < outcomes; x++) {
      for (int w = 0; w < states; w++) {
        g[x][w][0] = BigFraction.ONE;
      }
    }
    return new Estimator(Kind.NONE, List.of(new Estimate("none", null, -1)), g, false, null, null);
  }

  /** A click-sampling estimator with sample size {@code sampling.samples()}. */
  public static Estimator clickSampling(List<Estimate> stateEstimates, ClickSampling sampling) {
    BigFraction[][][] g = sampling.likelihood();
    return new Estimator(Kind.CLICK_SAMPLING, stateEstimates, g, differs(g), null, sampling);
  }

  /** This estimator with another sample size (click sampling only). */
  public Estimator withSamples(int n) {
    if (sampling == null) {
      throw new IllegalStateException("not a click-sampling estimator");
    }
    return clickSampling(estimates, sampling.withSamples(n));
  }

  /** Whether the likelihood differs across outcomes. */
  public static boolean differs(BigFraction[][][] g) {
    for (int x = 1; x < g.length; x++) {
      for (int w = 0; w < g[x].length; w++) {
        for (int e = 0; e < g[x][w].length; e++) {
          if (!g[x][w][e].equals(g[0][w][e])) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** Number of estimate values. */
  public int count() {
    return estimates.size();
  }

  /** g(estimate | state, outcome). */
  public BigFraction probability(int estimate, int state, int outcome) {
    return likelihood[outcome][state][estimate];
  }

  /** Whether every estimate names a state, so utilities at the estimate are the utilities at that state. */
  public boolean isPlugIn() {
    return estimates.stream().allMatch(e -> e.state() >= 0);
  }

  /** Whether utilities are affine in phi(state) and each estimate carries a number estimating it. */
  public boolean isAffine() {
    return phi != null;
  }

  /** Whether the estimator can value utilities at an estimate (plug-in or affine), as data-driven VCG needs. */
  public boolean valuesUtilities() {
    return isPlugIn() || isAffine();
  }

  /**
   * For an affine estimator, whether E[estimate | state, outcome] = phi(state) for every state and outcome, exactly:
   * then data-driven VCG is an exact posterior equilibrium.
   */
  public boolean isUnbiased() {
    if (!isAffine()) {
      return false;
    }
    for (int x = 0; x < likelihood.length; x++) {
      for (int w = 0; w < likelihood[x].length; w++) {
        BigFraction mean = BigFraction.ZERO;
        for (int e = 0; e < estimates.size(); e++) {
          mean = mean.add(likelihood[x][w][e].multiply(estimates.get(e).value()));
        }
        if (!mean.equals(phi[x][w])) {
          return false;
        }
      }
    }
    return true;
  }

  /** The kind in words for reports. */
  public String describe() {
    return switch (kind) {
      case FULL_REVELATION -> "full revelation (the state is observed)";
      case NONE -> "none (message-driven)";
      case CLICK_SAMPLING -> "state guessed from the mean of " + sampling.samples() + " click"
          + (sampling.samples() == 1 ? "" : "s") + " (nearest click rate)";
      case FINITE -> estimates.size() + " estimate values"
          + (outcomeDependent ? ", law depends on the outcome" : "")
          + (isAffine() ? (isUnbiased() ? ", affine and unbiased" : ", affine and biased") : "")
          + (isPlugIn() ? ", each estimate names a state" : "");
    };
  }
}
