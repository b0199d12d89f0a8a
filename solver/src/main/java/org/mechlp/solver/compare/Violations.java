package org.mechlp.solver.compare;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.Verification;

/**
 * The rows of the problem's constraints a built-in mechanism violates, counted by kind.
 *
 * @param ic violated incentive rows (a profitable misreport)
 * @param ir violated participation rows
 * @param budget violated budget-balance rows
 * @param other every other violated row: feasibility, transfer bounds, a fixed allocation, charges where the
 *     problem has no transfers
 * @param largest the largest violation in the problem's units (exact when the check was), 0 when none
 * @param worstRow the row with the largest violation, in words, or null when none
 */
public record Violations(long ic, long ir, long budget, long other, Quantity largest, String worstRow) {
  /** The total number of violated rows. */
  public long total() {
    return ic + ir + budget + other;
  }

  /** Counts the violated rows of a check's verification (which must list all of them). */
  static Violations of(Verification verification) {
    long ic = 0;
    long ir = 0;
    long budget = 0;
    long other = 0;
    RowCheck worst = null;
    for (RowCheck row : verification.violations()) {
      String family = row.family();
      if (family.startsWith("ic-")) {
        ic++;
      } else if (family.startsWith("ir-")) {
        ir++;
      } else if (family.startsWith("budget")) {
        budget++;
      } else {
        other++;
      }
      if (worst == null || row.amount() > worst.amount()) {
        worst = row;
      }
    }
    // The check lists every violated row (it is asked for all of them); a shorter list would undercount.
    other += Math.max(0, verification.violationCount() - verification.violations().size());
    Quantity largest;
    if (worst == null) {
      largest = verification.exact() ? Quantity.of(BigFraction.ZERO) : Quantity.of(0);
    } else if (verification.exact() && verification.exactMaxViolation() != null) {
      largest = Quantity.of(verification.exactMaxViolation());
    } else {
      largest = Quantity.of(verification.maxViolation());
    }
    return new Violations(ic, ir, budget, other, largest, worst == null ? null : worst.description());
  }
}
