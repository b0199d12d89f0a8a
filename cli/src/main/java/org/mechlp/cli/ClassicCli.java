package org.mechlp.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.mechlp.cli.render.DataDrivenReports;
import org.mechlp.cli.render.JsonReport;
import org.mechlp.cli.render.TextReport;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.Problem;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.classic.BuiltMechanism;
import org.mechlp.solver.classic.ClassicMechanism;
import org.mechlp.solver.classic.ClassicMechanisms;
import org.mechlp.solver.classic.ClassicOptions;
import org.mechlp.solver.classic.NotApplicableException;
import org.mechlp.solver.datadriven.DataDrivenCheck;
import org.mechlp.solver.datadriven.DataDrivenChecker;
import org.mechlp.solver.datadriven.DataDrivenData;
import org.mechlp.solver.datadriven.DataDrivenVcg;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.report.CheckReport;
import picocli.CommandLine;

/**
 * What {@code mechanism} and {@code check --mechanism NAME} share: looking a built-in up by name (a usage error with
 * "did you mean" when there is none), building it, and writing it as a mechanism file.
 */
final class ClassicCli {
  /** The names of the built-in mechanisms, for shell completion. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ClassicMechanisms.names().iterator();
    }
  }

  private ClassicCli() {}

  /**
   * The built-in called {@code name}.
   *
   * @throws UnknownNameException when there is none (exit 2, with the nearest names)
   */
  static ClassicMechanism lookup(CommandLine cmd, String name, String what) {
    return ClassicMechanisms.named(name)
        .orElseThrow(
            () -> new UnknownNameException(
                cmd,
                what + "unknown built-in mechanism '" + name + "'; built-ins: "
                    + String.join(", ", ClassicMechanisms.names()),
                name,
                ClassicMechanisms.names()));
  }

  /**
   * Whether a {@code --mechanism} value is meant as a built-in's name rather than a file: no such file exists, and it
   * is a bare word (no folder, no extension), such as {@code vcg}.
   */
  static boolean namesBuiltin(Path mechanism) {
    String text = mechanism.toString();
    return !Inputs.isStdin(mechanism) && !Files.exists(mechanism) && text.matches("[A-Za-z][A-Za-z0-9_-]*");
  }

  /**
   * Builds {@code m} for {@code problem}.
   *
   * @throws BadInputException when it does not apply, naming the problem file and the reason
   */
  static BuiltMechanism build(ClassicMechanism m, Problem problem, ClassicOptions options, Path problemFile)
      throws BadInputException {
    try {
      return m.build(problem, options);
    } catch (NotApplicableException e) {
      throw new BadInputException(Inputs.name(problemFile) + ": " + e.getMessage());
    }
  }

  /** Whether {@code name} is built as data-driven VCG on a data-driven problem: vcg (Clarke's h) and groves (h = 0). */
  static boolean dataDrivenVcg(String name) {
    return name.equals("vcg") || name.equals("groves");
  }

  /**
   * Data-driven VCG for the built-in {@code name} (vcg: Clarke's h; groves: h = 0) of a data-driven problem.
   *
   * @throws BadInputException for any other built-in, or when the estimator cannot value utilities
   */
  static DataDrivenMechanism dataDriven(String name, DataDrivenData data, Path problemFile) throws BadInputException {
    if (!dataDrivenVcg(name)) {
      throw new BadInputException(Inputs.name(problemFile) + ": " + name + " does not apply: the problem is"
          + " data-driven (it has an \"estimator\"); only vcg and groves apply, as data-driven VCG");
    }
    try {
      return DataDrivenVcg.build(data, name.equals("vcg") ? DataDrivenVcg.H.CLARKE : DataDrivenVcg.H.ZERO);
    } catch (IllegalArgumentException e) {
      throw new BadInputException(Inputs.name(problemFile) + ": " + e.getMessage());
    }
  }

  /** The mechanism file of {@code built} (format mechlp-mechanism/1) with its name and description. */
  static String json(Problem problem, BuiltMechanism built) {
    ObjectNode body = MechanismJson.toJson(problem, built.mechanism());
    ObjectNode root = body.objectNode();
    root.put("format", MechanismJson.FORMAT);
    root.put("name", built.name());
    StringBuilder description = new StringBuilder(built.description());
    for (String note : built.notes()) {
      description.append("; ").append(note);
    }
    description.append(". Built by mechlp mechanism ").append(built.name()).append(" for ").append(problem.name())
        .append('.');
    root.put("description", description.toString());
    root.set("profiles", body.get("profiles"));
    return root.toPrettyString() + "\n";
  }

  /** {@code check --mechanism NAME}: builds the built-in in memory and checks it as {@code check} checks a file. */
  static int check(
      CommandLine cmd,
      Path problemFile,
      String name,
      double tolerance,
      ReportFormat format,
      Output output,
      int maxRows)
      throws Exception {
    ClassicMechanism m = lookup(cmd, name, "--mechanism " + name + ": no such file, and ");
    if (DynamicRun.applies(problemFile)) {
      throw new BadInputException(Inputs.name(problemFile) + ": " + name + " does not apply: the problem is dynamic"
          + " (it has \"periods\"); built-in mechanisms are static");
    }
    Problem problem = Inputs.problem(problemFile);
    if (problem.isDataDriven()) {
      DataDrivenProblem ddp = DataDrivenProblem.of(problem);
      DataDrivenData data = new DataDrivenData(ddp);
      DataDrivenMechanism mechanism = dataDriven(name, data, problemFile);
      DataDrivenCheck check = DataDrivenChecker.check(data, mechanism, tolerance);
      output.write(format == ReportFormat.JSON
          ? DataDrivenReports.checkJson(check)
          : "built-in mechanism " + name + ": data-driven VCG\n" + DataDrivenReports.checkText(check, maxRows));
      return check.passes() ? ExitCodes.YES : ExitCodes.NO;
    }
    BuiltMechanism built = build(m, problem, ClassicOptions.defaults(), problemFile);
    CheckReport report = MechanismChecker.check(problem, built.mechanism(), new CheckOptions(tolerance, maxRows));
    output.write(format == ReportFormat.JSON
        ? JsonReport.check(report)
        : "built-in mechanism " + name + ": " + built.description() + "\n" + notes(built.notes())
            + new TextReport(maxRows).check(report));
    return report.passed() ? ExitCodes.YES : ExitCodes.NO;
  }

  /** The notes, one indented line each. */
  static String notes(List<String> notes) {
    StringBuilder sb = new StringBuilder();
    for (String note : notes) {
      sb.append("  ").append(note).append('\n');
    }
    return sb.toString();
  }
}
