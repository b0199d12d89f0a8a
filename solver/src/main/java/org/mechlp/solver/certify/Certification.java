package org.mechlp.solver.certify;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The outcome of exact certification. CERTIFIED is only ever set after {@link CertificateChecker} accepted the
 * certificate, so "certified" is never printed for something unchecked.
 *
 * @param status certified, failed, or not applicable (no optimum to certify)
 * @param reason why certification failed or does not apply; how it succeeded otherwise
 * @param objective the proven optimal value, or null unless certified
 * @param certificate the checked certificate, or null unless certified
 * @param basisDimension the order of the exact basis system (0 when none was solved)
 * @param fillIn entries the exact LU created beyond the basis matrix's own
 * @param certifyNanos time spent on exact arithmetic and re-solves
 */
public record Certification(
    Status status,
    String reason,
    BigFraction objective,
    Certificate certificate,
    int basisDimension,
    long fillIn,
    long certifyNanos) {

  /** Whether the optimum was proven. */
  public enum Status {
    CERTIFIED,
    FAILED,
    NOT_APPLICABLE
  }

  /** True when the optimum is proven. */
  public boolean certified() {
    return status == Status.CERTIFIED;
  }

  /** A certification that does not apply (no optimal basis to certify). */
  public static Certification notApplicable(String reason) {
    return new Certification(Status.NOT_APPLICABLE, reason, null, null, 0, 0, 0);
  }
}
