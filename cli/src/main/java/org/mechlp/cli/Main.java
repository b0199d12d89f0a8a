package org.mechlp.cli;

import picocli.CommandLine;

/** The {@code mechlp} entry point. */
public final class Main {
  private Main() {}

  /** Runs the command line and exits with its exit code. */
  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, for {@link #main} and for tests (which set their own out and err writers). */
  public static CommandLine commandLine() {
    ErrorHandler errors = new ErrorHandler();
    CommandLine cmd = new CommandLine(new MechlpCommand());
    cmd.setExecutionExceptionHandler(errors);
    cmd.setExitCodeExceptionMapper(errors);
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    return cmd;
  }
}
