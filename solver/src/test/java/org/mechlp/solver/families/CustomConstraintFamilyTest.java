package org.mechlp.solver.families;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;

/**
 * The rows of {@code mechanism.constraints}, derived by hand. Agents a (types lo, hi with probability 1/2 each;
 * values 1, 3) and b (lo 1/3, hi 2/3; values 1, 2); outcomes none, a (cost 1/2), b. Profiles in order (a, b) =
 * (lo,lo), (lo,hi), (hi,lo), (hi,hi) with probabilities f = 1/6, 1/3, 1/6, 1/3.
 */
class CustomConstraintFamilyTest {
  private static final String PROBLEM = """
      {"format": "mechlp/1", "name": "custom-rows",
       "agents": [
         {"name": "a", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 3}], "prior": ["1/2", "1/2"]},
         {"name": "b", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}], "prior": ["1/3", "2/3"]}],
       "outcomes": ["none", {"name": "a", "cost": "1/2"}, "b"],
       "valuations": {"a": {"expression": {"a": "value"}}, "b": {"expression": {"b": "value"}}},
       "mechanism": {"ic": "bic", "ir": "interim", "constraints": [
         {"name": "share", "terms": [{"allocation": {"agent": "a", "type": "lo", "outcomes": ["a"]}}], ">=": "1/3"},
         {"name": "fair", "description": "a and b win equally often",
          "terms": [{"probability": {"outcome": "a"}}, {"coefficient": -1, "probability": {"outcome": "b"}}],
          "=": 0},
         {"name": "at-profile", "terms": [{"probability": {"outcome": "none", "profile": {"a": "lo", "b": "lo"}}}],
          "<=": "1/2"},
         {"name": "pay", "terms": [{"coefficient": "1/2", "payment": {"agent": "b"}},
                                   {"payment": {"agent": "a", "type": "hi"}}], "<=": 5},
         {"name": "utility", "terms": [{"utility": {"agent": "b", "type": "hi"}}], ">=": "1/10"},
         {"name": "budget", "terms": [{"budget": {}}], ">=": 0}]}}
      """;

  @Test
  void everyQuantityGivesTheRowDerivedByHand() throws Exception {
    Problem p = ProblemReader.read(PROBLEM, "custom-rows.json");
    VariableIndex vars = new VariableIndex(p);
    CustomConstraintFamily family = new CustomConstraintFamily(p, vars);
    assertThat(FamilyCatalog.forProblem(p, vars)).last().extracting(f -> f.id()).isEqualTo("custom");
    FamilyAssert.assertThat(family, vars)
        .hasRows(
            // P(a | a is lo) = sum over b's types of f(lo, t_b) / f_a(lo) x(a | lo, t_b): (1/6)/(1/2), (1/3)/(1/2).
            "custom[share]: 1/3 x[a=lo,b=lo|a] + 2/3 x[a=lo,b=hi|a] >= 1/3",
            // sum_θ f(θ) [x(a|θ) - x(b|θ)] = 0.
            "custom[fair]: 1/6 x[a=lo,b=lo|a] - 1/6 x[a=lo,b=lo|b] + 1/3 x[a=lo,b=hi|a] - 1/3 x[a=lo,b=hi|b]"
                + " + 1/6 x[a=hi,b=lo|a] - 1/6 x[a=hi,b=lo|b] + 1/3 x[a=hi,b=hi|a] - 1/3 x[a=hi,b=hi|b] = 0",
            "custom[at-profile]: 1 x[a=lo,b=lo|none] <= 0.5",
            // 1/2 sum_θ f(θ) t_b(θ) (1/12, 1/6, 1/12, 1/6) + E[t_a | a is hi] ((1/6)/(1/2), (1/3)/(1/2)).
            "custom[pay]: 1/12 t[a=lo,b=lo|b] + 1/6 t[a=lo,b=hi|b] + 1/3 t[a=hi,b=lo|a] + 1/12 t[a=hi,b=lo|b]"
                + " + 2/3 t[a=hi,b=hi|a] + 1/6 t[a=hi,b=hi|b] <= 5",
            // b of type hi: profiles (lo,hi), (hi,hi), each with weight (1/3)/(2/3) = 1/2; value 2 for outcome b.
            "custom[utility]: 1 x[a=lo,b=hi|b] + 1 x[a=hi,b=hi|b] - 0.5 t[a=lo,b=hi|b] - 0.5 t[a=hi,b=hi|b] >= 0.1",
            // sum_θ f(θ) [t_a + t_b - 1/2 x(a|θ)].
            "custom[budget]: -1/12 x[a=lo,b=lo|a] - 1/6 x[a=lo,b=hi|a] - 1/12 x[a=hi,b=lo|a] - 1/6 x[a=hi,b=hi|a]"
                + " + 1/6 t[a=lo,b=lo|a] + 1/6 t[a=lo,b=lo|b] + 1/3 t[a=lo,b=hi|a] + 1/3 t[a=lo,b=hi|b]"
                + " + 1/6 t[a=hi,b=lo|a] + 1/6 t[a=hi,b=lo|b] + 1/3 t[a=hi,b=hi|a] + 1/3 t[a=hi,b=hi|b] >= 0")
        .protectsAgents(0, -1, -1, -1, 1, -1);
    assertThat(family.rows().get(1).describe())
        .isEqualTo("Custom constraint fair: P(outcome in {a}) - P(outcome in {b}) = 0 (a and b win equally often)");
    assertThat(family.rows().get(2).describe())
        .isEqualTo("Custom constraint at-profile: P(outcome in {none} at a=lo, b=lo) <= 0.5");
    assertThat(family.rows().get(3).describe())
        .isEqualTo("Custom constraint pay: 0.5 x E[payment of b] + E[payment of a | a is hi] <= 5");
  }

  @Test
  void withoutTransfersPaymentsAreZeroAndOnlyCostsRemainInTheBudget() throws Exception {
    Problem p = ProblemReader.read(PROBLEM.replace("\"ic\": \"bic\"", "\"transfers\": false, \"ic\": \"bic\""),
        "custom-rows.json");
    VariableIndex vars = new VariableIndex(p);
    FamilyAssert.assertThat(new CustomConstraintFamily(p, vars), vars)
        .containsRows(
            "custom[pay]: 0 <= 5",
            "custom[budget]: -1/12 x[a=lo,b=lo|a] - 1/6 x[a=lo,b=hi|a] - 1/12 x[a=hi,b=lo|a] - 1/6 x[a=hi,b=hi|a]"
                + " >= 0");
  }
}
