package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, wrong answers 5: solve used to accept the calibration switches observePayments and typesRedrawn and
 * return the default model's answer as if they were not there. It solves the default model only, so it now refuses
 * the others (exit 2, naming the switch); batch counts them INVALID; the defaults, written out, still solve.
 */
class Issue10CalibrationSwitchesTest {
  @TempDir Path dir;

  private Path exampleC(String switches) throws Exception {
    String text =
        Files.readString(Path.of(CliRun.instance("calibrated-example-c")))
            .replace("\"calibration\": {\"disclosure\": \"optimal\"}",
                "\"calibration\": {\"disclosure\": \"optimal\"" + switches + "}");
    assertThat(text).contains(switches);
    Path file = dir.resolve("example-c.json");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void typesRedrawnIsRefusedBySolveWithItsPathAndReason() throws Exception {
    Path out = dir.resolve("report.txt");

    CliRun run =
        CliRun.run("solve", exampleC(", \"typesRedrawn\": true").toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("calibration.typesRedrawn: true is not solved", "mechlp check");
    assertThat(out).doesNotExist();
  }

  @Test
  void observePaymentsFalseIsRefusedBySolveAndInvalidInABatch() throws Exception {
    Path problem = exampleC(", \"observePayments\": false");

    CliRun solve = CliRun.run("solve", problem.toString());
    CliRun batch = CliRun.run("batch", problem.toString());

    assertThat(solve.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(solve.err()).contains("calibration.observePayments: false is not solved");
    assertThat(batch.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(batch.out()).contains("INVALID", "calibration.observePayments");
  }

  @Test
  void theDefaultsWrittenOutStillSolveToTheDerivedValue() throws Exception {
    CliRun run =
        CliRun.run(
            "solve", exampleC(", \"observePayments\": true, \"typesRedrawn\": false").toString(),
            "--format", "json");

    // The instance's description derives the calibrated optimum (1/4) 3/2 + (3/4) 5/3 = 13/8.
    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.YES);
    assertThat(run.out()).contains("\"objective\": 1.625");
  }
}
