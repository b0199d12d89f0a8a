package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigInteger;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.RobustKind;
import org.mechlp.model.TypeRef;

/**
 * Sets of priors, sample counts, credible regions, Rawlsian objectives and welfare weights as files give them: what
 * they parse to, and every bad input reported at its path.
 */
class RobustInputTest {
  /** A two-type buyer whose prior part and objective the cases fill in. */
  private static String buyer(String agentExtra, String top, String objective) {
    return buyer(agentExtra, ", \"prior\": [1]", top, objective);
  }

  /** The same with the second agent's prior part given too (empty under a top-level set of priors). */
  private static String buyer(String agentExtra, String sellerExtra, String top, String objective) {
    return """
        {"format": "mechlp/1", "name": "t",
         "agents": [{"name": "buyer", "types": [{"name": "low", "value": 1}, {"name": "high", "value": 3}]%s},
                    {"name": "seller", "types": [{"name": "only", "value": 0}]%s}],
         %s
         "outcomes": {"shortcut": "single-item"},
         "objective": %s}
        """.formatted(agentExtra, sellerExtra, top, objective);
  }

  private static List<String> issues(String json) {
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> ProblemReader.read(json, "t"));
    assertThat(e).as("must be rejected").isNotNull();
    return e.issues().stream().map(InvalidFilesTest::line).toList();
  }

  @Test
  void countsAreNormalizedExactlyAndKept() throws Exception {
    Problem p = ProblemReader.read(buyer(", \"counts\": [2, 5]", "", "\"revenue\""), "t");
    assertThat(p.prior().typeProbability(0, 0)).isEqualTo(new BigFraction(2, 7));
    assertThat(p.prior().typeProbability(0, 1)).isEqualTo(new BigFraction(5, 7));
    assertThat(p.priors().counts().perAgent().get(0)).containsExactly(BigInteger.TWO, BigInteger.valueOf(5));
    assertThat(p.priors().counts().counted(1)).isFalse();
    assertThat(p.priors().isSet()).isFalse();
  }

  @Test
  void countsByTypeNameDefaultToZero() throws Exception {
    Problem p = ProblemReader.read(buyer(", \"counts\": {\"high\": 4}", "", "\"revenue\""), "t");
    assertThat(p.prior().typeProbability(0, 0)).isEqualTo(BigFraction.ZERO);
    assertThat(p.prior().typeProbability(0, 1)).isEqualTo(BigFraction.ONE);
  }

  @Test
  void negativeFractionalAndAllZeroCountsAreRefusedAtTheirPath() {
    assertThat(issues(buyer(", \"counts\": [-1, 3]", "", "\"revenue\"")))
        .containsExactly("agents[0].counts[0]: negative count -1");
    assertThat(issues(buyer(", \"counts\": [\"1/2\", 3]", "", "\"revenue\"")))
        .containsExactly("agents[0].counts[0]: expected a whole number of observations, got 1/2");
    assertThat(issues(buyer(", \"counts\": [0, 0]", "", "\"revenue\"")))
        .containsExactly("agents[0].counts: every count is 0");
    assertThat(issues(buyer(", \"counts\": [1, 1], \"prior\": [\"1/2\", \"1/2\"]", "", "\"revenue\"")))
        .containsExactly("agents[0].prior: not allowed together with \"counts\"");
  }

  @Test
  void aRegionWidensCountsIntoTheVerticesOfTheL1Ball() throws Exception {
    // Empirical law (1/4, 3/4), radius 1/2: a quarter of the mass moves, to (1/2, 1/2) or to (0, 1).
    Problem p = ProblemReader.read(
        buyer(", \"counts\": [1, 3]", "\"credibleRegion\": {\"radius\": \"1/2\"},", "\"revenue\""), "t");
    assertThat(p.priors().names()).containsExactly("empirical", "vertex1", "vertex2");
    assertThat(p.priors().prior(1).typeProbability(0, 1)).isEqualTo(new BigFraction(1, 2));
    assertThat(p.priors().prior(2).typeProbability(0, 1)).isEqualTo(BigFraction.ONE);
    assertThat(p.priors().region().radii().get(0)).isEqualTo(new BigFraction(1, 2));
    assertThat(p.priors().region().radii().get(1)).isNull();
  }

  @Test
  void aConfidenceLevelGivesWeissmansRadiusRoundedUp() throws Exception {
    // 100 draws over 2 types at 95%: r = sqrt(2 ln((2^2 - 2) / 0.05) / 100) = 0.27162..., rounded up to 0.272.
    Problem p = ProblemReader.read(
        buyer(", \"counts\": [30, 70]", "\"credibleRegion\": {\"confidence\": \"0.95\"},", "\"revenue\""), "t");
    assertThat(p.priors().region().radii().get(0)).isEqualTo(new BigFraction(272, 1000));
    assertThat(p.priors().region().confidence()).isEqualTo(new BigFraction(19, 20));
  }

  @Test
  void aRegionNeedsCounts() {
    assertThat(issues(buyer(", \"prior\": [\"1/2\", \"1/2\"]", "\"credibleRegion\": {\"radius\": \"1/2\"},",
            "\"revenue\"")))
        .containsExactly("credibleRegion: needs sample counts to widen");
  }

  @Test
  void aSetOfPriorsIsReadWithNamesAndTheFirstMemberAsReference() throws Exception {
    String set = """
        "prior": {"set": [
          {"name": "low", "agents": {"buyer": ["3/4", "1/4"], "seller": [1]}},
          {"joint": [{"types": {"buyer": "low", "seller": "only"}, "p": "1/4"},
                     {"types": {"buyer": "high", "seller": "only"}, "p": "3/4"}]}]},""";
    Problem p = ProblemReader.read(buyer("", "", set, "{\"maximize\": \"revenue\", \"robust\": \"regret\"}"), "t");
    assertThat(p.priors().names()).containsExactly("low", "prior2");
    assertThat(p.prior()).isSameAs(p.priors().prior(0));
    assertThat(p.priors().prior(1).typeProbability(0, 1)).isEqualTo(new BigFraction(3, 4));
    assertThat(p.objective().robust()).isEqualTo(RobustKind.REGRET);
  }

  @Test
  void aMemberThatDoesNotSumToOneIsRefusedAtItsPath() {
    String set = """
        "prior": {"set": [
          {"name": "a", "agents": {"buyer": ["1/2", "1/2"], "seller": [1]}},
          {"name": "b", "agents": {"buyer": ["1/2", "1/3"], "seller": [1]}}]},""";
    assertThat(issues(buyer("", "", set, "\"revenue\"")))
        .containsExactly("prior.set[1].agents.buyer: sums to 5/6, expected 1");
  }

  @Test
  void aMemberMissingAnAgentOrNamingAnUnknownOneIsRefused() {
    String set = """
        "prior": {"set": [{"agents": {"buyer": ["1/2", "1/2"], "sellr": [1]}}]},""";
    assertThat(issues(buyer("", "", set, "\"revenue\"")))
        .containsExactly("prior.set[0].agents.sellr: unknown agent", "prior.set[0].agents.seller: missing: every"
            + " member gives every agent's prior");
  }

  @Test
  void regretNeedsASetOfPriors() {
    assertThat(issues(buyer(", \"prior\": [\"1/2\", \"1/2\"]", "",
            "{\"maximize\": \"revenue\", \"robust\": \"regret\"}")))
        .containsExactly("objective.robust: needs a set of priors");
  }

  @Test
  void rawlsianOverAChosenSet() throws Exception {
    Problem p = ProblemReader.read(buyer(", \"prior\": [\"1/2\", \"1/2\"]", "",
        "{\"maximize\": \"rawlsian\", \"over\": {\"buyer\": [\"high\"], \"seller\": \"all\"}}"), "t");
    assertThat(p.objective().rawlsian().members()).containsExactly(new TypeRef(0, 1), new TypeRef(1, 0));
    Problem all = ProblemReader.read(buyer(", \"prior\": [\"1/2\", \"1/2\"]", "", "\"rawlsian\""), "t");
    assertThat(all.objective().rawlsian().members()).hasSize(3);
    assertThat(all.objective().rawlsian().everyone()).isTrue();
  }

  @Test
  void anUnknownAgentOrTypeInTheRawlsianSetIsRefusedAtItsPath() {
    assertThat(issues(buyer(", \"prior\": [\"1/2\", \"1/2\"]", "",
            "{\"maximize\": \"rawlsian\", \"over\": {\"buyr\": \"all\", \"buyer\": [\"hi\"]}}")))
        .containsExactly("objective.over.buyr: unknown agent", "objective.over.buyer[0]: unknown type \"hi\" of agent"
            + " buyer");
  }

  @Test
  void welfareWeightsPerAgentAndTypeDefaultToOne() throws Exception {
    Problem p = ProblemReader.read(buyer(", \"prior\": [\"1/2\", \"1/2\"]", "",
        "{\"maximize\": \"welfare\", \"welfareWeights\": {\"buyer\": {\"low\": 3}}}"), "t");
    assertThat(p.objective().welfareWeights().weight(0, 0)).isEqualTo(new BigFraction(3));
    assertThat(p.objective().welfareWeights().weight(0, 1)).isEqualTo(BigFraction.ONE);
    assertThat(p.objective().welfareWeights().weight(1, 0)).isEqualTo(BigFraction.ONE);
  }

  @Test
  void negativeWeightsAndWeightsWithoutWelfareAreRefused() {
    assertThat(issues(buyer(", \"prior\": [\"1/2\", \"1/2\"]", "",
            "{\"maximize\": \"welfare\", \"welfareWeights\": {\"buyer\": -1}}")))
        .containsExactly("objective.welfareWeights.buyer: negative weight -1");
    assertThat(issues(buyer(", \"prior\": [\"1/2\", \"1/2\"]", "",
            "{\"maximize\": \"revenue\", \"welfareWeights\": {\"buyer\": 2}}")))
        .containsExactly("objective.welfareWeights: the objective does not weigh welfare");
  }
}
