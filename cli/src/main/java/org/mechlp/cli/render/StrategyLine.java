package org.mechlp.cli.render;

import java.util.Locale;
import org.mechlp.solver.report.StrategyReport;

/** The strategy of a solve, in words for the text report and as an object for the JSON report. */
public final class StrategyLine {
  private StrategyLine() {}

  /**
   * For example "lazy (auto: 159,600 IC rows): 2 rounds, 2,252 of 159,600 IC rows built, verified against every
   * row (largest violation 0)", or "full (auto: 600 IC rows)".
   */
  public static String of(StrategyReport s) {
    if (!s.lazy()) {
      return s.strategy() + " (" + s.reason() + ")";
    }
    return String.format(
        Locale.ROOT,
        "%s (%s): %d round%s, %,d of %,d IC rows built, verified against every row (largest violation %s)",
        s.strategy(),
        s.reason(),
        s.rounds(),
        s.rounds() == 1 ? "" : "s",
        s.icRowsUsed(),
        s.icRowsTotal(),
        Double.isNaN(s.maxViolationAllRows()) ? "-" : Numbers.format(s.maxViolationAllRows()));
  }
}
