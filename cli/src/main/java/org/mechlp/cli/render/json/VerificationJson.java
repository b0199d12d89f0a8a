package org.mechlp.cli.render.json;

/** The independent verification of a point (docs/OUTPUT.md, "verification"). */
public record VerificationJson(
    Double maxViolation,
    String maxViolationExact,
    String worstRow,
    long rowsChecked,
    boolean exact,
    Double tolerance,
    Double objectiveRecomputed) {}
