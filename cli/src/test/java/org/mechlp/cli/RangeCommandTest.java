package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code solve --range}: the revenue interval of docs/THEORY.md, Classical results, and the usage error without a
 * fixed allocation.
 */
class RangeCommandTest {
  /** [11/9, 17/9]: derived in RangeSolverTest (lower end by hand) and docs/THEORY.md, Classical results (upper end). */
  @Test
  void textAndJsonGiveBothEnds() throws Exception {
    CliRun text =
        CliRun.run("solve", CliRun.instance("revenue-range"), "--range");
    CliRun json =
        CliRun.run(
            "solve", CliRun.instance("revenue-range"), "--range", "--format", "json");

    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).containsPattern("minimum +1\\.222222").containsPattern("maximum +1\\.888889");
    JsonNode range = new ObjectMapper().readTree(json.out()).get("range");
    assertThat(range.get("min").asDouble()).isCloseTo(11.0 / 9, within(1e-7));
    assertThat(range.get("max").asDouble()).isCloseTo(17.0 / 9, within(1e-7));
    assertThat(range.get("minMechanism").isObject()).isTrue();
  }

  @Test
  void withoutAFixedAllocationItIsAUsageError() {
    CliRun r =
        CliRun.run("solve", CliRun.instance("lottery-two-items"), "--range");

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--range", "allocation");
  }
}
