package org.mechlp.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.mechlp.solver.options.SolveOptions;
import picocli.CommandLine;

/** The {@code mechlp} entry point. */
public final class Main {
  /**
   * Names a file descriptor that carries the real stdout. The launcher script moves stdout to descriptor 3 and
   * points descriptor 1 at stderr, because native solvers write to descriptor 1 directly (HiGHS prints its banner
   * there even with output suppressed) and would corrupt a JSON report.
   */
  static final String STDOUT_FD_VARIABLE = "MECHLP_STDOUT_FD";

  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    // Charts are drawn off screen: never try to reach a display, even when DISPLAY is set.
    System.setProperty("java.awt.headless", "true");
    CommandLine cmd = commandLine();
    PrintWriter out = reportWriter(System.getenv(STDOUT_FD_VARIABLE));
    if (out != null) {
      cmd.setOut(out);
    }
    int code = cmd.execute(args);
    cmd.getOut().flush();
    System.exit(code);
  }

  /** The configured command line, for {@link #main} and for tests (which set their own out and err writers). */
  public static CommandLine commandLine() {
    ErrorHandler errors = new ErrorHandler();
    CommandLine cmd = new CommandLine(new MechlpCommand());
    cmd.setExecutionExceptionHandler(errors);
    cmd.setExitCodeExceptionMapper(errors);
    cmd.setExecutionStrategy(ErrorHandler.guarding(new CommandLine.RunLast()));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    // A usage error is one line and a suggestion, not the whole help; enum values are written in lower case.
    cmd.setParameterExceptionHandler(new UsageErrors());
    cmd.registerConverter(ReportFormat.class, new Completions.LowerCaseEnum<>(ReportFormat.class));
    cmd.registerConverter(
        SolveOptions.Strategy.class, new Completions.LowerCaseEnum<>(SolveOptions.Strategy.class));
    // Help fits the terminal (80 columns when it cannot tell); synopses say [OPTIONS] rather than listing them all.
    cmd.setUsageHelpAutoWidth(true);
    for (CommandLine sub : cmd.getSubcommands().values()) {
      sub.getCommandSpec().usageMessage().abbreviateSynopsis(true);
    }
    return cmd;
  }

  /**
   * A writer on the descriptor named by {@code fd}, opened in append mode so a file the shell redirected to is
   * extended rather than overwritten; null when unset or unusable (then the report goes to System.out).
   */
  static PrintWriter reportWriter(String fd) {
    if (fd == null || !fd.matches("\\d+")) {
      return null;
    }
    try {
      FileOutputStream stream = new FileOutputStream("/proc/self/fd/" + fd, true);
      return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    } catch (IOException e) {
      return null;
    }
  }
}
