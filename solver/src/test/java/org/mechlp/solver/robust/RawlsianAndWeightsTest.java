package org.mechlp.solver.robust;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Rawlsian objectives over chosen agent types, and welfare weights, against hand derivations. */
class RawlsianAndWeightsTest {
  /** ann values the good 1 or 2, bob 3; no money, DSIC: ann's winning probability a is the same for both types. */
  private static String noMoney(String objective) {
    return """
        {"format": "mechlp/1", "name": "rawls",
         "agents": [{"name": "ann", "types": [{"name": "low", "value": 1}, {"name": "high", "value": 2}],
                     "prior": ["1/2", "1/2"]},
                    {"name": "bob", "types": [{"name": "only", "value": 3}], "prior": [1]}],
         "outcomes": {"shortcut": "single-item"},
         "mechanism": {"ic": "dsic", "ir": "none", "transfers": false},
         "objective": %s}
        """.formatted(objective);
  }

  @Test
  void rawlsianOverOneTypeServesIt() {
    // Only ann's high type counts: 2a is largest at a = 1.
    assertThat(Robust.exactValue(Robust.read(noMoney(
        "{\"maximize\": \"rawlsian\", \"over\": {\"ann\": [\"high\"]}}")))).isEqualTo(BigFraction.TWO);
  }

  @Test
  void rawlsianOverAChosenSetBalancesIt() {
    // ann high and bob: min(2a, 3(1 - a)) is largest at a = 3/5, value 6/5 (ann low, 3/5, is not in the set).
    assertThat(Robust.exactValue(Robust.read(noMoney(
        "{\"maximize\": \"rawlsian\", \"over\": {\"ann\": [\"high\"], \"bob\": \"all\"}}"))))
        .isEqualTo(new BigFraction(6, 5));
  }

  @Test
  void rawlsianOverSeveralPriorsTakesTheWorstPriorToo() {
    // Under a second prior where ann is surely high, ann low has probability 0 and no utility there; the least
    // over both priors is still min(a, 3(1 - a)) from the first: 3/4.
    String json = """
        {"format": "mechlp/1", "name": "rawls-set",
         "agents": [{"name": "ann", "types": [{"name": "low", "value": 1}, {"name": "high", "value": 2}]},
                    {"name": "bob", "types": [{"name": "only", "value": 3}]}],
         "prior": {"set": [{"agents": {"ann": ["1/2", "1/2"], "bob": [1]}},
                           {"agents": {"ann": [0, 1], "bob": [1]}}]},
         "outcomes": {"shortcut": "single-item"},
         "mechanism": {"ic": "dsic", "ir": "none", "transfers": false},
         "objective": "rawlsian"}
        """;
    assertThat(Robust.exactValue(Robust.read(json))).isEqualTo(new BigFraction(3, 4));
  }

  /** ann values the good 2, bob 3, each one type; IR ex post, ex ante budget, transfers free. */
  private static String redistribution(String weights) {
    return """
        {"format": "mechlp/1", "name": "weights",
         "agents": [{"name": "ann", "types": [{"name": "only", "value": 2}], "prior": [1]},
                    {"name": "bob", "types": [{"name": "only", "value": 3}], "prior": [1]}],
         "outcomes": {"shortcut": "single-item"},
         "mechanism": {"ic": "dsic", "ir": "expost", "budget": "exante"},
         "objective": {"maximize": "welfare"%s}}
        """.formatted(weights);
  }

  @Test
  void unitWeightsAreTheOrdinarySurplus() {
    // Surplus: bob gets the good, 3; transfers cancel. Weights of 1 change nothing.
    assertThat(Robust.exactValue(Robust.read(redistribution("")))).isEqualTo(new BigFraction(3));
    assertThat(Robust.exactValue(Robust.read(redistribution(", \"welfareWeights\": {\"ann\": 1}"))))
        .isEqualTo(new BigFraction(3));
  }

  @Test
  void aHeavierAgentIsPaidFromTheOthersSurplus() {
    // Weight 2 on ann: welfare = 2 u_ann + u_bob + (t_ann + t_bob). Selling to bob at his value 3 (IR binds) and
    // paying the 3 to ann (the budget binds) gives 2 * 3 + 0 + 0 = 6; giving ann the good gives at most
    // 2 * 2 = 4 (bob's IR leaves nothing to take from him). So 6.
    assertThat(Robust.exactValue(Robust.read(redistribution(", \"welfareWeights\": {\"ann\": 2}"))))
        .isEqualTo(new BigFraction(6));
  }

  @Test
  void weightsPerTypeWeighThatTypesUtility() {
    // ann weight 0 (by her only type): welfare = u_bob + revenue = 3 x_bob + 2 x_ann - 2 x_ann ... precisely
    // 0 * u_ann + u_bob + t_ann + t_bob = 3 x_bob - t_bob + t_ann + t_bob = 3 x_bob + t_ann; ann's IR caps
    // t_ann at 2 x_ann, so x_ann = 1, t_ann = 2 gives 2 and x_bob = 1 gives 3: the value is 3.
    assertThat(Robust.exactValue(Robust.read(redistribution(", \"welfareWeights\": {\"ann\": {\"only\": 0}}"))))
        .isEqualTo(new BigFraction(3));
  }
}
