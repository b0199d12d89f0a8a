package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code mechanism.constraints} from the command line: reports, check, and bad input refused at its path. */
class CustomConstraintCommandTest {
  @TempDir Path dir;

  private static String instance(String name) {
    return CliRun.instance("constraints/" + name);
  }

  @Test
  void theJsonReportExplainsTheBindingCustomRow() throws Exception {
    Path out = dir.resolve("report.json");
    CliRun r = CliRun.run("solve", instance("sell-often"), "--format", "json", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode report = new ObjectMapper().readTree(out.toFile());
    assertThat(report.toString()).contains("custom[sell-often]", "loosening this constraint's constant by 1");
  }

  @Test
  void checkReportsTheViolatedCustomRow() {
    CliRun r = CliRun.run("check", instance("sell-often"), "--mechanism",
        instance("proposals/sell-often-myerson"));
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NO);
    assertThat(r.out()).contains("largest violation  0.125 at custom[sell-often]");
  }

  /** Each bad reference is refused with exit 2 at its JSON path, and no output file is written. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"revenue\": {}}"
            + " | mechanism.constraints[0].terms[0].revenue: unknown field",
        "{\"payment\": {\"agent\": \"bidder3\"}}"
            + " | mechanism.constraints[0].terms[0].payment.agent: unknown agent \"bidder3\"",
        "{\"allocation\": {\"agent\": \"bidder1\", \"type\": \"mid\", \"outcome\": \"none\"}}"
            + " | mechanism.constraints[0].terms[0].allocation.type: unknown type \"mid\" of agent bidder1",
        "{\"probability\": {\"outcome\": \"sold\"}}"
            + " | mechanism.constraints[0].terms[0].probability.outcome: unknown outcome \"sold\"",
      })
  void badReferencesExitTwoWithTheirPath(String term, String message) throws Exception {
    String json = Files.readString(Path.of(instance("sell-often")))
        .replace("{\"probability\": {\"outcome\": \"none\"}}", term);
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, json);
    Path out = dir.resolve("report.txt");
    CliRun r = CliRun.run("solve", bad.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains(message);
    assertThat(out).doesNotExist();
  }
}
