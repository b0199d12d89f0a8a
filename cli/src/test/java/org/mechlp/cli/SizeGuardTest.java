package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** LPs over --max-lp-rows are refused before they are built, with their size and a memory estimate. */
class SizeGuardTest {
  @TempDir Path dir;

  @Test
  void solveRefusesAnLpOverTheLimitAndWritesNothing() {
    String problem = Path.of(System.getProperty("instances.dir"), "myerson-two-bidders.json").toString();
    Path out = dir.resolve("result.json");

    CliRun r =
        CliRun.run("solve", problem, "--max-lp-rows", "10", "--out", out.toString());

    // 9 feasibility + 36 DSIC + 18 ex post IR rows (README worked example) and 45 columns.
    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err()).contains("63 rows and 45 columns", "over the limit of 10 rows");
    // Lazy IC rows would not fit either (the 27 non-IC rows exceed 10), and two bidders may be interchangeable, so
    // the refusal points to the symmetry reduction.
    assertThat(r.err()).contains("--strategy symmetric");
    assertThat(out).doesNotExist();
  }

  @Test
  void aRefusedBicAuctionIsPointedToTheReducedForm() {
    String problem = Path.of(System.getProperty("instances.dir"), "myerson-two-bidders-bic.json").toString();

    CliRun r = CliRun.run("solve", problem, "--max-lp-rows", "10", "--strategy", "full");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.err()).contains("over the limit of 10 rows", "--strategy reduced");
  }

  @Test
  void batchRecordsRefusalsAsFailures() {
    String problem = Path.of(System.getProperty("instances.dir"), "myerson-two-bidders.json").toString();

    CliRun r = CliRun.run("batch", problem, "--max-lp-rows", "10");

    assertThat(r.exitCode()).isEqualTo(4);
    assertThat(r.out()).contains("FAILED   myerson-two-bidders", "63 rows");
  }
}
