package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Solve, edit the result and check it again": the mechanism in a solve's JSON report, checked against the same
 * problem with tolerance 0, passes, on every shipped standard instance; both for the answer certified by default
 * (exact fractions) and for a floating-point answer (the lazy strategy is never certified by default, so its mechanism
 * is the rationalized one, written only when it satisfies every row exactly).
 */
class SolveCheckRoundTripTest {
  @TempDir Path dir;

  /** Every shipped instance without a calibration block (a calibrated check needs a state-dependent mechanism). */
  static Stream<String> standardInstances() throws IOException {
    Path instances = Path.of(System.getProperty("instances.dir"));
    ObjectMapper mapper = new ObjectMapper();
    try (Stream<Path> files = Files.list(instances)) {
      List<String> names =
          files
              .filter(f -> f.getFileName().toString().endsWith(".json"))
              .filter(f -> !read(mapper, f).has("calibration"))
              .map(Path::toString)
              .sorted()
              .toList();
      assertThat(names).hasSizeGreaterThan(10);
      return names.stream();
    }
  }

  private static JsonNode read(ObjectMapper mapper, Path file) {
    try {
      return mapper.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest
  @MethodSource("standardInstances")
  void theCertifiedMechanismChecksExactly(String instance) throws Exception {
    roundTrip(instance, List.of());
  }

  @ParameterizedTest
  @MethodSource("standardInstances")
  void theFloatingPointMechanismChecksExactly(String instance) throws Exception {
    roundTrip(instance, List.of("--strategy", "lazy"));
  }

  private void roundTrip(String instance, List<String> options) throws Exception {
    Path report = dir.resolve("report.json");
    List<String> solve =
        Stream.concat(Stream.of("solve", instance, "--format", "json", "--out", report.toString()), options.stream())
            .toList();
    CliRun solved = CliRun.run(solve.toArray(String[]::new));
    if (solved.exitCode() == 3) {
      // Infeasible (bilateral-trade-ms, public-good-dsic-strong-bb): there is no mechanism to check.
      assertThat(new ObjectMapper().readTree(report.toFile()).get("mechanism").isNull()).isTrue();
      return;
    }
    assertThat(solved.exitCode()).as(solved.err()).isZero();

    CliRun checked =
        CliRun.run("check", instance, "--mechanism", report.toString(), "--tolerance", "0");

    assertThat(checked.exitCode()).as(instance + " " + options + "\n" + checked.out()).isZero();
    assertThat(checked.out()).contains("passes: no constraint violated");
  }
}
