package org.mechlp.cli;

import java.nio.file.Path;
import org.mechlp.cli.render.DataDrivenReports;
import org.mechlp.model.Problem;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.solver.datadriven.DataDrivenCheck;
import org.mechlp.solver.datadriven.DataDrivenChecker;
import org.mechlp.solver.datadriven.DataDrivenData;

/** What {@code check} does with a data-driven problem: checks a data-driven mechanism in exact arithmetic. */
final class DataDrivenCli {
  private DataDrivenCli() {}

  /** {@code check} of a data-driven mechanism file; returns 0 when it passes, 3 otherwise. */
  static int check(Problem problem, Path mechanismFile, double tolerance, ReportFormat format, Output output,
      int maxRows) throws Exception {
    DataDrivenProblem ddp = DataDrivenProblem.of(problem);
    DataDrivenMechanism mechanism = Inputs.dataDrivenMechanism(mechanismFile, ddp);
    DataDrivenCheck check = DataDrivenChecker.check(new DataDrivenData(ddp), mechanism, tolerance);
    output.write(format == ReportFormat.JSON
        ? DataDrivenReports.checkJson(check)
        : DataDrivenReports.checkText(check, maxRows));
    return check.passes() ? ExitCodes.YES : ExitCodes.NO;
  }
}
