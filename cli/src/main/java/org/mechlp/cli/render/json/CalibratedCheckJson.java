package org.mechlp.cli.render.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import java.util.List;

/**
 * The {@code mechlp-report/1} JSON of {@code check} on a calibrated problem: what repeated use reveals (C1) and whether
 * a two-stage mechanism produces the same outcome (C2) (docs/OUTPUT.md).
 */
public record CalibratedCheckJson(
    String format,
    String command,
    String problem,
    boolean passed,
    boolean exact,
    Calibration calibration,
    StandardBic standardBic,
    Implementable implementable) {

  /** The calibration check: the cells of states the mechanism reveals and the violated rows within them. */
  public record Calibration(List<List<String>> cells, List<Violation> violations, long violationCount) {}

  /** The standard BIC check of the same mechanism, for comparison. */
  public record StandardBic(boolean passed, long violationCount, List<Violation> violations) {}

  /** Whether some two-stage mechanism produces the same outcome, and why. */
  public record Implementable(String verdict, String reason) {}

  /** A violated row; {@code exactAmount} when checked in exact arithmetic. */
  public record Violation(
      String family,
      String row,
      String description,
      double amount,
      @JsonInclude(Include.NON_NULL) String exactAmount) {}
}
