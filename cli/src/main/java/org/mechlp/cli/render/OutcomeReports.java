package org.mechlp.cli.render;

import org.mechlp.solver.pipeline.CalibratedExactSolve;
import org.mechlp.solver.pipeline.CalibratedSolve;
import org.mechlp.solver.pipeline.DeterministicSolve;
import org.mechlp.solver.pipeline.ExactSolve;
import org.mechlp.solver.pipeline.RangeSolve;
import org.mechlp.solver.pipeline.Refused;
import org.mechlp.solver.pipeline.SolveOutcome;
import org.mechlp.solver.pipeline.StandardSolve;

/** Renders every kind of {@link SolveOutcome} as text or JSON: the one place a new outcome's renderers are named. */
public final class OutcomeReports {
  private OutcomeReports() {}

  /** The text report of {@code outcome}, listing at most {@code maxRows} lines per table. */
  public static String text(SolveOutcome outcome, int maxRows) {
    TextReport text = new TextReport(maxRows);
    if (outcome instanceof StandardSolve s) {
      String body = text.solve(s.report());
      return s.diagnosis() == null ? body : body + text.infeasibility(s.problem(), s.diagnosis());
    }
    if (outcome instanceof ExactSolve e) {
      var exact = e.exact();
      String body = text.solveExact(exact.report(), exact.certification(), exact.infeasibility());
      return e.diagnosis() == null ? body : body + text.infeasibility(e.problem(), e.diagnosis());
    }
    if (outcome instanceof CalibratedSolve c) {
      return new CalibratedTextReport(maxRows).render(c.report());
    }
    if (outcome instanceof CalibratedExactSolve c) {
      return new CalibratedTextReport(maxRows).renderExact(c.exact());
    }
    if (outcome instanceof DeterministicSolve d) {
      return text.deterministic(d.report());
    }
    if (outcome instanceof RangeSolve r) {
      return text.range(r.report());
    }
    throw new IllegalArgumentException(unrendered(outcome));
  }

  /** The {@code mechlp-report/1} JSON text of {@code outcome} (docs/OUTPUT.md). */
  public static String json(SolveOutcome outcome) {
    if (outcome instanceof StandardSolve s) {
      return s.diagnosis() == null ? JsonReport.solve(s.report()) : JsonReport.solve(s.report(), s.diagnosis());
    }
    if (outcome instanceof ExactSolve e) {
      var exact = e.exact();
      return JsonReport.solveExact(exact.report(), exact.certification(), exact.infeasibility(), e.diagnosis());
    }
    if (outcome instanceof CalibratedSolve c) {
      return CalibratedJsonReport.render(c.report());
    }
    if (outcome instanceof CalibratedExactSolve c) {
      return CalibratedJsonReport.renderExact(c.exact());
    }
    if (outcome instanceof DeterministicSolve d) {
      return JsonReport.deterministic(d.report());
    }
    if (outcome instanceof RangeSolve r) {
      return JsonReport.range(r.report());
    }
    throw new IllegalArgumentException(unrendered(outcome));
  }

  private static String unrendered(SolveOutcome outcome) {
    return outcome instanceof Refused
        ? "a refused request has no report"
        : "no renderer for " + outcome.getClass().getSimpleName();
  }
}
