package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechlp.model.Expectation;
import org.mechlp.model.ProblemFile;

/** The "expect" block of problem files, read with the problem. */
class ExpectationTest {
  @TempDir Path dir;

  static final String PROBLEM =
      """
      {"format": "mechlp/1",
       "agents": [{"name": "buyer", "types": [{"name": "lo", "value": 1}], "prior": [1]}],
       "outcomes": {"shortcut": "single-item"}%s}
      """;

  @Test
  void readsStatusObjectiveAndTolerance() throws Exception {
    Path file = Files.writeString(
        dir.resolve("p.json"),
        PROBLEM.formatted(", \"expect\": {\"status\": \"OPTIMAL\", \"objective\": \"1/3\", \"tolerance\": 1e-9}"));

    ProblemFile read = ProblemReader.readFile(file);

    assertThat(read.expectation()).isEqualTo(new Expectation("OPTIMAL", new BigFraction(1, 3), 1e-9));
    assertThat(read.problem().name()).isEqualTo("p");
  }

  @Test
  void defaultsToOptimalWithTheDefaultToleranceAndIsAbsentWhenNotGiven() throws Exception {
    Path with = Files.writeString(dir.resolve("with.json"), PROBLEM.formatted(", \"expect\": {\"objective\": 1}"));
    Path without = Files.writeString(dir.resolve("without.json"), PROBLEM.formatted(""));

    assertThat(ProblemReader.readFile(with).expectation())
        .isEqualTo(new Expectation("OPTIMAL", BigFraction.ONE, Expectation.DEFAULT_TOLERANCE));
    assertThat(ProblemReader.readFile(without).expectation()).isNull();
  }

  @Test
  void readsTheSourceOfTheExpectedAnswerAndRefusesANonString() throws Exception {
    Path good =
        Files.writeString(
            dir.resolve("good.json"),
            PROBLEM.formatted(", \"expect\": {\"objective\": 1, \"source\": \"closed form: one type pays 1\"}"));
    Path bad = Files.writeString(dir.resolve("bad.json"), PROBLEM.formatted(", \"expect\": {\"source\": 3}"));

    assertThat(ProblemReader.readFile(good).expectation().source()).isEqualTo("closed form: one type pays 1");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ProblemReader.readFile(bad))
        .isInstanceOf(org.mechlp.model.InvalidInputException.class)
        .hasMessageContaining("expect.source");
  }
}
