package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve} on a calibrated problem with two agents: the public-signal class of docs/THEORY.md, Several agents: a
 * public signal.
 */
class PublicSignalCommandTest {
  @TempDir Path dir;

  static final String TWO_BIDDERS =
      """
      {"format": "mechlp/1", "name": "two-bidders",
       "agents": [
         {"name": "a", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/2", "1/2"]},
         {"name": "b", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/2", "1/2"]}],
       "states": [{"name": "L", "p": "1/2"}, {"name": "H", "p": "1/2"}],
       "outcomes": {"shortcut": "single-item"},
       "calibration": {"disclosure": "none"}}
      """;

  @Test
  void printsRulesPerProfileWithAPaymentPerAgent() throws Exception {
    Path problem = Files.writeString(dir.resolve("two.json"), TWO_BIDDERS);

    CliRun text = CliRun.run("solve", problem.toString());
    CliRun json =
        CliRun.run("solve", problem.toString(), "--format", "json");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out())
        .contains("profile", "a pays", "b pays", "a=hi, b=lo", "docs/THEORY.md, Several agents: a public signal");
    JsonNode report = new ObjectMapper().readTree(json.out());
    // Myerson with values {1, 2} at 1/2 each and an irrelevant state: 2 * P(some value is 2) = 3/2.
    assertThat(report.get("objective").asDouble()).isCloseTo(1.5, within(1e-7));
    JsonNode rule = report.get("calibrated").get("signals").get(0).get("rule");
    assertThat(rule).hasSize(4);
    assertThat(rule.get(0).get("types").get("a").asText()).isEqualTo("lo");
    assertThat(rule.get(0).get("transfers").has("b")).isTrue();
  }
}
