package org.mechlp.solver.certify;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The verdict of {@link CertificateChecker}.
 *
 * @param valid true when the primal point is feasible, the duals are dual feasible and both objectives equal the
 *     claimed value exactly: then the claimed value is the proven optimum
 * @param failedName the row or column name of the first failure, or null when valid
 * @param failedDescription that row in words (or "column bounds"), or null
 * @param failure what failed, in words, or null when valid
 * @param failureCount how many checks failed in all
 * @param primalObjective the objective recomputed at the primal point (null when the sizes did not match)
 * @param dualObjective the dual bound recomputed from the duals (null when the sizes did not match)
 * @param rowsChecked rows and columns examined
 */
public record CertificateCheck(
    boolean valid,
    String failedName,
    String failedDescription,
    String failure,
    long failureCount,
    BigFraction primalObjective,
    BigFraction dualObjective,
    long rowsChecked) {

  /** The failure in one line: "row name: what failed", or "valid". */
  public String summary() {
    if (valid) {
      return "valid";
    }
    return failedName == null ? failure : failedName + ": " + failure;
  }
}
