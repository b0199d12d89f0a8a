package org.mechlp.solver.compare;

import java.util.Optional;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.exact.CalibratedExactSolver;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.pipeline.CalibratedExactSolve;
import org.mechlp.solver.pipeline.CalibratedSolve;
import org.mechlp.solver.pipeline.DeterministicSolve;
import org.mechlp.solver.pipeline.ExactSolve;
import org.mechlp.solver.pipeline.Rationalized;
import org.mechlp.solver.pipeline.Refused;
import org.mechlp.solver.pipeline.SolveOutcome;
import org.mechlp.solver.pipeline.SolvePipeline;
import org.mechlp.solver.pipeline.SolveRequest;
import org.mechlp.solver.pipeline.StandardSolve;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * Computes one row of a comparison: an optimum through {@link SolvePipeline} (so it is verified, and certified when
 * asked, like any solve), or a built-in mechanism through {@link MechanismChecker}. A row that cannot be answered
 * becomes a {@link RowStatus#FAILED} row saying why; it never stops the other rows.
 */
final class RowSolver {
  private final CompareOptions options;

  RowSolver(CompareOptions options) {
    this.options = options;
  }

  /** What identifies a row and what it imposes. */
  record Key(String id, String label, RowKind kind, IcKind ic, IrKind ir) {}

  /** The randomized ({@link RowKind#OPTIMUM}) or deterministic optimum of {@code variant}. */
  ComparisonRow optimum(Key key, Problem variant) {
    boolean deterministic = key.kind() == RowKind.DETERMINISTIC;
    SolveOptions solve = options.solve();
    if (deterministic) {
      // The deterministic mode is a mixed-integer program: SCIP, with the command's deadline.
      solve = new SolveOptions(solve.solver().withBackend(Backend.SCIP), solve.tolerance(), solve.maxListedRows(),
          solve.strategy());
    }
    SolveRequest request =
        new SolveRequest(variant, solve, deterministic ? "deterministic" : SolveRequest.AUTO,
            options.exact() && !deterministic, false, options.maxLpRows(), 0);
    SolveOutcome outcome = SolvePipeline.solve(request);
    if (outcome instanceof Refused refused) {
      return failed(key, refused.reason());
    }
    if (outcome instanceof StandardSolve s) {
      return fromReport(key, s.report(), null, null);
    }
    if (outcome instanceof ExactSolve e) {
      return fromExact(key, e);
    }
    if (outcome instanceof DeterministicSolve d) {
      // Read back as exact fractions when they meet every row exactly, as the standard mode does for an LP optimum.
      SolveReport mip = d.report().deterministic();
      SolveReport report = mip.size() == null ? mip : Rationalized.of(mip, mip.size().rows());
      // A mixed-integer optimum has no LP basis to certify: its point is checked exactly when it reads back as
      // exact fractions, its optimality rests on SCIP's bound.
      String certification = null;
      if (options.exact() && report.status() == SolveStatus.OPTIMAL) {
        certification =
            report.mechanism().isExact()
                ? "exactly feasible; optimal by SCIP's bound, not certified"
                : "not certified (a MIP optimum, proven by SCIP)";
      }
      return fromReport(key, report, null, certification);
    }
    return failed(key, "unexpected answer " + outcome.getClass().getSimpleName() + " for a standard problem");
  }

  /** The calibrated optimum of {@code variant} under its disclosure policy. */
  ComparisonRow disclosure(Key key, Problem variant) {
    SolveRequest request =
        new SolveRequest(variant, options.solve(), SolveRequest.AUTO, options.exact(), false, options.maxLpRows(), 0);
    SolveOutcome outcome = SolvePipeline.solve(request);
    if (outcome instanceof Refused refused) {
      return failed(key, refused.reason());
    }
    CalibratedReport report;
    Quantity objective;
    String certification = null;
    RowStatus status;
    if (outcome instanceof CalibratedSolve c) {
      report = c.report();
      status = RowStatus.of(report.status());
      objective = report.objective() == null ? null : Quantity.of(report.objective());
    } else if (outcome instanceof CalibratedExactSolve c) {
      CalibratedExactSolver.CalibratedExactReport exact = c.exact();
      report = exact.report();
      status = RowStatus.of(report.status());
      if (exact.main().certified()) {
        certification = "certified optimal";
        objective = Quantity.of(exact.main().value());
      } else {
        certification = "not certified: " + exact.main().certification().reason();
        status = RowStatus.FAILED;
        objective = report.objective() == null ? null : Quantity.of(report.objective());
      }
    } else {
      return failed(key, "unexpected answer " + outcome.getClass().getSimpleName() + " for a calibrated problem");
    }
    boolean optimal = status == RowStatus.OPTIMAL;
    return new ComparisonRow(key.id(), key.label(), key.kind(), key.ic(), key.ir(), false, status, report.status(),
        optimal ? objective : null, optimal ? CalibratedMetrics.of(report) : null, null, certification,
        report.exact() ? join(report.message(), "") : join(report.exactness(), report.message()), 0);
  }

  /** The built-in mechanism {@code name}, checked against every constraint of {@code problem}. */
  ComparisonRow builtIn(Key key, Problem problem, BuiltInSource source, String name) {
    Optional<String> refusal = source.refusal(name, problem);
    if (refusal.isPresent()) {
      return ComparisonRow.unsolved(key.id(), key.label(), key.kind(), null, null, RowStatus.NOT_APPLICABLE,
          refusal.get());
    }
    Mechanism mechanism;
    String description;
    try {
      BuiltInSource.Built built = source.build(name, problem);
      mechanism = built.mechanism();
      description = built.description();
    } catch (IllegalArgumentException e) {
      return ComparisonRow.unsolved(key.id(), key.label(), key.kind(), null, null, RowStatus.NOT_APPLICABLE,
          e.getMessage());
    }
    // Every violated row is listed, so that the counts by kind are complete. With exact certification an exact
    // mechanism must meet every row exactly.
    double tolerance = options.exact() && mechanism.isExact() ? 0 : options.solve().tolerance();
    CheckReport check = MechanismChecker.check(problem, mechanism, new CheckOptions(tolerance, Integer.MAX_VALUE));
    Quantity objective =
        check.exactObjective() != null ? Quantity.of(check.exactObjective()) : Quantity.of(check.objective());
    String certification = null;
    if (options.exact()) {
      certification =
          check.exact()
              ? "checked in exact arithmetic"
              : "checked in floating point: the mechanism's numbers are not exact";
    }
    return new ComparisonRow(key.id(), key.label(), key.kind(), null, null, false,
        check.passed() ? RowStatus.PASSES : RowStatus.VIOLATES, null, objective, Metrics.of(problem, mechanism),
        Violations.of(check.verification()), certification, description, 0);
  }

  /** A row that could not be answered, with the reason. */
  static ComparisonRow failed(Key key, String reason) {
    return new ComparisonRow(key.id(), key.label(), key.kind(), key.ic(), key.ir(), false, RowStatus.FAILED, null,
        null, null, null, null, reason, 0);
  }

  private ComparisonRow fromExact(Key key, ExactSolve solve) {
    ExactSolver.ExactSolveReport exact = solve.exact();
    SolveReport report = exact.report();
    Certification certification = exact.certification();
    if (!solve.requested()) {
      // Certified without being asked (a small LP): the value is exact, but the row makes no claim about it.
      return fromReport(key, report, certification.certified() ? certification : null, null);
    }
    if (report.status() == SolveStatus.OPTIMAL && certification.certified()) {
      return fromReport(key, report, certification, "certified optimal");
    }
    if (report.status() == SolveStatus.INFEASIBLE) {
      if (exact.infeasibility() != null && exact.infeasibility().certified()) {
        return fromReport(key, report, null, "certified infeasible (a Farkas certificate)");
      }
      String why = exact.infeasibility() == null ? "no proof attempted" : exact.infeasibility().reason();
      return failedWith(key, report.status(), "infeasible, but not certified: " + why);
    }
    if (report.status() == SolveStatus.UNBOUNDED) {
      return failedWith(key, report.status(), "unbounded, which exact certification does not prove");
    }
    return failedWith(key, report.status(), join(report.message(), "not certified: " + certification.reason()));
  }

  private ComparisonRow fromReport(
      Key key, SolveReport report, Certification certified, String certification) {
    RowStatus status = RowStatus.of(report.status());
    boolean optimal = status == RowStatus.OPTIMAL && report.mechanism() != null;
    Quantity objective = null;
    Metrics metrics = null;
    if (optimal) {
      metrics = Metrics.of(report.problem(), report.mechanism());
      // The solver's (verified) objective, exact when certified: the metrics are under the reference prior, while
      // an objective may weigh types, take the least utility or the worst of several priors.
      objective =
          certified != null && certified.objective() != null
              ? Quantity.of(certified.objective())
              : Quantity.of(report.objective());
    }
    return new ComparisonRow(key.id(), key.label(), key.kind(), key.ic(), key.ir(), false, status, report.status(),
        objective, metrics, null, certification,
        status == RowStatus.OPTIMAL ? "" : report.message(), 0);
  }

  private static ComparisonRow failedWith(Key key, SolveStatus solveStatus, String reason) {
    return new ComparisonRow(key.id(), key.label(), key.kind(), key.ic(), key.ir(), false, RowStatus.FAILED,
        solveStatus, null, null, null, "not certified", reason, 0);
  }

  private static String join(String a, String b) {
    if (a == null || a.isEmpty()) {
      return b == null ? "" : b;
    }
    return b == null || b.isEmpty() ? a : a + "; " + b;
  }
}
