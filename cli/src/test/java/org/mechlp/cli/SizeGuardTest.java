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

  /** {@code agents} bidders with values 1..{@code types} each, uniform, single item, DSIC and ex post IR. */
  private Path auction(int agents, int types) throws java.io.IOException {
    StringBuilder json = new StringBuilder("{\"format\": \"mechlp/1\", \"agents\": [");
    for (int i = 0; i < agents; i++) {
      json.append(i == 0 ? "" : ",").append("{\"name\": \"b").append(i).append("\", \"types\": [");
      for (int t = 1; t <= types; t++) {
        json.append(t == 1 ? "" : ",").append("{\"name\": \"v").append(t).append("\", \"value\": ").append(t)
            .append("}");
      }
      json.append("], \"prior\": [").append(String.join(",", java.util.Collections.nCopies(types, "\"1/" + types + "\"")))
          .append("]}");
    }
    json.append("], \"outcomes\": {\"shortcut\": \"single-item\"}, \"mechanism\": {\"ic\": \"dsic\", \"ir\":"
        + " \"expost\"}, \"objective\": \"revenue\"}");
    Path file = dir.resolve("auction-" + agents + "x" + types + ".json");
    java.nio.file.Files.writeString(file, json);
    return file;
  }

  @Test
  void hugeProblemsAreRefusedByArithmeticInWellUnderASecond() throws Exception {
    // 10^7 profiles: 7 x 10^7 x 9 DSIC rows; this took 41 s and 3.9 GB before the guard counted without compiling.
    Path seven = auction(7, 10);
    Path out = dir.resolve("out.json");
    CliRun.run("validate", seven.toString()); // warm up parsing, so the timing below is the guard's
    // CPU time of this thread (the command runs in it), so that a loaded machine does not fail the test.
    var threads = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = threads.getCurrentThreadCpuTime();
    CliRun r = CliRun.run("solve", seven.toString(), "--out", out.toString());
    double seconds = (threads.getCurrentThreadCpuTime() - start) / 1e9;

    assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
    // Lazily: 10^7 feasibility + 7 x 10^7 IR rows + initial IC rows; 10^7 x (11 outcomes + 7 transfers) columns.
    assertThat(r.err()).contains("150,000,000 columns", "over the limit of 2,000,000 rows");
    assertThat(seconds).isLessThan(1.0);
    assertThat(out).doesNotExist();

    // 10^8 profiles ran out of memory in the guard itself.
    CliRun eight = CliRun.run("solve", auction(8, 10).toString());
    assertThat(eight.exitCode()).isEqualTo(4);
    assertThat(eight.err()).contains("1,700,000,000 columns");
  }

  @Test
  void moreProfilesThanAnIntIndexIsBadInputNamingTheAgents() throws Exception {
    CliRun r = CliRun.run("validate", auction(10, 10).toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("agents: 10 agents with 10 types each give 10,000,000,000 type profiles");
  }

  @Test
  void verifyCertificateRefusesAnLpOverTheLimitBeforeRebuildingIt() throws Exception {
    Path problem = auction(7, 10);
    // A well-formed certificate for this very file (its hash matches), so only the size can refuse it.
    String sha = org.mechlp.solver.certify.io.CertificateFile.sha256(java.nio.file.Files.readAllBytes(problem));
    Path cert = dir.resolve("cert.json");
    java.nio.file.Files.writeString(cert, "{\"format\": \"mechlp-certificate/1\", \"problem\": \"p\", \"problemSha256\": \""
        + sha + "\", \"sense\": \"maximize\", \"objective\": \"0\", \"primal\": {}, \"duals\": {}}");

    CliRun r = CliRun.run("verify-certificate", problem.toString(), cert.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
    // 10^7 feasibility + 7 x 10^7 x 9 DSIC + 7 x 10^7 IR rows = 710,000,000.
    assertThat(r.err()).contains("710,000,000 rows", "--max-lp-rows");
  }
}
