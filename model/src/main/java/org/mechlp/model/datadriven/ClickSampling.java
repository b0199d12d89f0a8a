package org.mechlp.model.datadriven;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A consistent estimator indexed by a sample size N: after the allocation N independent clicks are drawn, each with
 * probability {@code rate[outcome][state]}, and the estimate is the state whose click rate under the chosen outcome
 * is nearest the observed mean (ties split equally). As N grows the estimate converges to the true state whenever
 * the states' rates differ under the outcome.
 *
 * @param rates the click probability, indexed [outcome][state]
 * @param samples the sample size N
 */
public record ClickSampling(BigFraction[][] rates, int samples) {
  public ClickSampling {
    if (samples < 1) {
      throw new IllegalArgumentException("the sample size must be at least 1");
    }
  }

  /** The same sampling with another sample size. */
  public ClickSampling withSamples(int n) {
    return new ClickSampling(rates, n);
  }

  /**
   * The exact likelihood g(state estimate | state, outcome), indexed [outcome][state][estimated state]: the sum of
   * the binomial probabilities of the click counts whose mean is nearest each state's rate.
   */
  public BigFraction[][][] likelihood() {
    int outcomes = rates.length;
    int states = rates[0].length;
    BigFraction[][][] g = new BigFraction[outcomes][states][states];
    for (int x = 0; x < outcomes; x++) {
      for (int w = 0; w < states; w++) {
        java.util.Arrays.fill(g[x][w], BigFraction.ZERO);
        for (int k = 0; k <= samples; k++) {
          BigFraction pk = binomial(samples, k, rates[x][w]);
          if (pk.getNumerator().signum() == 0) {
            continue;
          }
          List<Integer> nearest = nearest(rates[x], new BigFraction(k, samples));
          BigFraction share = pk.divide(nearest.size());
          for (int s : nearest) {
            g[x][w][s] = g[x][w][s].add(share);
          }
        }
      }
    }
    return g;
  }

  /** The estimates of a plug-in state estimator: one per state, named after it. */
  public static List<Estimate> estimates(List<String> stateNames) {
    List<Estimate> list = new ArrayList<>();
    for (int s = 0; s < stateNames.size(); s++) {
      list.add(new Estimate(stateNames.get(s), null, s));
    }
    return list;
  }

  private static List<Integer> nearest(BigFraction[] rates, BigFraction mean) {
    List<Integer> best = new ArrayList<>();
    BigFraction bestDistance = null;
    for (int s = 0; s < rates.length; s++) {
      BigFraction d = rates[s].subtract(mean).abs();
      int c = bestDistance == null ? -1 : d.compareTo(bestDistance);
      if (c < 0) {
        best.clear();
        bestDistance = d;
      }
      if (c <= 0) {
        best.add(s);
      }
    }
    return best;
  }

  /** C(n, k) q^k (1 - q)^(n - k), exactly. */
  static BigFraction binomial(int n, int k, BigFraction q) {
    BigInteger choose = BigInteger.ONE;
    for (int i = 0; i < k; i++) {
      choose = choose.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
    }
    return new BigFraction(choose).multiply(q.pow(k)).multiply(BigFraction.ONE.subtract(q).pow(n - k));
  }
}
