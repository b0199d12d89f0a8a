package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** {@code solve --deterministic}: the MIP's report, the comparison with lotteries, and the usage errors. */
class DeterministicCommandTest {
  private static final double EPS = 1e-6;

  /** The lottery instance's hand derivation (its description): deterministic 8/5, randomized 9/5, worth 1/5. */
  @Test
  void textReportComparesTheDeterministicAndRandomizedOptima() {
    CliRun r = CliRun.run("solve", CliRun.instance("lottery-two-items"), "--deterministic");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("SCIP")
        .containsPattern("objective +1\\.6 \\(maximize revenue\\)")
        .contains("Deterministic vs randomized")
        .containsPattern("deterministic +1\\.6 \\(proven optimal\\)")
        .containsPattern("randomized +1\\.8 \\(OPTIMAL")
        .containsPattern("value of randomization +0\\.2\\n");
  }

  @Test
  void jsonReportHasTheDeterministicObject() throws Exception {
    CliRun r = CliRun.run("solve", CliRun.instance("lottery-two-items"), "--deterministic", "--format", "json");

    assertThat(r.exitCode()).as(r.err()).isZero();
    JsonNode d = new ObjectMapper().readTree(r.out()).get("deterministic");
    assertThat(d.get("objective").asDouble()).isCloseTo(1.6, within(EPS));
    assertThat(d.get("randomizedObjective").asDouble()).isCloseTo(1.8, within(EPS));
    assertThat(d.get("valueOfRandomization").asDouble()).isCloseTo(0.2, within(EPS));
    assertThat(d.get("provenOptimal").asBoolean()).isTrue();
    assertThat(d.get("gap").asDouble()).isCloseTo(0, within(EPS));
  }

  @Test
  void cpSatOnAProgramWithContinuousTransfersIsAUsageError() {
    CliRun r = CliRun.run("solve", CliRun.instance("lottery-two-items"), "--deterministic", "--solver", "cpsat");

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("continuous columns", "use scip");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void anLpBackendIsAUsageError() {
    CliRun r = CliRun.run("solve", CliRun.instance("lottery-two-items"), "--deterministic", "--solver", "glop");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--deterministic", "scip", "cpsat");
  }

  @Test
  void cpSatWithoutDeterministicIsAUsageError() {
    CliRun r = CliRun.run("solve", CliRun.instance("lottery-two-items"), "--solver", "cpsat");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--deterministic");
  }

  @Test
  void calibratedProblemsAreRefused() {
    CliRun r = CliRun.run("solve", CliRun.instance("calibrated-example-a"), "--deterministic");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("calibrated");
  }
}
