package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input files are read with the same limits whatever their kind: problem files and certificates alike refuse
 * non-UTF-8 bytes (naming the offset), endless or huge files, duplicate keys and trailing text, and echo what they
 * refuse escaped and cut; the JVM running out of memory is a message and exit code 4, not a trace.
 */
class InputHygieneTest {
  @TempDir Path dir;

  private Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @Test
  void aFileThatIsNotUtf8IsNamedWithTheByteOffset() throws IOException {
    // "é" in Latin-1 is the single byte 0xE9, which never stands alone in UTF-8. Its offset is the length of the
    // ASCII text before it.
    String before = "{\"format\": \"mechlp/1\", \"name\": \"caf";
    Path p = dir.resolve("latin1.json");
    Files.write(p, (before + "\u00e9\"}").getBytes(StandardCharsets.ISO_8859_1));

    CliRun r = CliRun.run("validate", p.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(p + ": (top level): the file is not UTF-8 text: byte offset " + before.length()
        + " (0xE9)");
  }

  @Test
  @EnabledOnOs(OS.LINUX)
  void anEndlessFileIsRefusedAfterTheSizeLimit() {
    CliRun r = CliRun.run("validate", "/dev/zero");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("/dev/zero: (top level): the file is larger than 67,108,864 bytes");
  }

  @Test
  void longValuesAreCutAndControlCharactersEscaped() throws IOException {
    String longName = "x".repeat(4000);
    Path p =
        file("bad.json",
            "{\"format\": \"mechlp/1\", \"agents\": [{\"name\": \"a\\u001b[2Jb\", \"types\": [{\"name\": \"t\", \"value\":"
                + " \"" + longName + "\"}], \"prior\": [1]}], \"outcomes\": [\"o\"], \"objective\": \"revenue\"}");

    CliRun r = CliRun.run("validate", p.toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("\"a\\u001b[2Jb\" is not an identifier").doesNotContain("\u001b");
    assertThat(r.err()).contains("\"" + "x".repeat(60) + "... (4,000 characters)\"").doesNotContain("x".repeat(61));
  }

  @Test
  void syntaxErrorsNameLineColumnAndPathWithoutParserInternals() throws IOException {
    List<String> bad =
        List.of(
            "{\"format\": \"mechlp/1\"} {}",
            "{\"format\": \"mechlp/1\", \"format\": \"mechlp/1\"}",
            "{\"format\": NaN}",
            "{\"format\": \"mechlp/1\", // comment\n}",
            "{'format': 1}",
            "{\"a\": [1, 2,]}",
            "{\"a\": 0" + "1".repeat(2000) + "}",
            "[".repeat(1500) + "]".repeat(1500),
            "{\"a\": ");
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < bad.size(); i++) {
      Path p = file("syntax" + i + ".json", bad.get(i));
      CliRun r = CliRun.run("validate", p.toString());
      assertThat(r.exitCode()).as("case " + i).isEqualTo(2);
      assertThat(r.err()).as("case " + i).startsWith(p + ": ").contains("line ", "column ")
          .doesNotContain("Feature", "`", "com.fasterxml", "Constraints", "JsonNode");
      messages.add(r.err());
    }
    assertThat(messages.get(0)).contains("text follows the end of the JSON value");
    // Column 32 is just after the second "format" key, 23 + 8 characters in.
    assertThat(messages.get(1)).contains(": format: line 1, column 32: duplicate field \"format\"");
    assertThat(messages.get(2)).contains("\"NaN\" is not a JSON number");
    assertThat(messages.get(3)).contains("comments are not allowed in JSON");
  }

  @Test
  void certificatesAreReadAsStrictlyAsProblemFiles() throws IOException {
    Path problem = file("myerson.json", Problems.MYERSON_TWO_BIDDERS);
    Path cert = dir.resolve("cert.json");
    CliRun solved = CliRun.run("solve", problem.toString(), "--exact", "--certificate", cert.toString());
    assertThat(solved.exitCode()).as(solved.err()).isZero();
    String text = Files.readString(cert);
    String objective = "\"objective\" : \"2\"";
    assertThat(text).contains(objective);

    List<String[]> cases =
        List.of(
            // Expanding 1e99999999 exactly ran for over 900 s; 1e999999999 overflowed with exit code 1.
            new String[] {text.replace(objective, "\"objective\" : \"1e99999999\""), "$.objective: expected an exact"},
            new String[] {text.replace(objective, "\"objective\" : \"1e999999999\""), "$.objective: expected an exact"},
            new String[] {text + "garbage", "$: not valid JSON: line "},
            new String[] {text + "{}", "$: not valid JSON: line "},
            new String[] {text.replace(objective, objective + ", " + objective), "$.objective: not valid JSON:"},
            new String[] {text.replace(objective, objective + ", \"note\" : 1"), "$.note: unknown field"});
    for (String[] c : cases) {
      Path bad = file("bad-cert.json", c[0]);
      long start = System.nanoTime();
      CliRun r = CliRun.run("verify-certificate", problem.toString(), bad.toString());
      assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
      assertThat(r.err()).startsWith("mechlp: " + bad + ": " + c[1]);
      assertThat(System.nanoTime() - start).isLessThan(TimeUnit.SECONDS.toNanos(10));
    }
  }

  @Test
  void runningOutOfMemoryForRealIsAMessageAndExitCode4() throws Exception {
    // 5 bidders with 10 values: 10^5 profiles, an LP of about 5.6 million rows (allowed here by --max-lp-rows),
    // which cannot be built in a 48 MB heap.
    StringBuilder agents = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      agents.append(i == 0 ? "" : ",").append("{\"name\": \"b").append(i).append("\", \"types\": [");
      for (int t = 1; t <= 10; t++) {
        agents.append(t == 1 ? "" : ",").append("{\"name\": \"v").append(t).append("\", \"value\": ").append(t)
            .append("}");
      }
      agents.append("], \"prior\": [").append(String.join(",", java.util.Collections.nCopies(10, "\"1/10\"")))
          .append("]}");
    }
    Path p =
        file("five.json", "{\"format\": \"mechlp/1\", \"agents\": [" + agents + "], \"outcomes\": {\"shortcut\":"
            + " \"single-item\"}, \"mechanism\": {\"ic\": \"dsic\", \"ir\": \"expost\"}, \"objective\": \"revenue\"}");
    Path out = dir.resolve("out.json");
    String[] solve = {"solve", p.toString(), "--max-lp-rows", "100000000", "--out", out.toString()};
    String[] batch = {"batch", p.toString(), "--max-lp-rows", "100000000"};

    String solved = runInSmallHeap(solve, 4);
    assertThat(solved).contains("mechlp: out of memory: the Java heap (at most ", "MECHLP_JAVA_OPTS=-Xmx8g")
        .doesNotContain("\tat ", "OutOfMemoryError");
    assertThat(out).doesNotExist();
    // In a batch the problem fails alone, with the same advice.
    assertThat(runInSmallHeap(batch, 4)).contains("FAILED", "out of memory").doesNotContain("\tat ", "OutOfMemoryError");
  }

  /** Runs mechlp with {@code args} in a child JVM with a 48 MB heap; its output, after checking the exit code. */
  private static String runInSmallHeap(String[] args, int expectedExit) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx48m", "-XX:+UseSerialGC", "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isEqualTo(expectedExit);
    return output;
  }
}
