package org.mechlp.solver.calibrated;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.report.SolveStatus;

/**
 * A calibrated solve together with the LPs it ran, so that exact certification can re-examine each one: the main LP
 * (by disclosure mode) and the bracketing LPs. Every LP maximizes; a value in the problem's sense is {@code sign}
 * times the LP's.
 *
 * @param report the calibrated report, as {@link CalibratedSolver#solve} returns it
 * @param sign +1 when the problem maximizes, -1 when it minimizes (the LPs maximize sign times the objective)
 * @param main the main LP (for full transparency or no disclosure the same LP as {@code full} or {@code none})
 * @param mainPosteriors for the P1 grid LP, the candidate posteriors it was solved over, in column order (needed to
 *     rebuild it, since the adaptive refinement chooses them from floating-point solves); null otherwise
 * @param full full transparency (docs/THEORY.md P2)
 * @param none no disclosure
 * @param standard the standard BIC bound (docs/THEORY.md P4), or null when not computed (several agents)
 * @param deterministic the deterministic-rules LP (docs/THEORY.md P3), or null when it does not apply
 * @param exactnessNeedsStandardBound whether the report calls the P1 value exact only because it equals the
 *     standard bound (one agent, not private values): exactly, that needs both certified and equal
 */
public record CalibratedLps(
    CalibratedReport report,
    int sign,
    SolvedLp main,
    List<BigFraction[]> mainPosteriors,
    SolvedLp full,
    SolvedLp none,
    SolvedLp standard,
    SolvedLp deterministic,
    boolean exactnessNeedsStandardBound) {
  /** The LP of a given signal structure (docs/THEORY.md P0). */
  public static final String SIGNAL = "p0-signal";

  /** The posterior-grid LP of optimal disclosure over candidate posteriors (docs/THEORY.md P1). */
  public static final String GRID = "p1-grid";

  /** Full transparency (docs/THEORY.md P2): the vertices as the only posteriors. */
  public static final String FULL = "p2-full-transparency";

  /** No disclosure: the prior as the only posterior. */
  public static final String NONE = "no-disclosure";

  /** The standard BIC LP with a designer who knows the state (docs/THEORY.md P4). */
  public static final String STANDARD = "p4-standard-bound";

  /** The calibrated LP over deterministic stage-2 rules (docs/THEORY.md P3). */
  public static final String DETERMINISTIC = "p3-deterministic-rules";

  /**
   * One LP the solve ran.
   *
   * @param kind which LP it is (one of the constants of {@link CalibratedLps})
   * @param program the LP
   * @param result what the backend returned, with its basis for GLOP and CLP
   * @param status the verified status
   */
  public record SolvedLp(String kind, LinearProgram program, LpResult result, SolveStatus status) {}

  /**
   * A main LP rebuilt from the problem file (and, for P1, the candidate posteriors) without a solver.
   *
   * @param kind which LP it is
   * @param program the LP
   * @param sign +1 when the problem maximizes, -1 when it minimizes
   * @param candidatePosteriors how many posteriors the LP has
   */
  public record Rebuilt(String kind, LinearProgram program, int sign, int candidatePosteriors) {}
}
