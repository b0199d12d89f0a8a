package org.mechlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code mechlp} command; it only groups the subcommands and the global options. */
@Command(
    name = "mechlp",
    mixinStandardHelpOptions = true,
    versionProvider = MechlpCommand.Version.class,
    description =
        "Computes optimal mechanisms of finite mechanism design problems with a linear program, verifies them"
            + " independently of the solver, and checks proposed mechanisms.",
    subcommands = {
      SolveCommand.class,
      CheckCommand.class,
      MechanismCommand.class,
      CompareCommand.class,
      ValidateCommand.class,
      BatchCommand.class,
      PlotCommand.class,
      BenchCommand.class,
      MergeCommand.class,
      VerifyCertificateCommand.class,
      InstallCommand.class,
      VcgCommand.class,
      SequenceCommand.class,
      HelpCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    footer = {
      "%nExamples:",
      "  mechlp solve instances/myerson-two-bidders.json",
      "  mechlp solve instances/myerson-two-bidders.json --format json --out result.json",
      "  mechlp check instances/bilateral-trade.json \\",
      "      --mechanism proposals/posted-price.json",
      "  mechlp validate instances/*.json",
      "  mechlp batch instances",
      "  mechlp install ~/.local/bin",
      ExitCodes.FOOTER
    })
final class MechlpCommand implements Callable<Integer> {
  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of unexpected errors.")
  boolean stackTrace;

  @Spec CommandSpec spec;

  /**
   * Without a command: lists every command on stderr and exits 2 (a usage error), so that a script that forgot
   * the command fails rather than passing.
   */
  @Override
  public Integer call() {
    CommandLine cmd = spec.commandLine();
    PrintWriter err = cmd.getErr();
    err.println("Usage: mechlp COMMAND [OPTIONS] [FILES]");
    err.println();
    err.print(cmd.getHelp().commandList());
    err.println();
    err.println("'mechlp COMMAND --help' explains a command; 'mechlp --help' adds the exit codes.");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  /** Reads the version Maven wrote into {@code mechlp-version.properties}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = MechlpCommand.class.getResourceAsStream("/mechlp-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "mechlp " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version") + ", OR-Tools " + p.getProperty("ortools", "unknown")
      };
    }
  }
}
