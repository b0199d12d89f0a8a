package org.mechlp.solver.pipeline;

import org.mechlp.model.Problem;
import org.mechlp.solver.report.SolveStatus;

/**
 * What {@link SolvePipeline#solve(SolveRequest)} returns: one record per kind of answer. Renderers (text, JSON) and
 * the Java API read these records; a new {@link SolveMode} adds its record to the {@code permits} list.
 */
public sealed interface SolveOutcome
    permits Refused,
        StandardSolve,
        ExactSolve,
        CalibratedSolve,
        CalibratedExactSolve,
        DeterministicSolve,
        RangeSolve {
  /** The problem that was solved. */
  Problem problem();

  /** The verified status of the answer, or null when the request was {@link Refused}. */
  SolveStatus status();

  /** The process exit code of this answer: 0 yes, 3 no (infeasible, unbounded), 4 a failure or a limit. */
  default int exitCode() {
    return status().exitCode();
  }
}
