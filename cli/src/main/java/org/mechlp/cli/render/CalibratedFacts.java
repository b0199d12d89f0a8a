package org.mechlp.cli.render;

import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.Problem;
import org.mechlp.solver.calibrated.CalibratedReport;

/** What the text and JSON renderings of a calibrated report derive from it: bound labels, the gap, the mode. */
final class CalibratedFacts {
  private CalibratedFacts() {}

  /** True when the problem maximizes, so the standard BIC optimum bounds every calibrated value from above. */
  static boolean maximizes(Problem problem) {
    return problem.objective().maximize();
  }

  /**
   * "exact", "lower bound" or "upper bound": what the reported objective is relative to the calibrated optimum; null
   * without an objective.
   */
  static String objectiveKind(CalibratedReport report) {
    if (report.objective() == null) {
      return null;
    }
    if (report.exact()) {
      return "exact";
    }
    return maximizes(report.problem()) ? "lower bound" : "upper bound";
  }

  /** Which side the standard BIC optimum bounds the calibrated optimum from (docs/THEORY.md, sandwich). */
  static String standardSide(Problem problem) {
    return maximizes(problem) ? "upper bound" : "lower bound";
  }

  /**
   * How far the value is from the standard BIC bound, in the objective's units (non-negative up to solver noise),
   * or null when either is missing.
   */
  static Double gap(CalibratedReport report) {
    if (report.objective() == null || report.standardBound() == null) {
      return null;
    }
    double difference = report.standardBound() - report.objective();
    return maximizes(report.problem()) ? difference : -difference;
  }

  /** The disclosure mode in words, with the grid settings for optimal disclosure. */
  static String disclosure(CalibrationSpec spec) {
    return switch (spec.disclosure()) {
      case OPTIMAL ->
          "optimal (posterior grid 1/"
              + spec.gridResolution()
              + ", extra posteriors with denominators up to "
              + spec.maxDenominator()
              + (spec.adaptive() ? ", adaptive refinement)" : ", no refinement)");
      case FULL -> "full transparency (the state is revealed)";
      case NONE -> "none (one rule for the prior)";
      case FIXED -> "fixed signal structure (signals " + String.join(", ", spec.signalNames()) + ")";
    };
  }
}
