package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;
import org.mechlp.model.Problem;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.datadriven.Equilibrium;
import org.mechlp.model.datadriven.Estimator;

/** The "estimator" block and "equilibrium": their forms, and bad input reported with its JSON path. */
class DataDrivenReaderTest {
  private static final Path INSTANCES = Paths.get("../instances");

  private static ObjectNode instance(String name) throws Exception {
    return (ObjectNode) JsonInput.mapper().readTree(Files.readString(INSTANCES.resolve(name + ".json")));
  }

  private static Problem read(ObjectNode root) throws InvalidInputException {
    return ProblemReader.read(root.toString(), "test.json");
  }

  private static List<Issue> issues(String name, Consumer<ObjectNode> edit) throws Exception {
    ObjectNode root = instance(name);
    edit.accept(root);
    InvalidInputException e = catchThrowableOfType(InvalidInputException.class, () -> read(root));
    assertThat(e).as("must be rejected").isNotNull();
    return e.issues();
  }

  private static ObjectNode likelihoodEntry(ObjectNode root, int k) {
    return (ObjectNode) root.get("estimator").get("likelihood").get(k);
  }

  @Test
  void readsAnOutcomeDependentAffineUnbiasedEstimator() throws Exception {
    DataDrivenProblem p = DataDrivenProblem.of(read(instance("data-driven-ad-auction")));
    Estimator est = p.estimator();
    assertThat(est.kind()).isEqualTo(Estimator.Kind.FINITE);
    assertThat(est.count()).isEqualTo(2);
    assertThat(est.outcomeDependent()).isTrue();
    assertThat(est.isAffine()).isTrue();
    // The click is unbiased for the click-through rate (description of the instance).
    assertThat(est.isUnbiased()).isTrue();
    // g(click | keen, show1) = 3/4 as written in the file.
    int keen = 1;
    assertThat(est.probability(0, keen, p.problem().outcomeIndex("show1"))).isEqualTo(new BigFraction(3, 4));
    assertThat(p.equilibrium()).isEqualTo(Equilibrium.POSTERIOR);
    // a1's value of show1 at v2 is 2 * CTR, so a = 0 and b = 2 (value per click).
    int profile = p.problem().profiles().encode(new int[] {2, 0});
    assertThat(p.affine().b()[0][profile][0]).isEqualTo(new BigFraction(2));
    assertThat(p.affine().a()[0][profile][0]).isEqualTo(BigFraction.ZERO);
  }

  @Test
  void fullRevelationObservesEachStateExactly() throws Exception {
    DataDrivenProblem p = DataDrivenProblem.of(read(instance("data-driven-impossibility")));
    assertThat(p.estimator().kind()).isEqualTo(Estimator.Kind.FULL_REVELATION);
    assertThat(p.estimator().probability(1, 1, 0)).isEqualTo(BigFraction.ONE);
    assertThat(p.estimator().probability(0, 1, 0)).isEqualTo(BigFraction.ZERO);
  }

  @Test
  void clickSamplingLikelihoodIsTheBinomialTailOfTheNearestRate() throws Exception {
    // N = 2, rates 1/4 and 3/4: the mean 1/2 is a tie, split equally, so the estimate is wrong with probability
    // P(0 clicks | 3/4) + P(1 click | 3/4) / 2 = 1/16 + 3/16 = 1/4 (hand derivation).
    ObjectNode root = instance("data-driven-consistent");
    ((ObjectNode) root.get("estimator").get("clickSampling")).put("samples", 2);
    Estimator est = DataDrivenProblem.of(read(root)).estimator();
    assertThat(est.probability(0, 1, 0)).isEqualTo(new BigFraction(1, 4));
    assertThat(est.probability(1, 1, 0)).isEqualTo(new BigFraction(3, 4));
  }

  @Test
  void aLikelihoodColumnThatDoesNotSumToOneIsRejectedAtItsPath() throws Exception {
    List<Issue> issues = issues("data-driven-ad-auction",
        r -> ((ObjectNode) likelihoodEntry(r, 1).get("p")).put("click", "1/2"));
    assertThat(issues).anySatisfy(i -> {
      assertThat(i.pointer()).isEqualTo("estimator.likelihood[1].p");
      assertThat(i.message()).contains("sums to 3/4");
    });
  }

  @Test
  void undeclaredEstimatesStatesAndOutcomesAreRejected() throws Exception {
    assertThat(issues("data-driven-ad-auction", r -> ((ObjectNode) likelihoodEntry(r, 0).get("p")).put("view", 0)))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("estimator.likelihood[0].p.view"));
    assertThat(issues("data-driven-ad-auction", r -> likelihoodEntry(r, 0).put("state", "bored")))
        .anySatisfy(i -> {
          assertThat(i.pointer()).isEqualTo("estimator.likelihood[0].state");
          assertThat(i.message()).contains("unknown state");
        });
    assertThat(issues("data-driven-ad-auction", r -> likelihoodEntry(r, 0).put("outcome", "show3")))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("estimator.likelihood[0].outcome"));
    assertThat(issues("data-driven-ad-auction", r -> ((com.fasterxml.jackson.databind.node.ArrayNode) r
        .get("estimator").get("likelihood")).remove(3)))
        .anySatisfy(i -> assertThat(i.message()).contains("no entry for state"));
  }

  @Test
  void anAffineMapInconsistentWithTheUtilitiesIsRejected() throws Exception {
    // With phi constant (1/2) under show1 the slope must be 0, so every utility of show1 would have to be the same in
    // both states; a1's value of show1 at v = 1 is 1/4 for a casual user and 3/4 for a keen one.
    List<Issue> issues = issues("data-driven-ad-auction", r -> {
      ObjectNode phi = (ObjectNode) r.get("estimator").get("affine").get("phi");
      ((ObjectNode) phi.get("show1")).put("casual", "1/2");
      ((ObjectNode) phi.get("show1")).put("keen", "1/2");
    });
    assertThat(issues).anySatisfy(i -> {
      assertThat(i.pointer()).isEqualTo("estimator.affine.phi");
      assertThat(i.message()).contains("not consistent with the utilities");
    });
  }

  @Test
  void anUnknownEquilibriumAndAnIcFieldAreRejected() throws Exception {
    assertThat(issues("data-driven-biased", r -> r.put("equilibrium", "nash")))
        .anySatisfy(i -> {
          assertThat(i.pointer()).isEqualTo("equilibrium");
          assertThat(i.message()).contains("unknown equilibrium");
        });
    assertThat(issues("data-driven-biased", r -> ((ObjectNode) r.get("mechanism")).put("ic", "dsic")))
        .anySatisfy(i -> assertThat(i.pointer()).isEqualTo("mechanism.ic"));
  }

  @Test
  void anEstimatorNeedsStates() throws Exception {
    List<Issue> issues = issues("data-driven-biased", r -> {
      r.remove("states");
      r.remove("prior");
      r.remove("designer");
      ((ObjectNode) r.get("agents").get(0)).putArray("prior").add("1/4").add("1/4").add("1/4").add("1/4");
    });
    assertThat(issues).anySatisfy(i -> assertThat(i.pointer()).isEqualTo("states"));
  }
}
