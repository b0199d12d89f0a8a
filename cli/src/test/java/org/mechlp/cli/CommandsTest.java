package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandsTest {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  @TempDir Path dir;
  private Path postedPrice;
  private Path myerson;
  private Path infeasible;
  private Path badPrior;

  /** What one command run printed and returned. */

  @BeforeEach
  void writeProblems() throws IOException {
    postedPrice = write("posted-price.json", Problems.POSTED_PRICE);
    myerson = write("myerson.json", Problems.MYERSON_TWO_BIDDERS);
    infeasible = write("infeasible.json", Problems.INFEASIBLE);
    badPrior = write("bad-prior.json", Problems.BAD_PRIOR);
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private List<Path> filesInDir() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.sorted().toList();
    }
  }

  @Test
  void solvesAGoodProblemWithExitCode0() {
    CliRun r = CliRun.run("solve", myerson.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    // Revenue 2 from docs/THEORY.md, Classical results (two i.i.d. bidders uniform on {1,2,3}).
    assertThat(r.out())
        .contains("status", "OPTIMAL")
        .containsPattern("objective +2 \\(maximize revenue\\)")
        .contains("bidder1=v3, bidder2=v3");
  }

  @Test
  void printsTheLotteryWithoutZeroOutcomes() {
    CliRun r = CliRun.run("solve", postedPrice.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    // Hand derivation in Problems.POSTED_PRICE: revenue 1; the high type always gets the item (phi_high = 2 > 0).
    assertThat(r.out()).containsPattern("objective +1 \\(maximize revenue\\)");
    String highRow =
        r.out().lines().filter(l -> l.trim().startsWith("buyer=high")).findFirst().orElseThrow();
    assertThat(highRow).contains("buyer: 1").doesNotContain("none");
    assertThat(r.out()).doesNotContain("-0 ").doesNotContain("-0\n");
  }

  @Test
  void solveJsonOnStdoutParsesAndHasTheDocumentedShape() throws IOException {
    CliRun r = CliRun.run("solve", myerson.toString(), "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.path("format").asText()).isEqualTo("mechlp-report/1");
    assertThat(root.path("command").asText()).isEqualTo("solve");
    assertThat(root.path("problem").asText()).isEqualTo("myerson-two-bidders");
    assertThat(root.path("status").asText()).isEqualTo("OPTIMAL");
    // docs/THEORY.md, Classical results: revenue 2.
    assertThat(root.path("objective").asDouble()).isCloseTo(2.0, within(1e-6));
    // 9 profiles x (3 outcomes + 2 transfers) columns.
    assertThat(root.path("lp").path("columns").asInt()).isEqualTo(45);
    assertThat(root.path("lp").path("rows").asLong()).isPositive();
    assertThat(root.path("times").has("solveMs")).isTrue();
    assertThat(root.path("verification").path("maxViolation").asDouble()).isLessThanOrEqualTo(1e-6);
    // A problem this small is certified by default: its point is verified exactly, with tolerance 0.
    assertThat(root.path("exact").asBoolean()).isTrue();
    assertThat(root.path("verification").path("tolerance").asDouble()).isEqualTo(0.0);
    assertThat(root.path("mechanism").path("profiles")).hasSize(9);
    // 2 agents x 3 types.
    assertThat(root.path("interim")).hasSize(6);
    assertThat(root.path("binding").isArray()).isTrue();
  }

  @Test
  void solvesACalibratedProblemAndPrintsSignalsAndBenchmarks() throws IOException {
    Path problem = write("calibrated.json", Problems.CALIBRATED_EXAMPLE_C);
    CliRun r = CliRun.run("solve", problem.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    // Values derived in Problems.CALIBRATED_EXAMPLE_C (docs/THEORY.md, Calibrated examples, example C at prior 1/2).
    assertThat(r.out())
        .startsWith("mechlp solve: calibrated-example-c (calibrated mechanism)\n")
        .containsPattern("objective +1.625 \\(exact\\), maximize revenue\n")
        .containsPattern("standard BIC optimum \\(upper bound, docs/THEORY.md P4\\) +1.625\n")
        .containsPattern("full transparency +1.25\n")
        .containsPattern("no disclosure +1.5\n")
        .contains("probability 0.25, posterior over (0, 1) = (1, 0)")
        .contains("probability 0.75, posterior over (0, 1) = (1/3, 2/3)")
        // Posterior 0: price 3, only t0 buys; posterior 2/3: both buy at 5/3.
        .containsPattern("t1 +none: 1 +0\n")
        .containsPattern("t1 +buyer: 1 +1.666667\n");
  }

  @Test
  void calibratedJsonReportIsWrittenWithTheCalibratedBlock() throws IOException {
    Path problem = write("calibrated.json", Problems.CALIBRATED_EXAMPLE_C);
    Path out = dir.resolve("calibrated-report.json");
    CliRun r = CliRun.run("solve", problem.toString(), "--format", "json", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    JsonNode root = JSON.readTree(out.toFile());
    assertThat(root.path("command").asText()).isEqualTo("solve");
    assertThat(root.path("objective").asDouble()).isCloseTo(1.625, within(1e-6));
    JsonNode c = root.path("calibrated");
    assertThat(c.path("exact").asBoolean()).isTrue();
    assertThat(c.path("benchmarks").path("fullTransparency").asDouble()).isCloseTo(1.25, within(1e-6));
    assertThat(c.path("benchmarks").path("gap").asDouble()).isCloseTo(0.0, within(1e-6));
    JsonNode signals = c.path("signals");
    assertThat(signals).hasSize(2);
    // Weights 1/4 and 3/4 on the posteriors P(state 1) = 0 and 2/3.
    assertThat(signals.get(0).path("probability").asDouble()).isCloseTo(0.25, within(1e-6));
    assertThat(signals.get(0).path("posterior").path("1").asDouble()).isCloseTo(0.0, within(1e-9));
    assertThat(signals.get(1).path("probability").asDouble()).isCloseTo(0.75, within(1e-6));
    assertThat(signals.get(1).path("posterior").path("1").asDouble()).isCloseTo(2.0 / 3, within(1e-9));
    assertThat(signals.get(1).path("rule").get(1).path("payment").asDouble()).isCloseTo(5.0 / 3, within(1e-6));
  }

  @Test
  void aFixedSignalKeepsItsNamesAndIsExactForThatSignal() throws IOException {
    Path problem =
        write(
            "fixed.json",
            Problems.calibratedExampleC(
                "{\"signal\": {\"zero\": {\"0\": 1}, \"one\": {\"1\": 1}}}",
                "{\"ic\": \"bic\", \"ir\": \"interim\"}"));
    CliRun r = CliRun.run("solve", problem.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    // This signal reveals the state, so the value is that of full transparency, 1.25 (Problems.CALIBRATED_EXAMPLE_C).
    assertThat(r.out())
        .containsPattern("objective +1.25 \\(exact\\), maximize revenue\n")
        .containsPattern("disclosure +fixed signal structure \\(signals zero, one\\)\n")
        .containsPattern("zero +0.5 +1 +0\n")
        .containsPattern("one +0.5 +0 +1\n");
  }

  @Test
  void anInfeasibleCalibratedProblemExits3() throws IOException {
    // Without money, an outside option of 10 exceeds every value (at most 3): no rule is individually rational.
    Path problem =
        write(
            "calibrated-infeasible.json",
            Problems.calibratedExampleC(
                "\"optimal\"",
                "{\"ic\": \"bic\", \"ir\": {\"kind\": \"interim\", \"outsideOption\": 10},"
                    + " \"transfers\": false}"));
    CliRun r = CliRun.run("solve", problem.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(3);
    assertThat(r.out()).containsPattern("status +INFEASIBLE\n").doesNotContain("Signal structure");
  }

  @Test
  void infeasibleProblemExits3AndStillWritesTheReport() throws IOException {
    Path out = dir.resolve("result.json");
    CliRun r = CliRun.run("solve", infeasible.toString(), "--format", "json", "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).isEmpty();
    JsonNode root = JSON.readTree(out.toFile());
    assertThat(root.path("status").asText()).isEqualTo("INFEASIBLE");
    assertThat(root.path("mechanism").isNull()).isTrue();
  }

  @Test
  void invalidProblemExits2NamesThePathAndWritesNoFile() throws IOException {
    Path out = dir.resolve("result.txt");
    List<Path> before = filesInDir();
    CliRun r = CliRun.run("solve", badPrior.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(badPrior + ": agents[1].prior: sums to 9/10, expected 1");
    assertThat(r.out()).isEmpty();
    assertThat(filesInDir()).isEqualTo(before);
  }

  @Test
  void invalidProblemLeavesAnExistingOutputFileUntouched() throws IOException {
    Path out = write("result.txt", "previous report");
    CliRun r = CliRun.run("solve", badPrior.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(out).hasContent("previous report");
  }

  @Test
  void missingFileExits2() {
    Path missing = dir.resolve("nope.json");
    CliRun r = CliRun.run("solve", missing.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(missing + ": no such file");
  }

  @Test
  void outFileIsWrittenAtomicallyWithoutTemporaryFiles() throws IOException {
    Path out = write("result.txt", "old");
    CliRun r = CliRun.run("solve", postedPrice.toString(), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).isEmpty();
    assertThat(Files.readString(out)).startsWith("mechlp solve: posted-price");
    assertThat(filesInDir()).noneMatch(p -> p.getFileName().toString().endsWith(".tmp"));
  }

  @Test
  void usageErrorsExit2() {
    assertThat(CliRun.run("solve").exitCode()).isEqualTo(2);
    assertThat(CliRun.run("solve", postedPrice.toString(), "--no-such-option").exitCode()).isEqualTo(2);
    assertThat(CliRun.run("solve", postedPrice.toString(), "--format", "xml").exitCode()).isEqualTo(2);
    assertThat(CliRun.run("frobnicate").exitCode()).isEqualTo(2);
    assertThat(CliRun.run().exitCode()).isEqualTo(2);
    CliRun badSolver = CliRun.run("solve", postedPrice.toString(), "--solver", "gurobi");
    assertThat(badSolver.exitCode()).isEqualTo(2);
    assertThat(badSolver.err()).contains("unknown solver 'gurobi'");
    assertThat(CliRun.run("solve", postedPrice.toString(), "--time-limit", "-1").exitCode()).isEqualTo(2);
    assertThat(CliRun.run("check", postedPrice.toString()).exitCode()).isEqualTo(2);
  }

  @Test
  void stackTraceOptionIsAcceptedBeforeAndAfterTheCommand() {
    assertThat(CliRun.run("--stacktrace", "validate", postedPrice.toString()).exitCode()).isEqualTo(0);
    assertThat(CliRun.run("validate", postedPrice.toString(), "--stacktrace").exitCode()).isEqualTo(0);
  }

  @Test
  void outInAMissingDirectoryExits2BeforeSolving() {
    CliRun r = CliRun.run("solve", postedPrice.toString(), "--out", dir.resolve("no/such/dir/r.txt").toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("does not exist");
  }

  @Test
  void helpShowsExamplesAndExitCodes() {
    for (String command : List.of("solve", "check", "validate", "bench")) {
      CliRun r = CliRun.run(command, "--help");
      assertThat(r.exitCode()).isEqualTo(0);
      assertThat(r.out()).contains("Examples:", "mechlp " + command, "Exit codes:", "3  answered no");
    }
    assertThat(CliRun.run("--help").out()).contains("Exit codes:");
  }

  @Test
  void versionPrintsTheProjectVersion() {
    CliRun r = CliRun.run("--version");
    assertThat(r.exitCode()).isEqualTo(0);
    assertThat(r.out()).startsWith("mechlp ").doesNotContain("${");
  }

  @Test
  void checkPassesAnExactPostedPriceWithExitCode0() throws IOException {
    Path mechanism = write("price-one.json", Problems.PRICE_ONE);
    CliRun r = CliRun.run("check", postedPrice.toString(), "--mechanism", mechanism.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.out()).contains("passes: no constraint violated", "checked in exact rational arithmetic");
    // Revenue of a posted price 1 that always sells: 1.
    assertThat(r.out()).containsPattern("objective +1 \\(maximize revenue\\)");
  }

  @Test
  void checkReportsTheExactGainOfAViolationWithExitCode3() throws IOException {
    Path mechanism = write("charge-value.json", Problems.CHARGE_VALUE);
    CliRun r = CliRun.run("check", postedPrice.toString(), "--mechanism", mechanism.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    assertThat(r.out()).contains("FAILS: 1 violated constraint", "checked in exact rational arithmetic");
    // Hand derivation in Problems.CHARGE_VALUE: the high type gains exactly 1 by reporting low.
    assertThat(r.out().lines())
        .anyMatch(l -> l.contains("high") && l.contains("low") && l.matches(".*\\s1\\s.*"));
  }

  @Test
  void checkJsonParsesAndListsTheViolation() throws IOException {
    Path mechanism = write("charge-value.json", Problems.CHARGE_VALUE);
    CliRun r = CliRun.run("check", postedPrice.toString(), "--mechanism", mechanism.toString(), "--format", "json");
    assertThat(r.exitCode()).isEqualTo(3);
    JsonNode root = JSON.readTree(r.out());
    assertThat(root.path("command").asText()).isEqualTo("check");
    assertThat(root.path("passed").asBoolean()).isFalse();
    assertThat(root.path("exact").asBoolean()).isTrue();
    assertThat(root.path("violations")).hasSize(1);
    // Gain 1 (hand derivation in Problems.CHARGE_VALUE), exactly.
    assertThat(root.path("violations").get(0).path("amountExact").asText()).isEqualTo("1");
    assertThat(root.path("largestRegret").path("buyer").asDouble()).isEqualTo(1.0);
    // Revenue (1 + 2) / 2 = 3/2.
    assertThat(root.path("objectiveExact").asText()).isEqualTo("1.5");
  }

  @Test
  void checkAcceptsTheJsonReportOfSolve() throws IOException {
    Path report = dir.resolve("solved.json");
    assertThat(CliRun.run("solve", myerson.toString(), "--format", "json", "--out", report.toString()).exitCode())
        .isEqualTo(0);
    CliRun r = CliRun.run("check", myerson.toString(), "--mechanism", report.toString());
    assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(0);
  }

  @Test
  void checkWithAnInvalidMechanismExits2() throws IOException {
    Path mechanism = write("bad-mech.json", "{\"profiles\": [{\"types\": {\"buyer\": \"medium\"}}]}");
    CliRun r = CliRun.run("check", postedPrice.toString(), "--mechanism", mechanism.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains(mechanism.toString() + ": ");
  }

  @Test
  void validateReportsEveryFile() {
    CliRun ok = CliRun.run("validate", postedPrice.toString(), myerson.toString());
    assertThat(ok.exitCode()).isEqualTo(0);
    assertThat(ok.out()).contains("OK posted-price", "OK myerson-two-bidders");

    CliRun bad = CliRun.run("validate", postedPrice.toString(), badPrior.toString(), dir.resolve("nope.json").toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.out()).contains("OK posted-price");
    assertThat(bad.err())
        .contains(badPrior + ": agents[1].prior: sums to 9/10, expected 1")
        .contains("nope.json: no such file")
        .contains("2 of 3 files invalid");
  }

  @Test
  void outNamingADirectoryExits2() {
    CliRun r = CliRun.run("solve", postedPrice.toString(), "--out", dir.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("is a directory");
  }

  @Test
  void benchQuickPrintsAMarkdownTable() throws IOException {
    Path out = dir.resolve("bench.md");
    CliRun r = CliRun.run("bench", "--quick", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(0);
    assertThat(r.err()).contains("bench: solving auction-n2-k10");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines.get(0))
        .isEqualTo(
            "| instance | rows | columns | non-zeros | compile ms | solve ms | verify ms | wall ms | objective"
                + " | peak heap MB | status |");
    // The scale table (header, rule, 4 instances), then the lazy-vs-full table (blank, title, blank, header, rule,
    // one grid).
    assertThat(lines).hasSize(2 + 4 + 3 + 2 + 1);
    // 2 bidders, 10 values j/10: 100 profiles; rows = 2*9*100 DSIC + 2*100 IR + 100 feasibility = 2100; columns
    // = 100 * (3 outcomes + 2 transfers) = 500. Revenue E[max(phi1, phi2, 0)] with phi_j = (2j - 10)/10 and
    // P(max = m) = (2m - 1)/100: (11*2 + 13*4 + 15*6 + 17*8 + 19*10)/1000 = 0.49.
    assertThat(lines.get(2))
        .startsWith("| auction-n2-k10 | 2100 | 500 | ")
        .contains("| 0.49 |")
        .endsWith("| OPTIMAL |");
    assertThat(lines.get(5)).startsWith("| calibrated-w2-k5-grid20 | ").endsWith("| OPTIMAL |");
    // N = 5: 25 types, 25 * 24 = 600 BIC rows; both strategies must reach the same optimum.
    assertThat(lines.get(11)).startsWith("| two-item-grid-N5 | 600 | ").endsWith("| yes | OPTIMAL |");
  }
}
