package org.mechlp.model;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Type priors given as sample counts: how often each type of an agent was observed. The prior is the empirical law,
 * each count divided by the agent's total, exactly.
 *
 * @param perAgent each agent's counts in type order, or null for an agent whose prior is given as probabilities
 */
public record SampleCounts(List<List<BigInteger>> perAgent) {
  public SampleCounts {
    List<List<BigInteger>> copy = new ArrayList<>();
    for (List<BigInteger> c : perAgent) {
      copy.add(c == null ? null : List.copyOf(c));
    }
    perAgent = java.util.Collections.unmodifiableList(copy);
  }

  /** Whether agent {@code agent}'s prior was given as counts. */
  public boolean counted(int agent) {
    return perAgent.get(agent) != null;
  }

  /** The number of observations of agent {@code agent}'s types. */
  public BigInteger total(int agent) {
    return perAgent.get(agent).stream().reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** The empirical law of {@code counts}: each count over their total, exactly; the total must be positive. */
  public static List<BigFraction> normalize(List<BigInteger> counts) {
    BigInteger total = counts.stream().reduce(BigInteger.ZERO, BigInteger::add);
    if (total.signum() <= 0) {
      throw new IllegalArgumentException("counts must have a positive total");
    }
    return counts.stream().map(c -> new BigFraction(c, total)).toList();
  }
}
