package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.BuiltinExpectation;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;

/** expect.builtins: what built-in mechanisms must give, read with the problem; bad entries at their paths. */
class BuiltinExpectationTest {
  static String problem(String builtins) {
    return """
        {"format": "mechlp/1",
         "agents": [{"name": "a", "types": [{"name": "lo", "value": 1}], "prior": [1]},
                    {"name": "b", "types": [{"name": "lo", "value": 1}], "prior": [1]}],
         "outcomes": {"shortcut": "single-item"},
         "expect": {"objective": 1, "builtins": %s}}
        """.formatted(builtins);
  }

  @Test
  void readsEachEntryWithItsOptionsAndDefaults() throws Exception {
    List<BuiltinExpectation> read = ProblemReader.readFile(write(problem("""
        [{"name": "second-price", "reserve": "1/2", "objective": "1/2", "source": "by hand"},
         {"name": "serial-dictatorship", "order": ["b", "a"], "tieBreak": "last"},
         {"name": "agv", "verdict": "fail", "violation": "1/8"}]"""))).expectation().builtins();

    assertThat(read).containsExactly(
        new BuiltinExpectation("second-price", new BigFraction(1, 2), null, List.of(), "split", new BigFraction(1, 2),
            "pass", null, "by hand"),
        new BuiltinExpectation("serial-dictatorship", null, null, List.of("b", "a"), "last", null, "pass", null, null),
        new BuiltinExpectation("agv", null, null, List.of(), "split", null, "fail", new BigFraction(1, 8), null));
  }

  @Test
  void refusesBadEntriesAtTheirPaths() throws Exception {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ProblemReader.readFile(write(
        problem("""
            [{"reserve": 1},
             {"name": "vcg", "verdict": "maybe"},
             {"name": "vcg", "violation": 1},
             {"name": "vcg", "tieBreak": "random", "price": "x", "extra": 1}]"""))));

    assertThat(e).isNotNull();
    assertThat(e.issues()).extracting(Issue::pointer).contains(
        "expect.builtins[0].name",
        "expect.builtins[1].verdict",
        "expect.builtins[2].violation",
        "expect.builtins[3].tieBreak",
        "expect.builtins[3].price",
        "expect.builtins[3].extra");
  }

  private java.nio.file.Path write(String json) throws Exception {
    java.nio.file.Path file = java.nio.file.Files.createTempFile("builtins", ".json");
    file.toFile().deleteOnExit();
    return java.nio.file.Files.writeString(file, json);
  }
}
