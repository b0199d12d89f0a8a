package org.mechlp.solver.report;

import java.util.Objects;

/**
 * A deterministic optimum (allocations restricted to pure outcomes, a mixed-integer program) next to the randomized
 * one (the LP), and what randomization is worth.
 *
 * @param deterministic the MIP's solve: OPTIMAL when proven optimal and verified, TIME_LIMIT with the incumbent
 *     mechanism when a limit stopped the search
 * @param randomized the LP's solve (lotteries allowed)
 * @param bestBound the MIP backend's proven bound on the deterministic optimum (NaN when it gave none)
 * @param gap the relative MIP gap |objective - bestBound| / max(1, |objective|), or null without an incumbent or a
 *     bound
 * @param provenOptimal whether the deterministic optimum is proven optimal (and verified)
 * @param valueOfRandomization how much better the randomized optimum is (randomized minus deterministic when
 *     maximizing, deterministic minus randomized when minimizing), or null when either value is missing
 * @param ratio randomized optimum divided by the deterministic one, or null when either is missing or the
 *     deterministic one is 0
 */
public record DeterministicReport(
    SolveReport deterministic,
    SolveReport randomized,
    double bestBound,
    Double gap,
    boolean provenOptimal,
    Double valueOfRandomization,
    Double ratio) {
  public DeterministicReport {
    Objects.requireNonNull(deterministic, "deterministic");
    Objects.requireNonNull(randomized, "randomized");
  }

  /** The exit status: the deterministic solve's (the randomized LP only gives the comparison). */
  public SolveStatus status() {
    return deterministic.status();
  }
}
