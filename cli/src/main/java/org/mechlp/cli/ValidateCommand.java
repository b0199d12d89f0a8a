package org.mechlp.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code mechlp validate}: reads every file and reports all of its issues, without solving anything. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Check problem files without solving them: prints \"OK name\" or every issue of each file.",
    footer = {
      "%nExamples:",
      "  mechlp validate instances/myerson-two-bidders.json",
      "  mechlp validate instances/*.json",
      ExitCodes.FOOTER
    })
final class ValidateCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description = "Problem files (format mechlp/1); - reads one from standard input.")
  List<Path> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int invalid = 0;
    for (Path file : files) {
      try {
        String name = DynamicRun.applies(file) ? DynamicRun.problem(file).name() : Inputs.problem(file).name();
        out.println("OK " + name + " (" + file + ")");
      } catch (InvalidInputException e) {
        invalid++;
        ErrorHandler.printIssues(err, e);
      } catch (BadInputException e) {
        invalid++;
        err.println(e.getMessage());
      }
    }
    out.flush();
    err.flush();
    if (invalid > 0 && files.size() > 1) {
      err.println(invalid + " of " + files.size() + " files invalid");
      err.flush();
    }
    return invalid == 0 ? ExitCodes.YES : ExitCodes.BAD_INPUT;
  }
}
