package org.mechlp.solver.dynamic;

import org.mechlp.model.dynamic.BlockKey;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The answer for one block.
 *
 * @param key the block
 * @param status solved, infeasible (proven) or failed
 * @param payments {@code payments[y][r]} = P[y, r], exact; null unless solved
 * @param largest max |P|, or null
 * @param margin the smallest slack of the truth rows (ii), or null
 * @param verification how the payments were verified, or why the block is infeasible or failed
 * @param rank the exact rank of M (assumption A3), or -1 when not computed
 * @param a2 the A2 distances of M's columns, or null when not computed
 */
public record BlockResult(
    BlockKey key, Status status, BigFraction[][] payments, BigFraction largest, BigFraction margin,
    String verification, int rank, ConvexIndependence a2) {

  BlockResult(BlockKey key, Status status, BigFraction[][] payments, BigFraction largest, BigFraction margin,
      String verification, int rank) {
    this(key, status, payments, largest, margin, verification, rank, null);
  }

  /** The same result for another block with the same data (a stationary period's twin). */
  BlockResult forKey(BlockKey other) {
    return new BlockResult(other, status, payments, largest, margin, verification, rank, a2);
  }

  /** The same result with the rank of M and the A2 distances (null when not computed). */
  BlockResult with(int matrixRank, ConvexIndependence distances) {
    return new BlockResult(key, status, payments, largest, margin, verification, matrixRank, distances);
  }
  /** How a block ended. */
  public enum Status {
    SOLVED,
    INFEASIBLE,
    FAILED
  }
}
