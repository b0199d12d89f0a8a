package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;

/**
 * Problem files with numbers mechlp cannot answer reliably are refused at validation with the number's JSON path
 * (issue 10, badly scaled data); numbers at the edges of the range are accepted.
 */
class NumberRangeTest {
  /** One buyer whose third type has value {@code high} (JSON text), uniform prior. */
  private static String oneBuyer(String low, String high) {
    return """
        {"format": "mechlp/1", "name": "scaled",
         "agents": [{"name": "b", "types": [{"name": "v1", "value": %s}, {"name": "v2", "value": 2},
                                             {"name": "v3", "value": %s}],
                     "prior": ["1/3", "1/3", "1/3"]}],
         "outcomes": {"shortcut": "single-item"},
         "mechanism": {"ic": "dsic", "ir": "expost"},
         "objective": "revenue"}
        """
        .formatted(low, high);
  }

  private static InvalidInputException refusal(String json) {
    try {
      ProblemReader.read(json, "scaled.json");
    } catch (InvalidInputException e) {
      return e;
    }
    throw new AssertionError("accepted: " + json);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e308", "1e400", "\"1e16\"", "\"-2e15\"", "\"1e-16\""})
  void magnitudesOutsideTheRangeAreRefusedWithThePath_issue10(String value) {
    InvalidInputException e = refusal(oneBuyer("1", value));

    assertThat(e.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.pointer()).isEqualTo("agents[0].types[2].value");
      assertThat(issue.message()).contains("magnitude");
      assertThat(issue.hint()).contains("docs/FORMAT.md");
    });
  }

  @Test
  void aThousandDigitFractionIsRefused_issue10() {
    String fraction = "\"" + "1".repeat(1000) + "/" + "3".repeat(999) + "\"";

    InvalidInputException e = refusal(oneBuyer("1", fraction));

    assertThat(e.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.pointer()).isEqualTo("agents[0].types[2].value");
      assertThat(issue.message()).contains("digits");
    });
  }

  @Test
  void anExpressionValueOutsideTheRangeIsRefusedWithThePath_issue10() {
    String json =
        """
        {"format": "mechlp/1", "name": "expr",
         "agents": [{"name": "b", "types": [{"name": "v1", "w": 1}, {"name": "v2", "w": 2}], "prior": ["1/2", "1/2"]}],
         "outcomes": {"shortcut": "single-item"},
         "valuations": {"b": {"expression": {"b": "w * 10^15"}}},
         "mechanism": {"ic": "dsic", "ir": "expost"},
         "objective": "revenue"}
        """;

    InvalidInputException e = refusal(json);

    assertThat(e.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.pointer()).isEqualTo("valuations.b.expression.b");
      assertThat(issue.message()).contains("b=v2").contains("magnitude 2.00e+15");
    });
  }

  @Test
  void amountsSpanningMoreThan1e24AreRefused_issue10() {
    InvalidInputException e = refusal(oneBuyer("\"1e-13\"", "\"1e12\""));

    assertThat(e.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.pointer()).isEqualTo("agents[0].types[0].value");
      assertThat(issue.message()).contains("ratio above 1e24").contains("agents[0].types[2].value");
    });
  }

  @Test
  void tinyProbabilitiesBelow1e15AreRefused_issue10() {
    String json =
        oneBuyer("1", "3").replace("[\"1/3\", \"1/3\", \"1/3\"]", "[\"0.4999999999999999\", \"0.5\", \"1e-16\"]");

    InvalidInputException e = refusal(json);

    assertThat(e.issues()).singleElement().satisfies(issue -> {
      assertThat(issue.pointer()).isEqualTo("agents[0].prior[2]");
      assertThat(issue.message()).contains("below 1e-15");
    });
  }

  @Test
  void numbersAtTheEdgesOfTheRangeAreAccepted_issue10() throws Exception {
    // 1e15 is the largest magnitude, 1e-9 to 1e15 a ratio of 1e24, the largest allowed.
    Problem problem = ProblemReader.read(oneBuyer("\"1e-9\"", "\"1e15\""), "edges.json");

    assertThat(problem.agents().get(0).typeCount()).isEqualTo(3);
  }

  @Test
  void mechanismFilesAreNotRangeChecked() throws Exception {
    // A solver's output may carry 1e-17 noise; check must still read it (only problem files are range-checked).
    Problem problem = ProblemReader.read(oneBuyer("1", "3"), "p.json");

    var mechanism =
        MechanismJson.read(
            """
            {"profiles": [
              {"types": {"b": "v1"}, "allocation": {"none": 1}},
              {"types": {"b": "v2"}, "allocation": {"none": 1}},
              {"types": {"b": "v3"}, "allocation": {"b": 1}, "transfers": {"b": "3.00000000000000001"}}]}
            """,
            "m.json",
            problem);

    assertThat(mechanism.profileCount()).isEqualTo(3);
  }
}
