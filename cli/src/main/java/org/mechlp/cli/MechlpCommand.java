package org.mechlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top-level {@code mechlp} command; it only groups the subcommands and the global options. */
@Command(
    name = "mechlp",
    mixinStandardHelpOptions = true,
    versionProvider = MechlpCommand.Version.class,
    description = "Computes optimal mechanisms of finite mechanism design problems with a linear program.",
    subcommands = {
      SolveCommand.class,
      CheckCommand.class,
      ValidateCommand.class,
      BatchCommand.class,
      PlotCommand.class,
      BenchCommand.class,
      MergeCommand.class,
      VerifyCertificateCommand.class,
      VcgCommand.class,
      SequenceCommand.class,
      HelpCommand.class,
      AutoComplete.GenerateCompletion.class
    },
    footer = {
      "%nExamples:",
      "  mechlp solve instances/myerson.json",
      "  mechlp solve problem.json --format json --out result.json",
      "  mechlp check problem.json --mechanism mechanism.json",
      "  mechlp validate instances/*.json",
      "  mechlp bench --quick",
      ExitCodes.FOOTER
    })
final class MechlpCommand implements Runnable {
  @Option(
      names = "--stacktrace",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of unexpected errors.")
  boolean stackTrace;

  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing a command: solve, check, validate or bench");
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
