package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.IcKind;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.IrKind;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Outcome;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.ValueFunction.Scope;

class ProblemReaderTest {
  static final Path VALID = Paths.get("src/test/resources/valid");

  private static Problem valid(String name) throws Exception {
    return ProblemReader.read(VALID.resolve(name + ".json"));
  }

  private static BigFraction f(String s) {
    return org.mechlp.model.Fractions.parse(s).orElseThrow();
  }

  /** Builds a minimal two-type, one-agent problem around the given extra top-level fields. */
  static String oneAgent(String extra) {
    return """
        {"format": "mechlp/1",
         "agents": [{"name": "x", "types": [{"name": "lo", "value": 1}, {"name": "hi", "value": 2}],
                     "prior": ["1/2", "1/2"]}],
         "outcomes": {"shortcut": "single-item"}%s}
        """.formatted(extra.isEmpty() ? "" : ", " + extra);
  }

  @ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("org.mechlp.model.json.SchemaTest#validFiles")
  void everyValidFileReads(Path file) throws Exception {
    assertThat(ProblemReader.read(file).agents()).isNotEmpty();
  }

  @Test
  void singleItemShortcutNamesOutcomesAfterAgentsAndValuesTheItem() throws Exception {
    Problem p = valid("single-item");
    TypeProfiles profiles = p.profiles();
    assertThat(p.name()).isEqualTo("single-item");
    assertThat(p.outcomes()).extracting(Outcome::name).containsExactly("none", "bidder1", "bidder2");
    assertThat(p.statesGiven()).isFalse();
    assertThat(p.states()).hasSize(1);
    assertThat(p.hasPrivateValues()).isTrue();
    int highLow = profiles.encode(new int[] {2, 0});
    // bidder1 of type v3 (value 3) values receiving the item at 3, the others' items at 0.
    assertThat(p.expectedValue(0, 1, highLow, profiles)).isEqualTo(new BigFraction(3));
    assertThat(p.expectedValue(0, 2, highLow, profiles)).isEqualTo(BigFraction.ZERO);
    assertThat(p.expectedValue(1, 2, highLow, profiles)).isEqualTo(BigFraction.ONE);
    // Independent uniform priors: every profile has probability 1/3 * 1/3.
    assertThat(p.prior().profileProbability(highLow)).isEqualTo(new BigFraction(1, 9));
    assertThat(p.valuations().get(0).scope()).isEqualTo(Scope.OWN_TYPE);
    assertThat(p.mechanism().ic()).isEqualTo(IcKind.DSIC);
    assertThat(p.mechanism().ir()).isEqualTo(IrKind.EX_POST);
    assertThat(p.mechanism().budget()).isEqualTo(BudgetKind.NONE);
    assertThat(p.mechanism().transfers().allowed()).isTrue();
    assertThat(p.mechanism().hasFixedAllocation()).isFalse();
    assertThat(p.objective()).isEqualTo(Objective.maximize(ObjectiveTerm.REVENUE));
  }

  @Test
  void publicProjectWithEfficientAllocationSplitsTies() throws Exception {
    Problem p = valid("public-project");
    TypeProfiles profiles = p.profiles();
    assertThat(p.name()).isEqualTo("agv");
    assertThat(p.outcomes()).containsExactly(Outcome.of("no"), new Outcome("build", BigFraction.ONE));
    assertThat(p.objective().isFeasibility()).isTrue();
    assertThat(p.mechanism().budget()).isEqualTo(BudgetKind.EX_POST_STRONG);
    var fixed = p.mechanism().fixedAllocation();
    assertThat(fixed.source()).isEqualTo("efficient");
    // Surplus of "build" is v_a + v_b - 1: negative at (0,0), a tie with "no" at (0,1), positive at (1,1).
    assertThat(fixed.probability(profiles.encode(new int[] {0, 0}), 0)).isEqualTo(BigFraction.ONE);
    assertThat(fixed.probability(profiles.encode(new int[] {0, 1}), 1)).isEqualTo(new BigFraction(1, 2));
    assertThat(fixed.probability(profiles.encode(new int[] {1, 1}), 1)).isEqualTo(BigFraction.ONE);
  }

  @Test
  void bilateralTradeGivesTheSellerMinusItsCostAndReadsTheMechanismBlock() throws Exception {
    Problem p = valid("bilateral-trade");
    TypeProfiles profiles = p.profiles();
    int highHigh = profiles.encode(new int[] {1, 1});
    assertThat(p.outcomes()).extracting(Outcome::name).containsExactly("no-trade", "trade");
    assertThat(p.expectedValue(0, 1, highHigh, profiles)).isEqualTo(BigFraction.MINUS_ONE);
    assertThat(p.expectedValue(1, 1, highHigh, profiles)).isEqualTo(BigFraction.ONE);
    assertThat(p.expectedValue(0, 0, highHigh, profiles)).isEqualTo(BigFraction.ZERO);
    var spec = p.mechanism();
    assertThat(spec.ir()).isEqualTo(IrKind.INTERIM);
    assertThat(spec.outsideOption(0, 0)).isEqualTo(BigFraction.ZERO);
    assertThat(spec.outsideOption(0, 1)).isEqualTo(new BigFraction(1, 4));
    assertThat(spec.budget()).isEqualTo(BudgetKind.EX_ANTE);
    assertThat(spec.budgetAmount()).isEqualTo(new BigFraction(1, 6));
    assertThat(spec.transfers().bounds().get(0).lower()).isNull();
    assertThat(spec.transfers().bounds().get(0).upper()).isEqualTo(new BigFraction(10));
    assertThat(spec.transfers().bounds().get(1).lower()).isEqualTo(new BigFraction(-10));
    // Trade surplus v - c at (seller high, buyer high) is 0, a tie broken towards the first outcome.
    assertThat(spec.fixedAllocation().probability(highHigh, 0)).isEqualTo(BigFraction.ONE);
    assertThat(spec.fixedAllocation().probability(profiles.encode(new int[] {0, 1}), 1))
        .isEqualTo(BigFraction.ONE);
  }

  @Test
  void jointPriorWithStatesGivesConditionalStateWeights() throws Exception {
    Problem p = valid("correlated-states");
    TypeProfiles profiles = p.profiles();
    Prior prior = p.prior();
    assertThat(prior.isIndependent()).isFalse();
    assertThat(p.statesGiven()).isTrue();
    // Marginals of the joint table f(L,1)=1/3, f(L,2)=1/6, f(H,1)=1/6, f(H,2)=1/3.
    assertThat(prior.typeProbability(0, 0)).isEqualTo(new BigFraction(1, 2));
    assertThat(prior.stateProbability(1)).isEqualTo(new BigFraction(1, 2));
    assertThat(prior.probability(0, 1)).isEqualTo(new BigFraction(1, 6));
    // f(H | type one) = (1/6) / (1/2) = 1/3.
    assertThat(prior.stateWeight(0, 1)).isEqualTo(new BigFraction(1, 3));
    // value + bonus: type one gets 1 + 0 in L and 1 + 1 in H, so 2/3 * 1 + 1/3 * 2 = 4/3.
    assertThat(p.expectedValue(0, 1, 0, profiles)).isEqualTo(new BigFraction(4, 3));
    // Type two: 2 + f(H | two) = 2 + 2/3.
    assertThat(p.expectedValue(0, 1, 1, profiles)).isEqualTo(new BigFraction(8, 3));
    assertThat(p.valuations().get(0).isStateDependent()).isTrue();
    assertThat(p.valuations().get(0).scope()).isEqualTo(Scope.OWN_TYPE);
  }

  @Test
  void jointPriorWithoutStatesGivesProfileProbabilities() throws Exception {
    Problem p = valid("cremer-mclean");
    TypeProfiles profiles = p.profiles();
    assertThat(p.prior().profileProbability(profiles.encode(new int[] {0, 1}))).isEqualTo(new BigFraction(1, 6));
    assertThat(p.prior().typeProbability(1, 1)).isEqualTo(new BigFraction(1, 2));
    assertThat(p.prior().stateWeight(0, 0)).isEqualTo(BigFraction.ONE);
  }

  @Test
  void expressionsReadOwnOtherAndStateAttributesExactly() throws Exception {
    Problem p = valid("interdependent");
    TypeProfiles profiles = p.profiles();
    assertThat(p.hasPrivateValues()).isFalse();
    assertThat(p.valuations().get(0).scope()).isEqualTo(Scope.PROFILE);
    assertThat(p.valuations().get(1).scope()).isEqualTo(Scope.PROFILE);
    assertThat(p.designerValue().scope()).isEqualTo(Scope.OUTCOME);
    int hiHi = profiles.encode(new int[] {1, 1});
    int hiLo = profiles.encode(new int[] {1, 0});
    // a: value + 0.5 * other.value = 1 + 1/2 at (hi, hi); 1 at (hi, lo).
    assertThat(p.expectedValue(0, 1, hiHi, profiles)).isEqualTo(new BigFraction(3, 2));
    assertThat(p.expectedValue(0, 1, hiLo, profiles)).isEqualTo(BigFraction.ONE);
    // A constant -1/3 (a repeating decimal in EvalEx) comes back as exactly -1/3.
    assertThat(p.expectedValue(0, 2, hiLo, profiles)).isEqualTo(new BigFraction(-1, 3));
    // b at (hi, hi): 1 * quality / 3 + 1 with quality 1 or 3, each with probability 1/2: 1/2 (1/3 + 1) + 1/2 * 2.
    assertThat(p.expectedValue(1, 2, hiHi, profiles)).isEqualTo(new BigFraction(5, 3));
    // Designer: 2 * quality averaged over the states = 4.
    assertThat(p.expectedDesignerValue(1, hiHi, profiles)).isEqualTo(new BigFraction(4));
    assertThat(p.outcomes().get(1).cost()).isEqualTo(new BigFraction(1, 10));
    assertThat(p.objective().weights())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                ObjectiveTerm.REVENUE, BigFraction.ONE,
                ObjectiveTerm.DESIGNER, new BigFraction(1, 2),
                ObjectiveTerm.WELFARE, new BigFraction(1, 4)));
  }

  @Test
  void tablesProfilesAndFixedAllocationTables() throws Exception {
    Problem p = valid("fixed-allocation");
    TypeProfiles profiles = p.profiles();
    int loHi = profiles.encode(new int[] {0, 1});
    assertThat(p.valuations().get(0).scope()).isEqualTo(Scope.OWN_TYPE);
    assertThat(p.valuations().get(1).scope()).isEqualTo(Scope.PROFILE);
    assertThat(p.expectedValue(0, 1, loHi, profiles)).isEqualTo(new BigFraction(1, 2));
    assertThat(p.expectedValue(1, 1, loHi, profiles)).isEqualTo(new BigFraction(1, 10));
    assertThat(p.expectedValue(1, 1, profiles.encode(new int[] {1, 0}), profiles)).isEqualTo(BigFraction.ZERO);
    assertThat(p.designerValue().scope()).isEqualTo(Scope.OUTCOME);
    assertThat(p.expectedDesignerValue(0, loHi, profiles)).isEqualTo(BigFraction.ONE);
    assertThat(p.mechanism().fixedAllocation().source()).isEqualTo("table");
    assertThat(p.mechanism().fixedAllocation().probability(loHi, 1)).isEqualTo(new BigFraction(1, 2));
    assertThat(p.mechanism().transfers().bounds().get(1).lower()).isEqualTo(BigFraction.ZERO);
    assertThat(p.objective().maximize()).isFalse();
    assertThat(p.objective().weight(ObjectiveTerm.COST)).isEqualTo(BigFraction.ONE);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "\"revenue\"                          | true  | revenue",
        "\"agent-utility\"                    | true  | agent-utility",
        "{\"maximize\": \"welfare\"}          | true  | welfare",
        "{\"minimize\": \"cost\"}             | false | cost",
        "{\"maximize\": {\"profit\": \"2\"}}  | true  | profit",
      })
  void objectiveForms(String json, boolean maximize, String term) throws Exception {
    Problem p = ProblemReader.read(oneAgent("\"objective\": " + json), "objective.json");
    assertThat(p.objective().maximize()).isEqualTo(maximize);
    assertThat(p.objective().weights().keySet()).extracting(ObjectiveTerm::json).containsExactly(term);
  }

  @Test
  void defaultNameIsTheFileNameWithoutExtension() throws Exception {
    assertThat(ProblemReader.read(oneAgent(""), "some/dir/auction.json").name()).isEqualTo("auction");
    assertThat(ProblemReader.defaultName("C:\\x\\y.json")).isEqualTo("y");
  }

  @Test
  void everyIssueCarriesItsPathAndHint() {
    assertThatThrownBy(() -> ProblemReader.read(oneAgent("\"mechanism\": {\"icc\": \"bic\"}"), "h.json"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.source()).isEqualTo("h.json");
              assertThat(e.issues()).hasSize(1);
              assertThat(e.issues().get(0).pointer()).isEqualTo("mechanism.icc");
              assertThat(e.issues().get(0).hint())
                  .isEqualTo("known fields: ic, ir, budget, transfers, allocation, pinnedUtilities, constraints");
              assertThat(e.getMessage()).isEqualTo(
                  "h.json: mechanism.icc: unknown field\n  Maybe known fields: ic, ir, budget, transfers, allocation, pinnedUtilities, constraints");
            });
  }

  @Test
  void explicitValuationOverridesTheShortcutDefault() throws Exception {
    Problem p = ProblemReader.read(
        oneAgent("\"valuations\": {\"x\": {\"table\": {\"hi\": {\"x\": 7}}}}"), "override.json");
    // The table gives 7 to type hi and 0 to type lo, instead of the "value" attributes 2 and 1.
    assertThat(p.expectedValue(0, 1, 1, p.profiles())).isEqualTo(new BigFraction(7));
    assertThat(p.expectedValue(0, 1, 0, p.profiles())).isEqualTo(BigFraction.ZERO);
  }

  @Test
  void numbersAcceptDecimalsExponentsAndFractionStrings() throws Exception {
    Problem p = ProblemReader.read(
        oneAgent("\"mechanism\": {\"budget\": {\"kind\": \"exante\", \"amount\": \"1e-3\"}}"), "n.json");
    assertThat(p.mechanism().budgetAmount()).isEqualTo(f("1/1000"));
  }
}
