package org.mechlp.cli.batch;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.cli.render.CalibratedJsonReport;
import org.mechlp.cli.render.JsonReport;
import org.mechlp.model.Problem;
import org.mechlp.solver.exact.CalibratedExactSolver;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.certify.InfeasibilityCertification;
import org.mechlp.solver.certify.io.CalibratedCertificateFile;
import org.mechlp.solver.certify.io.CertificateFile;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;

/**
 * One problem of {@code batch --exact}: solved and certified as {@code solve --exact} does, so that the batch can
 * compare the certified value with the expectation as a fraction. An optimum counts as certified when its value is
 * proven (for a calibrated problem: the calibrated optimum itself, not only the main LP's); an infeasibility when a
 * Farkas certificate was checked.
 *
 * @param status the solve status (NUMERICAL_FAILURE when certification of an optimum failed)
 * @param objective the objective as a double, or null
 * @param rows LP rows (the main LP's for a calibrated problem)
 * @param verification the verification, or null
 * @param message the solver's message, or null
 * @param certified whether the answer (the optimal value, or infeasibility) is proven in exact arithmetic
 * @param value the certified optimal value in the problem's sense, or null (not certified, or infeasible)
 * @param reason how the answer was certified, or why it was not
 * @param json the JSON report (as {@code solve --exact --format json}), or null when not asked for
 * @param certificate the certificate file's text, or null when not asked for or not certified
 */
record ExactBatchSolve(
    SolveStatus status,
    Double objective,
    long rows,
    Verification verification,
    String message,
    boolean certified,
    BigFraction value,
    String reason,
    String json,
    String certificate) {

  /** Solves and certifies {@code problem}; {@code fileBytes} (for the certificate) is null when none is wanted. */
  static ExactBatchSolve of(Problem problem, SolveOptions options, byte[] fileBytes, boolean wantJson) {
    return problem.isCalibrated()
        ? calibrated(problem, options, fileBytes, wantJson)
        : standard(problem, options, fileBytes, wantJson);
  }

  private static ExactBatchSolve standard(Problem problem, SolveOptions options, byte[] fileBytes, boolean wantJson) {
    ExactSolver.ExactSolveReport exact = ExactSolver.solve(problem, options);
    SolveReport report = exact.report();
    Certification certification = exact.certification();
    InfeasibilityCertification infeasibility = exact.infeasibility();
    boolean optimal = report.status() == SolveStatus.OPTIMAL && certification.certified();
    boolean infeasible =
        report.status() == SolveStatus.INFEASIBLE && infeasibility != null && infeasibility.certified();
    String reason = infeasibility != null ? infeasibility.reason() : certification.reason();
    String certificate = null;
    if (fileBytes != null && optimal) {
      certificate = exact.certificateJson(problem.name(), fileBytes);
    } else if (fileBytes != null && infeasible) {
      certificate =
          CertificateFile.writeInfeasibility(
              problem.name(), fileBytes, exact.compiled().lp(), infeasibility.certificate());
    }
    return new ExactBatchSolve(
        report.status(),
        report.objective(),
        report.size().rows(),
        report.verification(),
        report.message(),
        optimal || infeasible,
        optimal ? certification.objective() : null,
        reason,
        wantJson ? JsonReport.solveExact(report, certification, infeasibility, null) : null,
        certificate);
  }

  private static ExactBatchSolve calibrated(
      Problem problem, SolveOptions options, byte[] fileBytes, boolean wantJson) {
    CalibratedExactSolver.CalibratedExactReport exact = CalibratedExactSolver.solve(problem, options);
    Certification main = exact.main().certification();
    // The main LP's certified value is the calibrated optimum only when the report proves it (optimumReason).
    boolean optimal = exact.report().status() == SolveStatus.OPTIMAL && exact.calibratedOptimum() != null;
    String reason = main.certified() ? exact.optimumReason() : main.reason();
    String certificate =
        fileBytes != null && main.certified()
            ? CalibratedCertificateFile.write(
                problem,
                fileBytes,
                exact.main().kind(),
                exact.posteriors(),
                exact.mainProgram(),
                main.certificate())
            : null;
    return new ExactBatchSolve(
        exact.report().status(),
        exact.report().objective(),
        exact.report().size().rows(),
        exact.report().verification(),
        exact.report().message(),
        optimal,
        optimal ? exact.calibratedOptimum() : null,
        reason,
        wantJson ? CalibratedJsonReport.renderExact(exact) : null,
        certificate);
  }
}
