package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs the command line in a separate JVM, because native solver output written straight to file descriptor 1
 * bypasses the in-process writers the other tests capture: stdout must still parse as one JSON document. The JVM is
 * started with the launcher script's redirection (real stdout on descriptor 3, descriptor 1 to stderr), since HiGHS
 * prints its banner on descriptor 1 whatever OR-Tools is told.
 */
class StdoutIsCleanIT {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"glop", "clp", "highs", "pdlp", "scip"})
  void jsonOnStdoutParsesWhateverTheBackend(String solver) throws Exception {
    Path problem = Files.writeString(dir.resolve("p.json"), Problems.MYERSON_TWO_BIDDERS);
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "bash",
                    "-c",
                    "exec \"$@\" 3>&1 1>&2",
                    "bash",
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "solve",
                    problem.toString(),
                    "--format",
                    "json",
                    "--solver",
                    solver))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().put(Main.STDOUT_FD_VARIABLE, "3");
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    String out = Files.readString(stdout, StandardCharsets.UTF_8);
    JsonNode root = parse(out, err);
    assertThat(root.path("command").asText()).isEqualTo("solve");
    assertThat(process.exitValue()).as(err).isIn(0, 4);
  }

  private static JsonNode parse(String out, String err) throws IOException {
    assertThat(out).as("stdout (stderr: %s)", err).startsWith("{");
    return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(out);
  }
}
