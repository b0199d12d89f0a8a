package org.mechlp.solver.robust;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.pipeline.ExactSolve;
import org.mechlp.solver.pipeline.SolveOutcome;
import org.mechlp.solver.pipeline.SolvePipeline;
import org.mechlp.solver.pipeline.SolveRequest;
import org.mechlp.solver.pipeline.StandardSolve;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/** Solving helpers shared by the robust tests: every answer goes through the pipeline, verified. */
final class Robust {
  private Robust() {}

  static Problem read(String json) {
    try {
      return ProblemReader.read(json, "test");
    } catch (Exception e) {
      throw new IllegalArgumentException(e.getMessage() + "\n" + json, e);
    }
  }

  /** The verified report of a solve (certified when the LP is small, as the pipeline does by default). */
  static SolveReport solve(Problem problem) {
    SolveOutcome outcome = SolvePipeline.solve(SolveRequest.of(problem));
    return outcome instanceof ExactSolve e ? e.exact().report() : ((StandardSolve) outcome).report();
  }

  /** The optimal value, which must exist. */
  static double value(Problem problem) {
    SolveReport report = solve(problem);
    assertThat(report.status()).as(problem.name()).isEqualTo(SolveStatus.OPTIMAL);
    return report.objective();
  }

  /** The certified optimal value of an exact solve, which must be certified. */
  static BigFraction exactValue(Problem problem) {
    SolveOutcome outcome = SolvePipeline.solve(SolveRequest.of(problem).withExact(true));
    assertThat(outcome).isInstanceOf(ExactSolve.class);
    ExactSolve exact = (ExactSolve) outcome;
    assertThat(exact.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(exact.exact().certification().certified()).as(exact.exact().certification().reason()).isTrue();
    return exact.exact().certification().objective();
  }
}
