package org.mechlp.cli.render.json;

import java.util.List;
import java.util.Map;

/** The {@code mechlp-report/1} JSON of a check (docs/OUTPUT.md, "check --format json"). */
public record CheckJson(
    String format,
    String command,
    String problem,
    boolean passed,
    boolean exact,
    Double objective,
    String objectiveExact,
    String objectiveSense,
    VerificationJson verification,
    long violationCount,
    List<Violation> violations,
    Map<String, Double> largestRegret,
    List<InterimJson> interim) {

  /** A violated row with its amount. */
  public record Violation(
      String family, String row, String description, String agent, Double amount, String amountExact) {}
}
