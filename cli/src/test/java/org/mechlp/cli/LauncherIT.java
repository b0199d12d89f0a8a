package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the {@code mechlp} launcher script itself (after {@code package}, so it does not rebuild): its start-up
 * measures, the class data sharing archive and the per-user cache of native libraries, must leave the answer and a
 * clean JSON standard output unchanged, and the native libraries must land in the cache it is given.
 */
class LauncherIT {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path dir;

  @Test
  void solvesTwiceWithTheArchiveAndTheNativeCache() throws Exception {
    Path cache = dir.resolve("natives");
    for (int run = 0; run < 2; run++) {
      JsonNode report = solve(cache);
      assertThat(report.path("status").asText()).isEqualTo("OPTIMAL");
      // Myerson's revenue for instances/myerson-two-bidders.json, as its expect block derives: 2.
      assertThat(report.path("objective").asDouble()).isEqualTo(2.0);
    }
    assertThat(ROOT.resolve("cli/target/mechlp.jsa")).isRegularFile();
    try (Stream<Path> copies = Files.list(cache)) {
      List<Path> folders = copies.toList();
      assertThat(folders).hasSize(1);
      assertThat(folders.get(0).resolve(System.mapLibraryName("jniortools"))).isRegularFile();
    }
  }

  private JsonNode solve(Path cache) throws Exception {
    Path stdout = dir.resolve("stdout.txt");
    Path stderr = dir.resolve("stderr.txt");
    ProcessBuilder builder =
        new ProcessBuilder(
                "bash",
                ROOT.resolve("mechlp").toString(),
                "solve",
                ROOT.resolve("instances/myerson-two-bidders.json").toString(),
                "--format",
                "json")
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile());
    builder.environment().put("MECHLP_NATIVE_CACHE", cache.toString());
    builder.environment().remove("MECHLP_JAVA_OPTS");
    Process process = builder.start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String err = Files.readString(stderr, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(err).isZero();
    String out = Files.readString(stdout, StandardCharsets.UTF_8);
    assertThat(out).as("stdout (stderr: %s)", err).startsWith("{");
    return new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).readTree(out);
  }
}
