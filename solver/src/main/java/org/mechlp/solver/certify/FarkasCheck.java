package org.mechlp.solver.certify;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The verdict of {@link FarkasChecker}.
 *
 * @param valid true when the multipliers have the right signs, the combined row's least value over the column
 *     bounds is finite and exceeds the combined right-hand side: then the LP is proven infeasible
 * @param failedName the row or column name of the first failure, or null when valid or not tied to one
 * @param failedDescription that row in words (or "column bounds"), or null
 * @param failure what failed, in words, or null when valid
 * @param failureCount how many checks failed in all
 * @param combinedRhs {@code y b}, the right-hand side of the combined row (null when the sizes did not match)
 * @param combinedMinimum the least value of {@code (A^T y) x} over the column bounds, or null when it is
 *     unbounded below or the sizes did not match
 * @param nonZeros the non-zero multipliers
 * @param rowsChecked rows and columns examined
 */
public record FarkasCheck(
    boolean valid,
    String failedName,
    String failedDescription,
    String failure,
    long failureCount,
    BigFraction combinedRhs,
    BigFraction combinedMinimum,
    long nonZeros,
    long rowsChecked) {

  /** The failure in one line: "row name: what failed", or "valid". */
  public String summary() {
    if (valid) {
      return "valid";
    }
    return failedName == null ? failure : failedName + ": " + failure;
  }
}
