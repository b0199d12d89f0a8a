package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** solve, vcg, check and sequence on data-driven problems, and their bad input (exit 2, nothing written). */
class DataDrivenCommandTest {
  @TempDir Path dir;

  @Test
  void solveShowsBothLpsAndWhyTheMessageDrivenOneIsInfeasible() {
    CliRun r = CliRun.run("solve", CliRun.instance("data-driven-impossibility"), "--max-rows", "3");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).containsPattern("data-driven p\\(t, estimate\\) +OPTIMAL")
        .containsPattern("message-driven p\\(t\\) +INFEASIBLE")
        .contains("Why the message-driven LP is infeasible", "ic-posterior[a:");
  }

  @Test
  void solveExactCertifiesTheWelfareOfTheAdAuction() throws Exception {
    // 443/512: the instance's expectation, computed independently (its "source").
    CliRun r = CliRun.run("solve", CliRun.instance("data-driven-ad-auction"), "--exact", "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode dd = new ObjectMapper().readTree(r.out()).get("dataDriven");
    assertThat(dd.get("objectiveExact").asText()).isEqualTo("443/512");
    assertThat(dd.get("certified").asBoolean()).isTrue();
  }

  @Test
  void vcgWritesAnExactFileThatCheckReads() throws Exception {
    Path out = dir.resolve("vcg.json");
    CliRun vcg = CliRun.run("vcg", CliRun.instance("data-driven-biased"), "--out", out.toString());
    // Biased estimator: epsilon 3/20 (hand derivation in the instance), so the check answers no.
    assertThat(vcg.exitCode()).as(vcg.err()).isEqualTo(ExitCodes.NO);
    assertThat(Files.readString(out)).contains("\"two\" : -2");
    CliRun check = CliRun.run("check", CliRun.instance("data-driven-biased"), "--mechanism", out.toString());
    assertThat(check.exitCode()).isEqualTo(ExitCodes.NO);
    assertThat(check.out()).contains("3/20", "reports hi_L");

    Path fair = dir.resolve("ad.json");
    assertThat(CliRun.run("vcg", CliRun.instance("data-driven-ad-auction"), "--h", "clarke", "--out",
        fair.toString()).exitCode()).isZero();
    CliRun passes = CliRun.run("check", CliRun.instance("data-driven-ad-auction"), "--mechanism", fair.toString());
    assertThat(passes.exitCode()).as(passes.out()).isZero();
  }

  @Test
  void sequenceTabulatesEpsilonAndTheBoundAndDrawsThem() throws Exception {
    Path plot = dir.resolve("eps.svg");
    CliRun r = CliRun.run("sequence", CliRun.instance("data-driven-consistent"), "--sizes", "1,4,64", "--plot",
        plot.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    // e_1 = 1/4, e_4 = 5/32 (instance description), bound 2 e_N.
    assertThat(r.out()).containsPattern("1 +0\\.250000 +0\\.500000").containsPattern("4 +0\\.156250 +0\\.312500");
    assertThat(Files.readString(plot)).startsWith("<svg").contains("polyline");
  }

  @Test
  void badInputExitsWithTwoAtItsPathAndWritesNothing() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = (ObjectNode) mapper.readTree(Path.of(CliRun.instance("data-driven-biased")).toFile());
    ((ObjectNode) root.get("estimator").get("likelihood").get(0).get("p")).put("two", "1/2");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, root.toString());
    Path out = dir.resolve("report.txt");
    CliRun r = CliRun.run("solve", bad.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("estimator.likelihood[0].p", "sums to 5/4");
    assertThat(out).doesNotExist();
    assertThat(CliRun.run("vcg", bad.toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(CliRun.run("validate", bad.toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
  }

  @Test
  void vcgNeedsADataDrivenProblem() {
    CliRun r = CliRun.run("vcg", CliRun.instance("myerson-two-bidders"));
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("not a data-driven problem");
  }
}
