package org.mechlp.solver.calibrated;

import java.util.List;
import org.mechlp.model.Problem;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;

/**
 * Everything a calibrated solve produced (docs/THEORY.md, Calibrated LPs): the optimal two-stage mechanism for the
 * problem's disclosure mode, the induced signal structure, and the benchmarks that bracket it.
 *
 * @param problem the problem
 * @param status the verified status of the main LP
 * @param objective the designer's optimal value, or null
 * @param exact whether {@code objective} is the calibrated optimum itself rather than a lower bound
 * @param exactness why the value is exact, or what it bounds (shown to the user)
 * @param signals the signals used (probability above 1e-9), with their posteriors and rules
 * @param signalStructure the induced pi(signal | state), indexed [signal][state], aligned with {@code signals}
 * @param fullTransparency the value when the state is revealed (docs/THEORY.md P2), or null when not computed
 * @param noDisclosure the value when nothing is revealed, or null when not computed
 * @param standardBound the standard (non-calibrated) BIC optimum with a designer who knows the state (docs/THEORY.md
 * P4),     an upper bound on every calibrated value, or null when not computed
 * @param deterministicRules the calibrated optimum over deterministic stage-2 rules (docs/THEORY.md P3, an exact LP for
 *     one agent with types independent of the state or without transfers), or null when not computed
 * @param size the main LP's size
 * @param candidatePosteriors how many candidate posteriors the main LP had
 * @param verification the independent verification of the main LP's point, or null
 * @param solverName the backend
 * @param compileNanos time to build the main LP and hand it to the backend (all refinement rounds)
 * @param solveNanos time in the backend for the main LP (all refinement rounds)
 * @param verifyNanos time to verify
 * @param message notes (refinement rounds, fallbacks, verification failures), or empty
 */
public record CalibratedReport(
    Problem problem,
    SolveStatus status,
    Double objective,
    boolean exact,
    String exactness,
    List<SignalRule> signals,
    double[][] signalStructure,
    Double fullTransparency,
    Double noDisclosure,
    Double standardBound,
    Double deterministicRules,
    LpSize size,
    int candidatePosteriors,
    Verification verification,
    String solverName,
    long compileNanos,
    long solveNanos,
    long verifyNanos,
    String message) {
  public CalibratedReport {
    signals = List.copyOf(signals);
  }

  /**
   * This report with another status, objective and message: exact certification of the main LP confirms or
   * overturns the floating-point verdict.
   */
  public CalibratedReport withOutcome(
      SolveStatus newStatus, Double newObjective, boolean newExact, String newMessage) {
    return new CalibratedReport(problem, newStatus, newObjective, newExact, exactness, signals, signalStructure,
        fullTransparency, noDisclosure, standardBound, deterministicRules, size, candidatePosteriors, verification,
        solverName, compileNanos, solveNanos, verifyNanos, newMessage);
  }

  /** A report without the deterministic-rules benchmark. */
  public CalibratedReport(
      Problem problem,
      SolveStatus status,
      Double objective,
      boolean exact,
      String exactness,
      List<SignalRule> signals,
      double[][] signalStructure,
      Double fullTransparency,
      Double noDisclosure,
      Double standardBound,
      LpSize size,
      int candidatePosteriors,
      Verification verification,
      String solverName,
      long compileNanos,
      long solveNanos,
      long verifyNanos,
      String message) {
    this(problem, status, objective, exact, exactness, signals, signalStructure, fullTransparency, noDisclosure,
        standardBound, null, size, candidatePosteriors, verification, solverName, compileNanos, solveNanos,
        verifyNanos, message);
  }
}
