package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.StateMechanism;

/** Reading state-dependent mechanisms, the input of the calibration checks. */
class StateMechanismJsonTest {
  static final String PROBLEM =
      """
      {"format": "mechlp/1",
       "agents": [{"name": "buyer", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}]}],
       "states": ["L", "H"],
       "prior": [{"types": {"buyer": "lo"}, "state": "L", "p": "1/3"},
                 {"types": {"buyer": "hi"}, "state": "L", "p": "1/6"},
                 {"types": {"buyer": "lo"}, "state": "H", "p": "1/6"},
                 {"types": {"buyer": "hi"}, "state": "H", "p": "1/3"}],
       "outcomes": {"shortcut": "single-item"},
       "mechanism": {"ic": "bic", "ir": "interim"}}
      """;

  static Problem problem() throws InvalidInputException {
    return ProblemReader.read(PROBLEM, "problem");
  }

  @Test
  void readsOneEntryPerStateAndType() throws Exception {
    StateMechanism m =
        StateMechanismJson.read(
            """
            {"profiles": [
              {"state": "L", "types": {"buyer": "lo"}, "allocation": {"buyer": 1}, "transfers": {"buyer": 1}},
              {"state": "L", "types": {"buyer": "hi"}, "allocation": {"buyer": 1}, "transfers": {"buyer": 1}},
              {"state": "H", "types": {"buyer": "lo"}, "allocation": {"none": 1}},
              {"state": "H", "types": {"buyer": "hi"}, "allocation": {"buyer": "1/2", "none": "1/2"},
               "transfers": {"buyer": "1/3"}}]}
            """,
            "mech",
            problem());

    assertThat(m.states()).isEqualTo(2);
    assertThat(m.allocation(1, 1, 1)).isEqualTo(new BigFraction(1, 2));
    assertThat(m.transfer(1, 0)).isEqualTo(BigFraction.ZERO);
    assertThat(m.transfer(1, 1)).isEqualTo(new BigFraction(1, 3));
  }

  @Test
  void reportsUnknownStatesDuplicatesAndMissingEntries() {
    assertThatThrownBy(
            () ->
                StateMechanismJson.read(
                    """
                    {"profiles": [
                      {"state": "X", "types": {"buyer": "lo"}, "allocation": {"buyer": 1}},
                      {"state": "L", "types": {"buyer": "lo"}, "allocation": {"buyer": 1}},
                      {"state": "L", "types": {"buyer": "lo"}, "allocation": {"buyer": 1}}]}
                    """,
                    "mech",
                    problem()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("profiles[0].state: unknown state \"X\"")
        .hasMessageContaining("profiles[2]: duplicate entry for state L and type lo");
  }

  @Test
  void reportsMissingEntriesByName() {
    assertThatThrownBy(
            () ->
                StateMechanismJson.read(
                    """
                    {"profiles": [{"state": "L", "types": {"buyer": "lo"}, "allocation": {"buyer": 1}}]}
                    """,
                    "mech",
                    problem()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("profiles: missing entries for state/type L/hi, H/lo, H/hi");
  }
}
