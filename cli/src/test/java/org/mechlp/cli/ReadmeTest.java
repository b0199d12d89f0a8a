package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs every {@code ./mechlp ...} command shown in README.md against the shipped instances (in the spirit of
 * Commons' UserGuideTest), so the README cannot drift from what the tool does. A command whose mechanism the README
 * presents as broken (split-the-difference, full-extraction) or impossible (solving bilateral-trade-ms) must answer
 * "no" (exit 3); every other command, verifying a certificate of infeasibility included, must succeed. Output files named by --out, --plot, --curve, --junit, --summary and
 * --certificate go to a scratch directory, where later commands find them.
 */
class ReadmeTest {
  @TempDir Path scratch;

  static Path repo() {
    String dir = System.getProperty("instances.dir");
    assertThat(dir).as("system property instances.dir (set by surefire)").isNotNull();
    return Path.of(dir).getParent();
  }

  static List<String> readmeCommands() throws IOException {
    List<String> commands = new ArrayList<>();
    boolean inCode = false;
    for (String line : Files.readAllLines(repo().resolve("README.md"))) {
      if (line.startsWith("```")) {
        inCode = !inCode;
      } else if (inCode && line.startsWith("./mechlp ")) {
        commands.add(line.substring("./mechlp ".length()).trim());
      }
    }
    return commands;
  }

  /** Every file a README command writes into the clone is ignored by git, so following the README leaves it clean. */
  @org.junit.jupiter.api.Test
  void gitIgnoresEveryFileTheReadmeCommandsWrite() throws IOException {
    List<PathMatcher> ignored = new ArrayList<>();
    for (String line : Files.readAllLines(repo().resolve(".gitignore"))) {
      if (line.startsWith("/")) {
        ignored.add(FileSystems.getDefault().getPathMatcher("glob:" + line.substring(1)));
      }
    }
    List<String> outputs = new ArrayList<>();
    for (String command : readmeCommands()) {
      String[] tokens = command.split("\\s+");
      for (int i = 1; i < tokens.length; i++) {
        if (List.of("--out", "--plot", "--curve", "--junit", "--summary", "--certificate").contains(tokens[i - 1])
            && !tokens[i].contains("/")) {
          outputs.add(tokens[i]);
        }
      }
    }
    assertThat(outputs).as("files written by README commands").isNotEmpty();
    for (String output : outputs) {
      assertThat(ignored).as("%s is in .gitignore", output).anyMatch(m -> m.matches(Path.of(output)));
    }
  }

  @TestFactory
  Stream<DynamicTest> everyReadmeCommandRuns() throws IOException {
    List<String> commands = readmeCommands();
    assertThat(commands).as("./mechlp commands in README.md").hasSizeGreaterThanOrEqualTo(5);
    return commands.stream()
        .map(command -> DynamicTest.dynamicTest(command, () -> run(command)));
  }

  private void run(String command) throws IOException {
    List<String> args = new ArrayList<>();
    if (command.startsWith("install")) {
      // Never into the user's own ~/.local: the link and the completion script go to the scratch directory.
      command = "install " + scratch.resolve("bin") + " --completion-dir " + scratch.resolve("completions");
    }
    byte[] stdin = new byte[0];
    if (command.contains(" < ")) {
      stdin = Files.readAllBytes(repo().resolve(command.substring(command.indexOf(" < ") + 3).trim()));
      command = command.substring(0, command.indexOf(" < "));
    }
    String[] tokens = command.split("\\s+");
    for (int i = 0; i < tokens.length; i++) {
      String token = tokens[i];
      if (i > 0
          && List.of("--out", "--plot", "--curve", "--junit", "--summary", "--certificate")
              .contains(tokens[i - 1])) {
        args.add(scratch.resolve(token).toString());
      } else if (!token.startsWith("-") && Files.exists(scratch.resolve(token))) {
        // A file an earlier README command wrote (a certificate, a report) is read back from the scratch directory.
        args.add(scratch.resolve(token).toString());
      } else if (token.contains("*")) {
        args.addAll(glob(token));
      } else if (Files.exists(repo().resolve(token)) && !token.startsWith("-")) {
        args.add(repo().resolve(token).toString());
      } else {
        args.add(token);
      }
    }
    CommandLine cmd = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    java.io.InputStream savedIn = System.in;
    System.setIn(new java.io.ByteArrayInputStream(stdin));
    int code;
    try {
      code = cmd.execute(args.toArray(new String[0]));
    } finally {
      System.setIn(savedIn);
      // A link out of the scratch directory would make JUnit warn when it deletes the directory.
      Files.deleteIfExists(scratch.resolve("bin/mechlp"));
    }
    // The README presents these proposals as broken: their checks must answer "no".
    int expected =
        command.contains("split-the-difference")
                || command.contains("full-extraction")
                || (command.startsWith("solve") && command.contains("bilateral-trade-ms"))
                || command.contains("second-price-gamma-two")
                || command.contains("a2-violated")
                || command.contains("revenue-target")
                || command.contains("sell-often-myerson")
                || command.contains("calibrated-two-bidders-state-price")
            ? 3
            : 0;
    assertThat(code).as("exit code of '%s'; stderr: %s", command, err).isEqualTo(expected);
    assertThat(out.toString() + listScratch()).as("output of '%s'", command).isNotBlank();
  }

  private String listScratch() throws IOException {
    try (Stream<Path> files = Files.list(scratch)) {
      return String.join(" ", files.map(Path::toString).toList());
    }
  }

  private static List<String> glob(String pattern) throws IOException {
    Path dir = repo().resolve(pattern.substring(0, pattern.lastIndexOf('/')));
    PathMatcher matcher =
        FileSystems.getDefault().getPathMatcher("glob:" + pattern.substring(pattern.lastIndexOf('/') + 1));
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> matcher.matches(p.getFileName())).sorted().map(Path::toString).toList();
    }
  }
}
