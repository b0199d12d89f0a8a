package org.mechlp.solver.verify;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.PartitionedScan;

/**
 * The verifier's pass over an incentive family of up to 10^9 rows: the family's units are scanned in parallel blocks
 * (the common fork-join pool and the calling thread, so every core), each block with its own primitive tallies:
 * binding rows are only counted, and only violated rows are kept with their keys, the most violated first. Nothing is boxed and no row is built per pair, so memory does not grow with the rows.
 */
final class ParallelScan {
  /** Blocks per scan: enough to balance two to a few dozen cores. */
  private static final int BLOCKS = 64;

  private ParallelScan() {}

  /** One block's tallies. */
  static final class Tally {
    long binding;
    long violated;
    double maxViolation;
    int[] worstKey;
    final double[] regretPerAgent;
    final List<int[]> violatedKeys = new ArrayList<>();
    final List<Double> violatedAmounts = new ArrayList<>();
    private final int keep;

    Tally(int agents, int keep) {
      regretPerAgent = new double[agents];
      this.keep = keep;
    }
  }

  /**
   * Scans every row of {@code family} at {@code x}: a row is violated when its violation (a NaN as infinite) exceeds
   * {@code tolerance}, binding when not violated and its slack is within {@code tolerance}. Per block at most {@code
   * keep} violated keys (the largest violations) are kept.
   */
  static List<Tally> run(
      ConstraintFamily family, PartitionedScan scan, double[] x, double tolerance, int agents, int keep) {
    int units = scan.scanUnits();
    int blocks = Math.max(1, Math.min(units, BLOCKS));
    Tally[] tallies = new Tally[blocks];
    IntStream.range(0, blocks)
        .parallel()
        .forEach(
            b -> {
              Tally tally = new Tally(agents, keep);
              int from = (int) ((long) units * b / blocks);
              int to = (int) ((long) units * (b + 1) / blocks);
              tally.binding +=
                  scan.scanUnits(x, tolerance, from, to, (key, shortfall) -> observe(family, tally, key, shortfall,
                      tolerance));
              tallies[b] = tally;
            });
    return List.of(tallies);
  }

  private static void observe(ConstraintFamily family, Tally tally, int[] key, double shortfall, double tolerance) {
    if (shortfall <= tolerance) {
      // Above 0 but within the tolerance: binding up to rounding.
      tally.binding++;
      noteViolation(family, tally, key, shortfall);
      return;
    }
    double violation = Double.isNaN(shortfall) ? Double.POSITIVE_INFINITY : shortfall;
    noteViolation(family, tally, key, violation);
    tally.violated++;
    if (tally.keep == 0) {
      return;
    }
    if (tally.violatedKeys.size() < tally.keep) {
      tally.violatedKeys.add(key.clone());
      tally.violatedAmounts.add(violation);
      return;
    }
    int smallest = 0;
    for (int j = 1; j < tally.violatedAmounts.size(); j++) {
      if (tally.violatedAmounts.get(j) < tally.violatedAmounts.get(smallest)) {
        smallest = j;
      }
    }
    if (violation > tally.violatedAmounts.get(smallest)) {
      tally.violatedKeys.set(smallest, key.clone());
      tally.violatedAmounts.set(smallest, violation);
    }
  }

  /** A positive violation: the largest so far and the agent's regret. */
  private static void noteViolation(ConstraintFamily family, Tally tally, int[] key, double violation) {
    if (violation > tally.maxViolation) {
      tally.maxViolation = violation;
      tally.worstKey = key.clone();
    }
    int agent = family.agentOf(key);
    if (agent >= 0 && violation > tally.regretPerAgent[agent]) {
      tally.regretPerAgent[agent] = violation;
    }
  }
}
