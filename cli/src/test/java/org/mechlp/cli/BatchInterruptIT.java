package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupting a batch (here with SIGTERM, which runs the same shutdown hooks as Ctrl-C) keeps what finished and marks
 * the rest NOT_RUN (issue 10).
 */
class BatchInterruptIT {
  @TempDir Path dir;

  /** Two bidders with 20 values each (16,400 rows): a fifth of a second or so per problem. */
  static String auction(int shift) {
    StringBuilder types = new StringBuilder();
    StringBuilder prior = new StringBuilder();
    for (int j = 0; j < 20; j++) {
      types.append(j == 0 ? "" : ", ").append("{\"name\": \"v").append(j).append("\", \"value\": \"")
          .append(j + 1 + shift).append("/20\"}");
      prior.append(j == 0 ? "" : ", ").append("\"1/20\"");
    }
    String bidder = "{\"name\": \"%s\", \"types\": [" + types + "], \"prior\": [" + prior + "]}";
    return "{\"format\": \"mechlp/1\", \"agents\": [" + bidder.formatted("a") + ", " + bidder.formatted("b")
        + "], \"outcomes\": {\"shortcut\": \"single-item\"}}";
  }

  @Test
  void finishedResultsAreWrittenWhenTheRunIsStopped() throws Exception {
    Path problems = Files.createDirectories(dir.resolve("problems"));
    int count = 30;
    for (int i = 0; i < count; i++) {
      Files.writeString(problems.resolve(String.format("p%02d.json", i)), auction(i));
    }
    Path summary = dir.resolve("summary.jsonl");
    Path stderr = dir.resolve("stderr.txt");
    Path stdout = dir.resolve("stdout.txt");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    Process process =
        new ProcessBuilder(
                List.of(
                    java, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "batch",
                    problems.toString(), "--jobs", "1", "--summary", summary.toString()))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    // Stop it once two problems are done.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline
        && Files.readString(stdout, StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("OK")).count() < 2) {
      Thread.sleep(50);
    }
    process.destroy();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(err).contains("interrupted: ");
    List<String> written = Files.readAllLines(summary);
    // Issue 10: every problem has a record; those that did not finish are NOT_RUN, so the summary says it is
    // incomplete, and merging it exits 5 (before, the unrun problems were missing and merge exited 0).
    assertThat(written).as(err).hasSize(count);
    long ok = written.stream().filter(line -> line.contains("\"verdict\":\"OK\"")).count();
    long notRun = written.stream().filter(line -> line.contains("\"verdict\":\"NOT_RUN\"")).count();
    assertThat(ok).isGreaterThanOrEqualTo(2);
    assertThat(notRun).isPositive();
    assertThat(ok + notRun).isEqualTo(count);
    assertThat(process.exitValue()).isNotZero();
    CliRun merge = CliRun.run("merge", summary.toString());
    assertThat(merge.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
    assertThat(merge.err()).contains("incomplete: " + notRun + " problems were not run");
  }
}
