package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch --exact}: certified answers compared with each file's {@code expect} block as fractions. */
class BatchExactCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  /** Every shipped instance is certified and equals its expectation exactly (each file's description derives it). */
  @Test
  void everyShippedInstanceIsCertifiedAndMatches() throws Exception {
    Path summary = dir.resolve("summary.jsonl");
    String instances = Path.of(CliRun.instance("myerson-ironing")).getParent().toString();

    CliRun r = CliRun.run("batch", instances, "--exact", "--summary", summary.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    List<String> lines = Files.readAllLines(summary);
    assertThat(lines).hasSizeGreaterThanOrEqualTo(15);
    for (String line : lines) {
      JsonNode record = JSON.readTree(line);
      assertThat(record.get("verdict").asText()).as(line).isEqualTo("OK");
      assertThat(record.get("certification").asText()).as(line).isEqualTo("CERTIFIED");
    }
    // myerson-ironing: the ironed virtual values give 64/25 (the file's expect block, docs/THEORY.md); as a fraction.
    assertThat(record(lines, "myerson-ironing").get("exactObjective").asText()).isEqualTo("64/25");
    // An infeasible expectation is met by a certified infeasibility, which has no value.
    JsonNode ms = record(lines, "bilateral-trade-ms");
    assertThat(ms.get("status").asText()).isEqualTo("INFEASIBLE");
    assertThat(ms.get("certification").asText()).isEqualTo("CERTIFIED");
    assertThat(ms.get("exactObjective").isNull()).isTrue();
  }

  /**
   * myerson-ironing expects 64/25 = 2.56; a copy expecting 2561/1000 (off by 1/1000) with "tolerance": 0.01 passes the
   * float check (|2.56 - 2.561| = 0.001 <= 0.01) but fails the exact one, whose certified value is 64/25. Without the
   * widened tolerance the default 1e-7 would already reject it, so the tolerance is what shows the difference.
   */
  @Test
  void anObjectiveOffByOneThousandthFailsExactlyAlthoughTheToleranceForgivesIt() throws Exception {
    String text = Files.readString(Path.of(CliRun.instance("myerson-ironing")));
    String changed =
        text.replace(
            "\"expect\": {\"status\": \"OPTIMAL\", \"objective\": \"64/25\",",
            "\"expect\": {\"status\": \"OPTIMAL\", \"objective\": \"2561/1000\", \"tolerance\": 0.01,");
    assertThat(changed).isNotEqualTo(text);
    Path file = dir.resolve("myerson-ironing-off.json");
    Files.writeString(file, changed);
    Path csv = dir.resolve("summary.csv");

    CliRun floating = CliRun.run("batch", file.toString());
    CliRun exact = CliRun.run("batch", file.toString(), "--exact", "--summary", csv.toString());

    assertThat(floating.exitCode()).as(floating.err()).isEqualTo(0);
    assertThat(exact.exitCode()).as(exact.err()).isEqualTo(3);
    // 64/25 - 2561/1000 = 2560/1000 - 2561/1000 = -1/1000.
    assertThat(exact.out())
        .contains("MISMATCH myerson-ironing: OPTIMAL 2.56, CERTIFIED 64/25")
        .contains("expected objective 2561/1000 exactly, certified 64/25: off by -1/1000");
    List<String> rows = Files.readAllLines(csv);
    assertThat(rows.get(0)).endsWith(",detail,certification,exact_objective");
    assertThat(rows.get(1)).startsWith("\"" + file + "\",\"myerson-ironing\",MISMATCH,OPTIMAL,2.56,")
        .endsWith(",CERTIFIED,64/25");
  }

  /** With --out, each report and each certificate lands next to the other; verify-certificate accepts it. */
  @Test
  void writesEachCertificateNextToItsReport() throws Exception {
    Path file = dir.resolve("myerson-ironing.json");
    Files.copy(Path.of(CliRun.instance("myerson-ironing")), file);
    Path out = Files.createDirectory(dir.resolve("out"));

    CliRun r = CliRun.run("batch", file.toString(), "--exact", "--out", out.toString());

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(out.resolve("myerson-ironing.json")).exists();
    Path certificate = out.resolve("myerson-ironing.certificate.json");
    assertThat(certificate).exists();
    CliRun verify = CliRun.run("verify-certificate", file.toString(), certificate.toString());
    assertThat(verify.exitCode()).as(verify.err() + verify.out()).isEqualTo(0);
  }

  private static JsonNode record(List<String> lines, String problem) throws Exception {
    for (String line : lines) {
      JsonNode record = JSON.readTree(line);
      if (record.get("problem").asText().equals(problem)) {
        return record;
      }
    }
    throw new AssertionError("no record for " + problem);
  }
}
