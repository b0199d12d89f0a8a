package org.mechlp.cli;

import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mechlp.cli.io.AtomicFiles;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code mechlp install}: puts the launcher on the PATH (a symbolic link, so that it keeps rebuilding the jar from
 * this clone) and writes the bash completion script where bash-completion finds it.
 */
@Command(
    name = "install",
    mixinStandardHelpOptions = true,
    description = {
      "Link the mechlp launcher into a folder on your PATH and install shell completion.",
      "Creates DIR/mechlp, a symbolic link to this clone's ./mechlp launcher (which rebuilds the jar when a source"
          + " file changes), and writes the completion script to COMPLETION-DIR/mechlp, where bash-completion loads"
          + " it the first time you press TAB after mechlp. Completion offers the commands, the options, the"
          + " report formats, strategies and solver names. For zsh, add 'autoload -U +X bashcompinit &&"
          + " bashcompinit' and 'source COMPLETION-DIR/mechlp' to ~/.zshrc.",
      "Run it again after moving the clone; an existing DIR/mechlp that is not a link is never replaced."
    },
    footer = {
      "%nExamples:",
      "  ./mechlp install",
      "  ./mechlp install /usr/local/bin --completion-dir /etc/bash_completion.d",
      ExitCodes.FOOTER
    })
final class InstallCommand implements Callable<Integer> {
  /** Set by the launcher script to its own path, so that the link points at the launcher, not at the jar. */
  static final String LAUNCHER_VARIABLE = "MECHLP_LAUNCHER";

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "DIR",
      description = "The folder on your PATH for the link (default: ~/.local/bin).")
  Path dir;

  @Option(
      names = "--completion-dir",
      paramLabel = "COMPLETION-DIR",
      description =
          "Where to write the bash completion script (default: $XDG_DATA_HOME/bash-completion/completions, that is"
              + " ~/.local/share/bash-completion/completions).")
  Path completionDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path home = Path.of(System.getProperty("user.home"));
    Path binDir = dir != null ? dir : home.resolve(".local/bin");
    Path scriptDir = completionDir != null ? completionDir : defaultCompletionDir(home);
    Path launcher = launcher();
    Path link = binDir.resolve("mechlp");
    if (Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS) && !Files.isSymbolicLink(link)) {
      throw new BadInputException(link + ": exists and is not a link; remove it or choose another folder");
    }
    Files.createDirectories(binDir);
    Files.createDirectories(scriptDir);
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, launcher);
    out.println("linked " + link + " -> " + launcher);
    Path script = scriptDir.resolve("mechlp");
    AtomicFiles.write(script, AutoComplete.bash("mechlp", spec.root().commandLine()));
    out.println("wrote " + script + " (bash completion)");
    if (!onPath(binDir)) {
      out.println("note: " + binDir + " is not on your PATH; add it, e.g. in ~/.bashrc: export PATH=\""
          + binDir + ":$PATH\"");
    }
    out.println("open a new shell, then try: mechlp solve <TAB>");
    out.flush();
    return ExitCodes.YES;
  }

  private static Path defaultCompletionDir(Path home) {
    String xdg = System.getenv("XDG_DATA_HOME");
    Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
    return data.resolve("bash-completion/completions");
  }

  /**
   * The launcher script: named by the launcher itself, or found next to the jar's clone (the jar lives in
   * cli/target/, compiled classes in cli/target/classes/).
   */
  private static Path launcher() throws BadInputException {
    String named = System.getenv(LAUNCHER_VARIABLE);
    if (named != null && !named.isBlank() && Files.isRegularFile(Path.of(named))) {
      return Path.of(named).toAbsolutePath().normalize();
    }
    try {
      Path code = Path.of(InstallCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      for (Path p = code; p != null; p = p.getParent()) {
        Path candidate = p.resolve("mechlp");
        if (Files.isRegularFile(candidate) && Files.isDirectory(p.resolve("cli"))) {
          return candidate.toAbsolutePath().normalize();
        }
      }
    } catch (URISyntaxException | SecurityException | NullPointerException e) {
      // Fall through to the message below.
    }
    throw new BadInputException(
        "install: cannot find the ./mechlp launcher; run install through it (./mechlp install)");
  }

  private static boolean onPath(Path binDir) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    Path wanted = binDir.toAbsolutePath().normalize();
    for (String entry : path.split(java.io.File.pathSeparator)) {
      if (!entry.isEmpty() && Path.of(entry).toAbsolutePath().normalize().equals(wanted)) {
        return true;
      }
    }
    return false;
  }
}
