package org.mechlp.solver.pipeline;

import java.util.Optional;
import org.mechlp.model.Problem;
import org.mechlp.solver.StrategyPlan;
import org.mechlp.solver.StrategyPlanner;

/**
 * The one road from a problem to a report: picks the {@link SolveMode} of a {@link SolveRequest} ({@link
 * SolveModes}), refuses an LP too large to build before building it ({@link StrategyPlanner}), runs the mode and
 * returns its {@link SolveOutcome}. Every answer in an outcome has been verified independently of the solver.
 */
public final class SolvePipeline {
  private SolvePipeline() {}

  /**
   * Solves {@code request}.
   *
   * @throws InvalidRequestException when the request cannot run as asked (the message says what to change)
   */
  public static SolveOutcome solve(SolveRequest request) {
    Problem problem = request.problem();
    SolveMode mode = SolveModes.of(request);
    if (request.curvePoints() > 0 && (!problem.isCalibrated() || problem.stateCount() != 2)) {
      throw new InvalidRequestException(
          "--curve and --plot draw V(mu) over the belief in one of two states: they need a problem with a"
              + " \"calibration\" block and exactly two states; "
              + problem.name()
              + (problem.isCalibrated() ? " has " + problem.stateCount() + " states" : " is not calibrated"));
    }
    Optional<String> refusal;
    try {
      refusal = StrategyPlanner.refusal(problem, request.options().strategy(), request.maxLpRows());
    } catch (InvalidRequestException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
    if (refusal.isPresent()) {
      return new Refused(problem, refusal.get());
    }
    return mode.solve(request);
  }

  /** The strategy plan of a standard request (its refusal already checked), for modes that solve the full LP. */
  static StrategyPlan plan(SolveRequest request) {
    try {
      return StrategyPlanner.plan(request.problem(), request.options().strategy(), true);
    } catch (IllegalArgumentException e) {
      throw new InvalidRequestException(e.getMessage());
    }
  }
}
