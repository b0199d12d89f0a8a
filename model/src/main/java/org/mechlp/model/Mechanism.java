package org.mechlp.model;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * A direct mechanism: at every reported type profile, a lottery over outcomes and a transfer per agent (paid by
 * the agent to the designer). Values are kept as doubles; when every number was given exactly (as in a hand-written
 * mechanism file with fractions) the exact values are kept too, so checks can run in rational arithmetic.
 */
public final class Mechanism {
  private final int profileCount;
  private final int outcomeCount;
  private final int agentCount;
  private final double[] allocation;
  private final double[] transfers;
  private final BigFraction[] exactAllocation;
  private final BigFraction[] exactTransfers;

  private Mechanism(
      int profileCount,
      int outcomeCount,
      int agentCount,
      double[] allocation,
      double[] transfers,
      BigFraction[] exactAllocation,
      BigFraction[] exactTransfers) {
    if (allocation.length != profileCount * outcomeCount
        || transfers.length != profileCount * agentCount) {
      throw new IllegalArgumentException("array sizes do not match the dimensions");
    }
    this.profileCount = profileCount;
    this.outcomeCount = outcomeCount;
    this.agentCount = agentCount;
    this.allocation = allocation.clone();
    this.transfers = transfers.clone();
    this.exactAllocation = exactAllocation == null ? null : exactAllocation.clone();
    this.exactTransfers = exactTransfers == null ? null : exactTransfers.clone();
  }

  /**
   * A floating-point mechanism.
   *
   * @param allocation indexed {@code profile * outcomeCount + outcome}
   * @param transfers indexed {@code profile * agentCount + agent}
   */
  public static Mechanism ofDoubles(
      int profileCount, int outcomeCount, int agentCount, double[] allocation, double[] transfers) {
    return new Mechanism(profileCount, outcomeCount, agentCount, allocation, transfers, null, null);
  }

  /** An exact mechanism (the doubles are derived from the fractions). */
  public static Mechanism ofFractions(
      int profileCount,
      int outcomeCount,
      int agentCount,
      BigFraction[] allocation,
      BigFraction[] transfers) {
    double[] a = new double[allocation.length];
    for (int i = 0; i < a.length; i++) {
      a[i] = allocation[i].doubleValue();
    }
    double[] t = new double[transfers.length];
    for (int i = 0; i < t.length; i++) {
      t[i] = transfers[i].doubleValue();
    }
    return new Mechanism(profileCount, outcomeCount, agentCount, a, t, allocation, transfers);
  }

  /** Number of reported type profiles. */
  public int profileCount() {
    return profileCount;
  }

  /** Number of outcomes. */
  public int outcomeCount() {
    return outcomeCount;
  }

  /** Number of agents. */
  public int agentCount() {
    return agentCount;
  }

  /** Probability of {@code outcome} at reported {@code profile}. */
  public double allocation(int profile, int outcome) {
    return allocation[profile * outcomeCount + outcome];
  }

  /** Transfer paid by {@code agent} at reported {@code profile}. */
  public double transfer(int profile, int agent) {
    return transfers[profile * agentCount + agent];
  }

  /** True when exact values are available. */
  public boolean isExact() {
    return exactAllocation != null;
  }

  /** Exact probability of {@code outcome} at {@code profile}; only when {@link #isExact()}. */
  public BigFraction exactAllocation(int profile, int outcome) {
    return exactAllocation[profile * outcomeCount + outcome];
  }

  /** Exact transfer of {@code agent} at {@code profile}; only when {@link #isExact()}. */
  public BigFraction exactTransfer(int profile, int agent) {
    return exactTransfers[profile * agentCount + agent];
  }
}
