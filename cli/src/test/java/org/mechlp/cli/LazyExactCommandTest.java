package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code solve --exact} with lazy IC rows, its certificate (with row keys) and {@code verify-certificate}, on the 6 x
 * 6 midpoint grid: one buyer, values (2i+1)/12 for each item, DSIC and ex post IR. Its optimum 11/18 is the full LP's
 * certified optimum (the same command with {@code --strategy full}, every row built, is the independent side).
 */
class LazyExactCommandTest {
  @TempDir Path dir;
  private Path problem;
  private Path cert;

  @BeforeEach
  void writeProblem() throws IOException {
    List<String> types = new ArrayList<>();
    List<String> prior = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      for (int j = 0; j < 6; j++) {
        types.add("{\"name\": \"a" + i + "b" + j + "\", \"a\": \"" + (2 * i + 1) + "/12\", \"b\": \""
            + (2 * j + 1) + "/12\"}");
        prior.add("\"1/36\"");
      }
    }
    problem =
        Files.writeString(
            dir.resolve("grid6.json"),
            "{\"format\": \"mechlp/1\", \"name\": \"grid-midpoint-N6\", \"agents\": [{\"name\": \"buyer\", \"types\":"
                + " [" + String.join(", ", types) + "], \"prior\": [" + String.join(", ", prior) + "]}],"
                + " \"outcomes\": [\"none\", \"A\", \"B\", \"AB\"], \"valuations\": {\"buyer\": {\"expression\":"
                + " {\"A\": \"a\", \"B\": \"b\", \"AB\": \"a + b\"}}}, \"mechanism\": {\"ic\": \"dsic\", \"ir\":"
                + " \"expost\"}, \"objective\": \"revenue\"}");
    cert = dir.resolve("cert.json");
  }

  @Test
  void theLazyCertificateVerifiesWithoutTheFullLp() throws IOException {
    CliRun full = CliRun.run("solve", problem.toString(), "--exact", "--strategy", "full");
    CliRun lazy =
        CliRun.run("solve", problem.toString(), "--exact", "--strategy", "lazy", "--certificate", cert.toString());
    CliRun verified = CliRun.run("verify-certificate", problem.toString(), cert.toString());

    assertThat(full.out()).contains("certified optimal: 11/18\n");
    assertThat(lazy.exitCode()).as(lazy.err()).isZero();
    assertThat(lazy.out()).contains("certified optimal: 11/18\n").contains("every other row has dual 0")
        .contains("strategy      lazy (requested)");
    assertThat(Files.readString(cert)).contains("\"rowKeys\"");
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.out()).startsWith("certificate valid: optimal value 11/18 (")
        .contains("1,260 incentive rows by a floating-point filter");
  }

  @Test
  void aTamperedDualIsRejected() throws IOException {
    CliRun.run("solve", problem.toString(), "--exact", "--strategy", "lazy", "--certificate", cert.toString());
    String text = Files.readString(cert);
    int duals = text.indexOf("\"duals\"");
    int value = text.indexOf(": \"", duals) + 3;
    Files.writeString(cert, text.substring(0, value) + "1000" + text.substring(value));

    CliRun verified = CliRun.run("verify-certificate", problem.toString(), cert.toString());

    assertThat(verified.exitCode()).isEqualTo(ExitCodes.NO);
    assertThat(verified.out()).startsWith("certificate rejected: ");
  }

  @Test
  void benchExactQuickCertifiesTheGridBothWays() throws IOException {
    Path out = dir.resolve("bench.md");
    CliRun r = CliRun.run("bench", "--exact", "--quick", "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    String table = Files.readString(out);
    assertThat(table).contains("Exact at scale, lazy IC rows against the full LP:");
    // The N = 6 midpoint grid: 36 types, 36 * 35 IC rows; both routes certify 11/18 (the test above).
    assertThat(table)
        .containsPattern("\\| grid-midpoint-N6 \\| 1260 \\| \\d+ \\| \\d+ \\|.*\\| 11/18 \\| 11/18 \\| CERTIFIED \\|");
  }

  @Test
  void exactRefusesTheStrategiesThatSolveAnotherLp() {
    CliRun r = CliRun.run("solve", problem.toString(), "--exact", "--strategy", "symmetric");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--exact certifies the full LP or the lazily built one");
  }
}
