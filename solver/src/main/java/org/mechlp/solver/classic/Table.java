package org.mechlp.solver.classic;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Mechanism;

/** A mechanism being filled in, profile by profile, in exact arithmetic; unset entries are 0. */
final class Table {
  private final int profiles;
  private final int m;
  private final int n;
  private final BigFraction[] allocation;
  private final BigFraction[] transfers;

  Table(int profiles, int m, int n) {
    this.profiles = profiles;
    this.m = m;
    this.n = n;
    this.allocation = new BigFraction[profiles * m];
    this.transfers = new BigFraction[profiles * n];
    Arrays.fill(allocation, BigFraction.ZERO);
    Arrays.fill(transfers, BigFraction.ZERO);
  }

  /** Sets the lottery at profile p. */
  void lottery(int p, BigFraction[] lottery) {
    System.arraycopy(lottery, 0, allocation, p * m, m);
  }

  /** The lottery at profile p (a copy). */
  BigFraction[] lottery(int p) {
    return Arrays.copyOfRange(allocation, p * m, p * m + m);
  }

  /** Sets what agent i pays at profile p. */
  void transfer(int p, int i, BigFraction amount) {
    transfers[p * n + i] = amount;
  }

  /** What agent i pays at profile p. */
  BigFraction transfer(int p, int i) {
    return transfers[p * n + i];
  }

  /** The finished mechanism. */
  Mechanism mechanism() {
    return Mechanism.ofFractions(profiles, m, n, allocation, transfers);
  }
}
