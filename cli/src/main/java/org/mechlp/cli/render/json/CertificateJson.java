package org.mechlp.cli.render.json;

/** The {@code certificate} object of an exact solve: an optimality or an infeasibility certificate. */
public final class CertificateJson {
  private CertificateJson() {}

  /** An optimum certified (or not) in exact arithmetic. */
  public record Optimality(
      String status, String objective, int basisDimension, double certifyMs, String reason) {}

  /** An infeasibility proven (or not) by a Farkas certificate. */
  public record Infeasibility(
      String kind,
      String status,
      long farkasNonZeros,
      String totalViolation,
      int basisDimension,
      double certifyMs,
      String reason) {}
}
