package org.mechlp.solver.certify;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * The outcome of proving an LP infeasible in exact arithmetic. CERTIFIED is only ever set after
 * {@link FarkasChecker} accepted the certificate.
 *
 * @param status certified or failed ({@link Certification.Status#NOT_APPLICABLE} is not used)
 * @param reason how the proof was found, or why it failed
 * @param certificate the checked Farkas certificate, or null unless certified
 * @param totalViolation the exact optimum of the elastic LP (the least total violation over the column bounds), or
 *     null unless certified
 * @param basisDimension the order of the exact basis system of the elastic LP (0 when none was solved)
 * @param certifyNanos time spent on the elastic LP, exact arithmetic and the check
 */
public record InfeasibilityCertification(
    Certification.Status status,
    String reason,
    InfeasibilityCertificate certificate,
    BigFraction totalViolation,
    int basisDimension,
    long certifyNanos) {

  /** True when infeasibility is proven. */
  public boolean certified() {
    return status == Certification.Status.CERTIFIED;
  }

  /** The non-zero multipliers of the certificate (0 unless certified). */
  public int nonZeros() {
    return certificate == null ? 0 : certificate.nonZeros();
  }
}
