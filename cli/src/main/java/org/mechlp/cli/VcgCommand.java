package org.mechlp.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mechlp.cli.render.DataDrivenReports;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.json.DataDrivenMechanismJson;
import org.mechlp.solver.datadriven.DataDrivenCheck;
import org.mechlp.solver.datadriven.DataDrivenChecker;
import org.mechlp.solver.datadriven.DataDrivenData;
import org.mechlp.solver.datadriven.DataDrivenVcg;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mechlp vcg}: data-driven VCG of a data-driven problem, written as an exact mechanism file and checked. */
@Command(
    name = "vcg",
    mixinStandardHelpOptions = true,
    description = {
      "Build and check data-driven VCG for a problem with an \"estimator\".",
      "The efficient allocation is computed exactly; agent i pays p_i(t, estimate) = h_i(t_-i) minus the others'",
      "utilities and the non-strategic party's, valued at the estimate. Writes the transfer table as an exact",
      "mechanism file and prints its check: the largest IC gain epsilon per agent with where it is reached, and",
      "the IR and budget violations."
    },
    footer = {
      "%nExamples:",
      "  mechlp vcg instances/data-driven-ad-auction.json --h clarke --out vcg.json",
      "  mechlp check instances/data-driven-ad-auction.json --mechanism vcg.json",
      ExitCodes.FOOTER
    })
final class VcgCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "PROBLEM.json", description = "A data-driven problem file.")
  Path problemFile;

  @Option(names = "--h", paramLabel = "zero|clarke|H.json", defaultValue = "zero",
      description = "The part of each payment that depends on the others' reports only: zero, clarke, or a table"
          + " file (format mechlp-vcg-h/1) with h per agent and profile of the others' types (default:"
          + " ${DEFAULT-VALUE}).")
  String h;

  @Option(names = "--out", paramLabel = "MECH.json", description = "Write the mechanism file here.")
  Path out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Check report format: text or json (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = "--max-rows", paramLabel = "N", defaultValue = "200",
      description = "Most profiles and violations listed (default: ${DEFAULT-VALUE}).")
  int maxRows;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    DataDrivenVcg.H which = DataDrivenVcg.H.fromJson(h);
    Path table = which == null ? Path.of(h) : null;
    if (table != null && !java.nio.file.Files.isRegularFile(table)) {
      throw new BadInputException("--h: expected zero, clarke or an h table file; there is no file '" + h + "'");
    }
    Output mechanismOut = out == null ? null : Output.of("--out", out, null, null, problemFile);
    DataDrivenProblem problem = Inputs.dataDriven(problemFile);
    DataDrivenData data = new DataDrivenData(problem);
    DataDrivenMechanism vcg;
    try {
      vcg = table == null
          ? DataDrivenVcg.build(data, which)
          : DataDrivenVcg.build(data, org.mechlp.model.json.VcgHJson.read(table, problem));
    } catch (IllegalArgumentException e) {
      throw new BadInputException(problemFile + ": " + e.getMessage());
    }
    String hName = table == null ? which.json() : "the table in " + table;
    DataDrivenCheck check = DataDrivenChecker.check(data, vcg, 0);
    if (mechanismOut != null) {
      org.mechlp.cli.io.AtomicFiles.write(out, DataDrivenMechanismJson.write(problem, vcg,
          "data-driven VCG with h = " + hName + " for " + problem.problem().name()));
    }
    String report = format == ReportFormat.JSON
        ? DataDrivenReports.checkJson(check)
        : "data-driven VCG, h = " + hName + "\n" + DataDrivenReports.mechanismText(problem, vcg, maxRows)
            + "\n" + DataDrivenReports.checkText(check, maxRows);
    Output.of(null, spec.commandLine().getOut()).write(report);
    return check.passes() ? ExitCodes.YES : ExitCodes.NO;
  }
}
