package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve} on sets of priors and counted priors: the report's robust section, and bad input refused. */
class RobustCommandTest {
  @TempDir Path scratch;

  @Test
  void maxminCertifiesAndMarksTheBindingPriors() throws Exception {
    CliRun text = CliRun.run("solve", CliRun.instance("robust/maxmin-two-priors"), "--exact");
    assertThat(text.exitCode()).as(text.err()).isZero();
    // 6/5 and both priors binding: derived by hand in the instance's description.
    assertThat(text.out()).contains("certified optimal: 6/5", "worst case over 2 priors (max-min)")
        .containsPattern("A +buyer \\(0, 1, 0\\) +1\\.2 +yes").containsPattern("B +buyer \\(0\\.5, 0, 0\\.5\\) +1\\.2 +yes");
  }

  @Test
  void countsAreEchoedInJson() throws Exception {
    CliRun json = CliRun.run("solve", CliRun.instance("robust/counts-widened"), "--format", "json");
    assertThat(json.exitCode()).as(json.err()).isZero();
    JsonNode counts = new ObjectMapper().readTree(json.out()).get("robust").get("counts").get(0);
    assertThat(counts.get("counts").get("low").asInt()).isEqualTo(1);
    assertThat(counts.get("counts").get("high").asInt()).isEqualTo(3);
    assertThat(counts.get("law").toString()).isEqualTo("[\"0.25\",\"0.75\"]");
  }

  @Test
  void badCountsExitTwoWithThePathAndWriteNothing() throws Exception {
    String text = Files.readString(Path.of(CliRun.instance("robust/counts-widened")))
        .replace("\"counts\": [1, 3]", "\"counts\": [0, 0]");
    Path problem = scratch.resolve("bad.json");
    Files.writeString(problem, text);
    Path out = scratch.resolve("out.json");
    CliRun r = CliRun.run("solve", problem.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("agents[0].counts: every count is 0");
    assertThat(out).doesNotExist();
  }

  @Test
  void anUnknownTypeInTheRawlsianSetExitsTwo() throws Exception {
    String text = Files.readString(Path.of(CliRun.instance("robust/rawlsian-no-money")))
        .replace("\"objective\": \"rawlsian\"",
            "\"objective\": {\"maximize\": \"rawlsian\", \"over\": {\"ann\": [\"middle\"]}}");
    Path problem = scratch.resolve("bad-rawls.json");
    Files.writeString(problem, text);
    CliRun r = CliRun.run("solve", problem.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("objective.over.ann[0]: unknown type \"middle\" of agent ann");
  }

  @Test
  void anotherStrategyIsAUsageError() {
    CliRun r = CliRun.run("solve", CliRun.instance("robust/maxmin-two-priors"), "--strategy", "lazy");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--strategy lazy");
  }
}
