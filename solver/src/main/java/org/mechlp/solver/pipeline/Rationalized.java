package org.mechlp.solver.pipeline;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * A floating-point optimum read back as the rationals it approximates, kept only when that rational mechanism
 * satisfies every row exactly: so that a report's mechanism, written out and checked again with tolerance 0, passes.
 * A double such as 0.26666666666666666 is not 4/15, and checked exactly it may violate a row by 1e-17.
 */
public final class Rationalized {
  /** Rows above which the exact check is not run: it costs about as much as building the LP in fractions. */
  static final long MAX_ROWS = 100_000;

  private Rationalized() {}

  /**
   * {@code report} with its mechanism replaced by the simplest nearby rationals ({@link Fractions#rationalize}) and
   * its objective by that mechanism's exact objective, when the report is OPTIMAL, the LP has at most {@link
   * #MAX_ROWS} rows and the rational mechanism passes an exact check with tolerance 0; else {@code report} unchanged.
   */
  public static SolveReport of(SolveReport report, long lpRows) {
    Mechanism floating = report.mechanism();
    if (report.status() != SolveStatus.OPTIMAL || floating == null || floating.isExact() || lpRows > MAX_ROWS) {
      return report;
    }
    Problem problem = report.problem();
    int k = floating.profileCount();
    int m = floating.outcomeCount();
    int n = floating.agentCount();
    BigFraction[] allocation = new BigFraction[k * m];
    BigFraction[] transfers = new BigFraction[k * n];
    for (int p = 0; p < k; p++) {
      for (int o = 0; o < m; o++) {
        allocation[p * m + o] = Fractions.rationalize(floating.allocation(p, o));
      }
      for (int i = 0; i < n; i++) {
        transfers[p * n + i] = Fractions.rationalize(floating.transfer(p, i));
      }
    }
    Mechanism rational = Mechanism.ofFractions(k, m, n, allocation, transfers);
    CheckReport exact = MechanismChecker.check(problem, rational, new CheckOptions(0, 0));
    if (!exact.passed()) {
      return report;
    }
    return new SolveReport(
        problem,
        report.status(),
        // The objective of the mechanism reported, computed exactly (the double nearest to it, not 2.0000000000000004).
        exact.exactObjective() != null ? exact.exactObjective().doubleValue() : report.objective(),
        rational,
        report.size(),
        report.interim(),
        report.verification(),
        report.solverName(),
        report.compileNanos(),
        report.solveNanos(),
        report.verifyNanos(),
        report.message(),
        report.strategy());
  }
}
