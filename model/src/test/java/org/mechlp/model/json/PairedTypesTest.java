package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;
import org.mechlp.model.Problem;

/** Types given as (preference, signal) pairs: the joint prior they make, and bad input at its path. */
class PairedTypesTest {
  /**
   * data-driven-impossibility in the pair syntax: theta 0 or 1 (1/2 each), signal L or H right with probability 3/4
   * given the state, states lo and hi with probability 1/2 each (the instance's description).
   */
  private static final String PAIRS = """
      {"format": "mechlp/1", "name": "pairs",
       "agents": [
        {"name": "a", "preferences": [{"name": "t0", "theta": 0}, {"name": "t1", "theta": 1}],
         "prior": ["1/2", "1/2"],
         "signals": [{"name": "L", "p": {"lo": "3/4", "hi": "1/4"}}, {"name": "H", "p": {"lo": "1/4", "hi": "3/4"}}]},
        {"name": "b", "preferences": [{"name": "t0", "theta": 0}, {"name": "t1", "theta": 1}],
         "prior": {"t0": "1/2", "t1": "1/2"},
         "signals": [{"name": "L", "p": {"lo": "3/4", "hi": "1/4"}}, {"name": "H", "p": {"lo": "1/4", "hi": "3/4"}}]}],
       "states": [{"name": "lo", "p": "1/2", "omega": 0}, {"name": "hi", "p": "1/2", "omega": 3}],
       "outcomes": ["a", "b"],
       "valuations": {"a": {"expression": {"a": "theta + state.omega"}},
                      "b": {"expression": {"b": "theta + 2 * state.omega"}}},
       "mechanism": {"ir": "none", "allocation": "efficient"},
       "objective": "feasibility",
       "estimator": "fullRevelation"}
      """;

  private static ObjectNode pairs() throws Exception {
    return (ObjectNode) JsonInput.mapper().readTree(PAIRS);
  }

  private static List<Issue> issues(Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = pairs();
    edit.accept(root);
    InvalidInputException e =
        catchThrowableOfType(InvalidInputException.class, () -> ProblemReader.read(root.toString(), "pairs.json"));
    assertThat(e).as("must be rejected").isNotNull();
    return e.issues();
  }

  @Test
  void pairsMakeTheSameJointPriorAsTheHandWrittenTable() throws Exception {
    Problem fromPairs = ProblemReader.read(PAIRS, "pairs.json");
    Problem written = ProblemReader.read(
        Files.readString(Paths.get("../instances/data-driven-impossibility.json")), "written.json");
    assertThat(fromPairs.agents().get(0).types().stream().map(t -> t.name()).toList())
        .containsExactly("t0/L", "t0/H", "t1/L", "t1/H");
    // Same type order (preference major, signal minor) as the instance's t0L, t0H, t1L, t1H: every (profile, state)
    // has the probability written by hand in the instance (for example 9/128 for a = t0L, b = t0L, state lo).
    for (int t = 0; t < written.profiles().count(); t++) {
      for (int w = 0; w < 2; w++) {
        assertThat(fromPairs.prior().probability(t, w)).as("profile %d state %d", t, w)
            .isEqualTo(written.prior().probability(t, w));
      }
    }
    // The preference's attribute is the type's: t1/H has theta 1.
    assertThat(fromPairs.agents().get(1).types().get(3).attributes().get("theta"))
        .isEqualTo(org.apache.commons.math3.fraction.BigFraction.ONE);
  }

  @Test
  void signalLikelihoodsThatDoNotSumToOneAreRejectedAtTheAgentsSignals() throws Exception {
    assertThat(issues(r -> ((ObjectNode) r.get("agents").get(0).get("signals").get(1).get("p")).put("lo", "1/2")))
        .anySatisfy(i -> {
          assertThat(i.pointer()).isEqualTo("agents[0].signals");
          assertThat(i.message()).contains("state \"lo\" sum to 5/4");
        });
  }

  @Test
  void badPairInputIsReportedAtItsPath() throws Exception {
    assertThat(issues(r -> ((ObjectNode) r.get("agents").get(1).get("signals").get(0).get("p")).put("mid", "0")))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("agents[1].signals[0].p.mid"));
    assertThat(issues(r -> r.putArray("prior")))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("prior"));
    assertThat(issues(r -> ((ObjectNode) r.get("states").get(0)).remove("p")))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("states[0].p"));
    assertThat(issues(r -> ((ObjectNode) r.get("agents").get(1)).putArray("types").add("x")))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("agents[1].types"));
    assertThat(issues(r -> ((ArrayNode) r.get("agents").get(0).get("preferences")).add("t0")))
        .anySatisfy(i -> assertThat(i.message()).contains("duplicate name \"t0\""));
    assertThat(issues(r -> ((ObjectNode) r.get("agents").get(0)).put("prior", "1")))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("agents[0].prior"));
    // An attribute is checked where the file gives it, not at the type it becomes.
    assertThat(issues(r -> ((ObjectNode) r.get("agents").get(0).get("preferences").get(1)).put("theta", "high")))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("agents[0].preferences[1].theta"));
    assertThat(issues(r -> ((ObjectNode) r.get("agents").get(0).get("signals").get(0)).put("theta", 2)))
        .anySatisfy(i -> {
          assertThat(i.pointer()).isEqualTo("agents[0].signals[0].theta");
          assertThat(i.message()).contains("also an attribute of preference");
        });
  }

  @Test
  void anAgentWithoutSignalsHasItsPreferencesAsTypes() throws Exception {
    ObjectNode root = pairs();
    ((ObjectNode) root.get("agents").get(1)).remove("signals");
    Problem p = ProblemReader.read(root.toString(), "pairs.json");
    assertThat(p.agents().get(1).types().stream().map(t -> t.name()).toList()).containsExactly("t0", "t1");
    // b's preference is independent of the state: P(a = t0/L, b = t1, lo) = 1/2 * 1/2 * 3/4 * 1/2 = 3/32.
    int profile = p.profiles().encode(new int[] {0, 1});
    assertThat(p.prior().probability(profile, 0)).isEqualTo(new org.apache.commons.math3.fraction.BigFraction(3, 32));
  }
}
