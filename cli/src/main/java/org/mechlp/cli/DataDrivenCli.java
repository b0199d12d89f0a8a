package org.mechlp.cli;

import java.nio.file.Path;
import org.mechlp.cli.render.DataDrivenReports;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.model.datadriven.DataDrivenProblem;
import org.mechlp.solver.SolveOptions;
import org.mechlp.solver.datadriven.DataDrivenCheck;
import org.mechlp.solver.datadriven.DataDrivenChecker;
import org.mechlp.solver.datadriven.DataDrivenData;
import org.mechlp.solver.datadriven.DataDrivenReport;
import org.mechlp.solver.datadriven.DataDrivenSolver;

/**
 * What {@code solve} and {@code check} do with a data-driven problem file (one with an "estimator"): solve the
 * data-driven and the message-driven LP side by side, or check a data-driven mechanism in exact arithmetic.
 */
final class DataDrivenCli {
  private DataDrivenCli() {}

  /** {@code solve} on a data-driven problem; returns the exit code. */
  static int solve(Path problemFile, SolveOptions options, boolean exact, ReportFormat format, Output output,
      int maxRows) throws Exception {
    if (format == ReportFormat.CSV || format == ReportFormat.LATEX) {
      throw new BadInputException("--format: a data-driven problem's report is text or json");
    }
    DataDrivenProblem problem = Inputs.dataDriven(problemFile).problem();
    DataDrivenReport report;
    try {
      report = DataDrivenSolver.solve(problem, options, exact);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(problemFile + ": " + e.getMessage());
    }
    output.write(format == ReportFormat.JSON
        ? DataDrivenReports.solveJson(report)
        : DataDrivenReports.solveText(report, maxRows));
    return report.dataDriven().status().exitCode();
  }

  /** {@code check} of a data-driven mechanism file; returns 0 when it passes, 3 otherwise. */
  static int check(Path problemFile, Path mechanismFile, double tolerance, ReportFormat format, Output output,
      int maxRows) throws Exception {
    if (format == ReportFormat.CSV || format == ReportFormat.LATEX) {
      throw new BadInputException("--format: check writes text or json");
    }
    DataDrivenProblem problem = Inputs.dataDriven(problemFile).problem();
    DataDrivenMechanism mechanism;
    try {
      mechanism = Inputs.dataDrivenMechanism(mechanismFile, problem);
    } catch (InvalidInputException e) {
      throw e;
    }
    DataDrivenCheck check = DataDrivenChecker.check(new DataDrivenData(problem), mechanism, tolerance);
    output.write(format == ReportFormat.JSON
        ? DataDrivenReports.checkJson(check)
        : DataDrivenReports.checkText(check, maxRows));
    return check.passes() ? ExitCodes.YES : ExitCodes.NO;
  }
}
