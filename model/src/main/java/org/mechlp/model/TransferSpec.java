package org.mechlp.model;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Whether transfers exist and, per agent, optional bounds {@code lower <= t_i <= upper} (null: unbounded). A lower
 * bound of 0 says the designer never pays the agent; an upper bound models limited liability.
 */
public record TransferSpec(boolean allowed, List<Bound> bounds) {
  /** Bounds on one agent's transfer; a null end is unbounded. */
  public record Bound(BigFraction lower, BigFraction upper) {
    /** No bound at either end. */
    public static final Bound FREE = new Bound(null, null);
  }

  public TransferSpec {
    bounds = List.copyOf(bounds);
  }

  /** Unbounded transfers for {@code agents} agents. */
  public static TransferSpec free(int agents) {
    return new TransferSpec(true, java.util.Collections.nCopies(agents, Bound.FREE));
  }
}
