package org.mechlp.model;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A given allocation rule (social choice function): the outcome lottery at every reported profile.
 *
 * @param source how it was given: {@code "efficient"} or {@code "table"}
 * @param lotteries indexed [profile][outcome], each row summing to 1
 */
public record FixedAllocation(String source, List<List<BigFraction>> lotteries) {
  public FixedAllocation {
    lotteries = lotteries.stream().map(List::copyOf).toList();
  }

  /** The probability of {@code outcome} at {@code profile}. */
  public BigFraction probability(int profile, int outcome) {
    return lotteries.get(profile).get(outcome);
  }
}
