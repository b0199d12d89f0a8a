package org.mechlp.cli.render.json;

/** The independent verification of a point (docs/OUTPUT.md, "verification"). */
public record VerificationJson(
    Double maxViolation,
    String maxViolationExact,
    String worstRow,
    long rowsChecked,
    boolean exact,
    Double tolerance,
    Double objectiveRecomputed,
    OptimalityJson optimality) {

  /** How the point was shown optimal, or why not (docs/OUTPUT.md, "verification"); null when not examined. */
  public record OptimalityJson(
      String method, boolean verified, Double maxDualViolation, String worstDual, Double gap, String note) {}
}
