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

  /** Writes the instance with {@code edit} applied to a file in the temporary folder. */
  private Path edited(String instance, java.util.function.Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = (ObjectNode) new ObjectMapper().readTree(Path.of(CliRun.instance(instance)).toFile());
    edit.accept(root);
    Path file = dir.resolve(instance + "-edited.json");
    Files.writeString(file, root.toString());
    return file;
  }

  private void refusedAt(Path problem, String path, String what) {
    Path out = dir.resolve("report.txt");
    CliRun r = CliRun.run("solve", problem.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains(path, what);
    assertThat(out).doesNotExist();
  }

  @Test
  void everyBadInputOfTheIssueExitsTwoWithItsPathAndWritesNothing() throws Exception {
    // An estimate that is not declared.
    refusedAt(edited("data-driven-ad-auction", r -> ((ObjectNode) r.get("estimator").get("likelihood").get(0)
        .get("p")).put("view", 0)), "estimator.likelihood[0].p.view", "unknown estimate");
    // A state that is not declared.
    refusedAt(edited("data-driven-ad-auction", r -> ((ObjectNode) r.get("estimator").get("likelihood").get(0))
        .put("state", "bored")), "estimator.likelihood[0].state", "unknown state");
    // An affine map inconsistent with the utilities: phi constant under show1 although a1's value of show1 differs
    // between the states (1/4 and 3/4 at v = 1).
    refusedAt(edited("data-driven-ad-auction", r -> {
      ObjectNode show1 = (ObjectNode) r.get("estimator").get("affine").get("phi").get("show1");
      show1.put("casual", "1/2");
      show1.put("keen", "1/2");
    }), "estimator.affine.phi", "not consistent with the utilities");
    // An unknown equilibrium.
    refusedAt(edited("data-driven-biased", r -> r.put("equilibrium", "nash")), "equilibrium",
        "unknown equilibrium");
  }

  @Test
  void otherModesAndPlotRefuseADataDrivenProblemRatherThanDropItsEstimator() {
    for (String[] args : new String[][] {
        {"--mode", "standard"}, {"--deterministic"}, {"--range"}}) {
      java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("solve",
          CliRun.instance("data-driven-biased")));
      command.addAll(java.util.List.of(args));
      CliRun r = CliRun.run(command.toArray(String[]::new));
      assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(r.err()).contains("\"estimator\"", "--mode data-driven");
    }
    Path png = dir.resolve("plot.png");
    CliRun plot = CliRun.run("plot", CliRun.instance("data-driven-biased"), "--out", png.toString());
    assertThat(plot.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(plot.err()).contains("data-driven", "mechlp sequence --plot");
    assertThat(png).doesNotExist();
  }

  @Test
  void vcgTakesHAsATableFile() throws Exception {
    Path h = dir.resolve("h.json");
    Files.writeString(h, "{\"format\": \"mechlp-vcg-h/1\", \"h\": {\"a1\": {\"default\": 1},"
        + " \"a2\": {\"default\": 0, \"table\": [{\"others\": {\"a1\": \"v2H\"}, \"value\": \"1/2\"}]}}}");
    Path out = dir.resolve("vcg.json");
    CliRun r = CliRun.run("vcg", CliRun.instance("data-driven-ad-auction"), "--h", h.toString(), "--out",
        out.toString());
    // Affine in an unbiased estimator: epsilon 0 whatever h (docs/THEORY.md, guarantee 2), so the check passes.
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("h = the table in");
    assertThat(out).exists();
    CliRun missing = CliRun.run("vcg", CliRun.instance("data-driven-ad-auction"), "--h", "no-such-h.json");
    assertThat(missing.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(missing.err()).contains("--h", "no-such-h.json");
  }
}
