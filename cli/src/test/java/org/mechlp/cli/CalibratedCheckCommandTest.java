package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code check} on a calibrated problem, with the state-dependent proposals shipped in proposals/. */
class CalibratedCheckCommandTest {
  static String file(String folder, String name) {
    return Path.of(System.getProperty("instances.dir")).getParent().resolve(folder).resolve(name + ".json").toString();
  }

  @Test
  void fullExtractionThroughTheStateFailsC1WithExactAmounts() throws Exception {
    CliRun r =
        CliRun.run(
            "check",
            file("instances", "calibrated-example-a"),
            "--mechanism",
            file("proposals", "calibrated-example-a-full-extraction"),
            "--format",
            "json");

    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.get("passed").asBoolean()).isFalse();
    assertThat(report.get("standardBic").get("passed").asBoolean()).isTrue();
    // By hand (proposal's description): knowing H, v1 pays 5 for a good worth 1: IR short by 4.
    assertThat(report.get("calibration").get("violations").get(0).get("exactAmount").asText()).isEqualTo("4");
    assertThat(report.get("implementable").get("verdict").asText()).isEqualTo("NO");
  }

  @Test
  void transparentPricesPass() {
    CliRun r =
        CliRun.run(
            "check",
            file("instances", "calibrated-example-a"),
            "--mechanism",
            file("proposals", "calibrated-example-a-transparent"));

    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("passes: calibrated (C1)", "agent learns     {L} | {H}", "YES (C2)");
  }

  @Test
  void aMechanismWithoutStatesIsBadInput() {
    CliRun r =
        CliRun.run(
            "check",
            file("instances", "calibrated-example-a"),
            "--mechanism",
            file("proposals", "posted-price"));

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("state");
  }
}
