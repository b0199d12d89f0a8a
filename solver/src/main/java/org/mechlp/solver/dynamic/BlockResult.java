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
 */
public record BlockResult(
    BlockKey key, Status status, BigFraction[][] payments, BigFraction largest, BigFraction margin,
    String verification) {
  /** How a block ended. */
  public enum Status {
    SOLVED,
    INFEASIBLE,
    FAILED
  }
}
