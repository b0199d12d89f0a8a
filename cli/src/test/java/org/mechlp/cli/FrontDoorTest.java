package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What a newcomer meets first: usage errors, the command list, help texts, standard input and install. */
class FrontDoorTest {
  @TempDir Path dir;

  private static Path repo() {
    return Path.of(System.getProperty("instances.dir")).getParent();
  }

  @Test
  void noArgumentsListsEveryCommandAndExits2() {
    CliRun r = CliRun.run();

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      assertThat(r.err()).contains("  " + command + " ");
    }
  }

  @Test
  void aMistypedCommandOrOptionIsOneLineAndASuggestion() {
    CliRun command = CliRun.run("slove", "x.json");
    CliRun option = CliRun.run("solve", CliRun.instance("myerson-two-bidders"), "--foramt", "json");
    CliRun value = CliRun.run("solve", CliRun.instance("myerson-two-bidders"), "--format", "jsn");

    assertThat(command.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(command.err().lines())
        .containsExactly(
            "mechlp: unknown command 'slove'",
            "did you mean mechlp solve?",
            "'mechlp --help' lists the commands and examples");
    assertThat(option.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(option.err().lines())
        .containsExactly(
            "mechlp solve: unknown option '--foramt'",
            "did you mean --format?",
            "'mechlp solve --help' lists the options and examples");
    assertThat(value.err().lines()).hasSize(2).first().asString().contains("expected one of text, json, csv, latex");
  }

  @Test
  void suggestionsComeFromEditDistanceOrPrefix() {
    // Optimal string alignment distances, counted by hand: one transposition, one deletion, one substitution.
    assertThat(UsageErrors.distance("slove", "solve")).isEqualTo(1);
    assertThat(UsageErrors.distance("--exat", "--exact")).isEqualTo(1);
    assertThat(UsageErrors.distance("chek", "check")).isEqualTo(1);
    // plot -> solve: substitute p/s, transpose lo/ol, substitute t/v, insert e.
    assertThat(UsageErrors.distance("plot", "solve")).isEqualTo(4);
    assertThat(UsageErrors.closest("slove", List.of("solve", "plot", "verify-certificate"))).containsExactly("solve");
    assertThat(UsageErrors.closest("--tol", List.of("--tolerance", "--time-limit"))).containsExactly("--tolerance");
    assertThat(UsageErrors.closest("zzzzzz", List.of("solve", "check"))).isEmpty();
  }

  /**
   * Every help text fits 80 columns, so that neither picocli nor the terminal breaks a word; every command in the
   * list is described by a whole sentence; every example names files that exist (or that an example before it
   * writes).
   */
  @Test
  void helpTextsFit80ColumnsAndTheirExamplesNameRealFiles() {
    CommandLine root = Main.commandLine();
    List<CommandLine> commands = new ArrayList<>();
    commands.add(root);
    commands.addAll(root.getSubcommands().values());
    Pattern file = Pattern.compile("(instances|proposals)/[\\w.-]+\\.json");
    for (CommandLine command : commands) {
      command.setUsageHelpWidth(80);
      command.setUsageHelpAutoWidth(false);
      StringWriter text = new StringWriter();
      command.usage(new PrintWriter(text));
      String name = command.getCommandSpec().qualifiedName();
      for (String line : text.toString().lines().toList()) {
        assertThat(line.length()).as("%s --help: %s", name, line).isLessThanOrEqualTo(80);
      }
      List<String> examples =
          text.toString().lines().dropWhile(l -> !l.equals("Examples:")).skip(1).takeWhile(l -> !l.isBlank()).toList();
      if (!name.equals("mechlp bench") && !name.equals("mechlp merge") && !name.contains("help")
          && !name.contains("completion")) {
        assertThat(examples).as("%s --help has examples", name).isNotEmpty();
        assertThat(examples.get(0)).as("%s --help: the first example names a shipped file", name)
            .containsPattern("(instances|proposals)(/[\\w.-]+\\.json)?( |$)|^  \\./mechlp install$");
      }
      for (String example : examples) {
        Matcher m = file.matcher(example);
        while (m.find()) {
          assertThat(repo().resolve(m.group())).as("%s --help: %s", name, example).exists();
        }
      }
    }
    String list = new CommandLine.Help(root.getCommandSpec()).commandList();
    for (String entry : list.split("\\n(?=  \\S)")) {
      assertThat(entry.strip()).as("command list entry").endsWith(".");
    }
  }

  @Test
  void standardInputIsAProblemOrAMechanismFile() throws IOException {
    byte[] problem = Files.readAllBytes(Path.of(CliRun.instance("bilateral-trade")));
    byte[] mechanism = Files.readAllBytes(repo().resolve("proposals/posted-price.json"));

    CliRun solved = StdinRun.run(problem, "solve", "-");
    CliRun problemIn =
        StdinRun.run(problem, "check", "-", "--mechanism", repo().resolve("proposals/posted-price.json").toString());
    CliRun mechanismIn = StdinRun.run(mechanism, "check", CliRun.instance("bilateral-trade"), "--mechanism", "-");
    CliRun both = StdinRun.run(problem, "check", "-", "--mechanism", "-");
    CliRun empty = StdinRun.run(new byte[0], "solve", "-");
    CliRun invalid = StdinRun.run("{\"format\": \"mechlp/1\"}".getBytes(StandardCharsets.UTF_8), "validate", "-");

    assertThat(solved.exitCode()).as(solved.err()).isZero();
    assertThat(solved.out()).contains("OPTIMAL");
    assertThat(problemIn.exitCode()).as(problemIn.err()).isZero();
    assertThat(mechanismIn.exitCode()).as(mechanismIn.err()).isZero();
    assertThat(problemIn.out()).isEqualTo(mechanismIn.out());
    assertThat(both.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(both.err()).contains("standard input (-) holds one file");
    assertThat(empty.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(empty.err()).contains("<stdin>: empty");
    assertThat(invalid.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(invalid.err()).contains("<stdin>: ");
  }

  @Test
  void aMultiPeriodProblemCanComeFromStandardInputToo() throws IOException {
    byte[] problem = Files.readAllBytes(repo().resolve("instances/dynamic/liu-winner-pay-auction.json"));

    CliRun solved = StdinRun.run(problem, "solve", "-");

    assertThat(solved.exitCode()).as(solved.err()).isZero();
    assertThat(solved.out()).startsWith("Dynamic problem liu-winner-pay-auction");
  }

  @Test
  void installLinksTheLauncherAndWritesACompletionScriptWithLowerCaseValues() throws IOException {
    Path bin = dir.resolve("bin");
    Path completions = dir.resolve("completions");

    CliRun r = CliRun.run("install", bin.toString(), "--completion-dir", completions.toString());
    CliRun again = CliRun.run("install", bin.toString(), "--completion-dir", completions.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(again.exitCode()).as("installing twice replaces the link: %s", again.err()).isZero();
    Path link = bin.resolve("mechlp");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readSymbolicLink(link)).isEqualTo(repo().resolve("mechlp").toAbsolutePath().normalize());
    String script = Files.readString(completions.resolve("mechlp"));
    assertThat(script)
        .contains("complete -F", "verify-certificate", "--export-lp")
        .contains("(\"text\" \"json\" \"csv\" \"latex\")")
        .contains("(\"glop\" \"pdlp\" \"highs\" \"clp\" \"scip\" \"cpsat\")")
        .contains("(\"full\" \"lazy\" \"reduced\" \"symmetric\" \"features\" \"auto\")");
    // The link points outside the temporary folder; JUnit would warn when deleting it.
    Files.delete(link);
  }

  @Test
  void installNeverReplacesAFileThatIsNotALink() throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Files.writeString(bin.resolve("mechlp"), "someone else's mechlp");

    CliRun r = CliRun.run("install", bin.toString(), "--completion-dir", dir.resolve("c").toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(Files.readString(bin.resolve("mechlp"))).isEqualTo("someone else's mechlp");
  }
}
