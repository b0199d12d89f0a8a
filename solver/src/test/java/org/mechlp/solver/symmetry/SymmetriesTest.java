package org.mechlp.solver.symmetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;

/**
 * Detection on the shipped instances and on look-alikes that differ in one detail. Whether agents are
 * interchangeable is read off the instance files by hand (the expected answers below say which detail decides).
 */
class SymmetriesTest {
  static Path instancesDir() {
    String dir = System.getProperty("instances.dir");
    assertThat(dir).as("system property instances.dir (set by surefire)").isNotNull();
    return Path.of(dir);
  }

  static Problem instance(String name) throws Exception {
    return ProblemReader.read(instancesDir().resolve(name + ".json"));
  }

  static Problem edited(String name, String from, String to) throws Exception {
    String json = Files.readString(instancesDir().resolve(name + ".json"));
    assertThat(json).contains(from);
    return ProblemReader.read(json.replace(from, to), name + "-edited");
  }

  @Test
  void twoIidBiddersAreInterchangeable() throws Exception {
    // Same types {v1,v2,v3}, same uniform prior, single item: swapping the bidders and "bidder1"/"bidder2" as
    // outcomes maps the problem to itself, so the group is S_2 (order 2).
    SymmetryGroup group = Symmetries.detect(instance("myerson-two-bidders"));
    assertThat(group.isTrivial()).isFalse();
    assertThat(group.order()).isEqualTo(BigInteger.TWO);
    assertThat(group.agentClasses()).containsExactly(List.of(0, 1));
    AgentSwap swap = group.generators().get(0);
    Problem p = instance("myerson-two-bidders");
    int first = p.outcomeIndex("bidder1");
    int second = p.outcomeIndex("bidder2");
    assertThat(swap.outcomeMap()[first]).isEqualTo(second);
    assertThat(swap.outcomeMap()[second]).isEqualTo(first);
  }

  @Test
  void bilateralTradeIsNotSymmetric() throws Exception {
    // A seller and a buyer: different type names and opposite valuations, so no swap exists.
    SymmetryGroup group = Symmetries.detect(instance("bilateral-trade"));
    assertThat(group.isTrivial()).isTrue();
    assertThat(group.order()).isEqualTo(BigInteger.ONE);
    assertThat(group.notes()).isNotEmpty();
  }

  @Test
  void cremerMcLeanJointPriorIsSymmetric() throws Exception {
    // The joint prior [[1/3,1/6],[1/6,1/3]] is a symmetric matrix: f(v1,v2) = f(v2,v1) = 1/6, so swapping the
    // bidders' types leaves it unchanged; values and BIC / interim IR rows follow.
    SymmetryGroup group = Symmetries.detect(instance("cremer-mclean"));
    assertThat(group.order()).isEqualTo(BigInteger.TWO);
  }

  @Test
  void asymmetricJointPriorIsDetected() throws Exception {
    // Make f(v1,v2) = 1/4 and f(v2,v1) = 1/12 (still summing to 1): swapping the types changes the prior.
    String json = Files.readString(instancesDir().resolve("cremer-mclean.json"));
    String from = "\"bidder1\": \"v1\", \"bidder2\": \"v2\" }, \"p\": \"1/6\"";
    String from2 = "\"bidder1\": \"v2\", \"bidder2\": \"v1\" }, \"p\": \"1/6\"";
    String normalized = json.replaceAll("\\s+", " ");
    assertThat(normalized).contains(from).contains(from2);
    Problem p =
        ProblemReader.read(
            normalized.replace(from, from.replace("1/6", "1/4")).replace(from2, from2.replace("1/6", "1/12")), "x");
    SymmetryGroup group = Symmetries.detect(p);
    assertThat(group.isTrivial()).isTrue();
    assertThat(String.join(" ", group.notes())).contains("joint prior");
  }

  @Test
  void publicProjectWithFixedEfficientRuleIsSymmetric() throws Exception {
    // Build iff v_a + v_b >= 2 is symmetric in (v_a, v_b), the outcomes (build / not) are fixed by the swap.
    SymmetryGroup group = Symmetries.detect(instance("public-project-pivot"));
    assertThat(group.order()).isEqualTo(BigInteger.TWO);
    assertThat(group.generators().get(0).outcomeMap()).containsExactly(0, 1);
  }

  @Test
  void differentOutsideOptionBreaksSymmetry() throws Exception {
    // Looks symmetric (same types, prior, values) but bidder2's participation guarantee is 1/2 instead of 0: the
    // ex post IR rows of the two bidders are no longer images of each other, so only the LP check catches it.
    Problem p =
        edited(
            "myerson-two-bidders",
            "\"ir\": \"expost\"",
            "\"ir\": {\"kind\": \"expost\", \"outsideOption\": {\"bidder1\": 0, \"bidder2\": \"1/2\"}}");
    SymmetryGroup group = Symmetries.detect(p);
    assertThat(group.isTrivial()).isTrue();
    assertThat(String.join(" ", group.notes())).contains("has no mirror image");
  }

  @Test
  void tieBreakingTowardOneBidderBreaksSymmetry() throws Exception {
    // The efficient allocation with ties to the last bidder favours bidder2 at (v,v): the fixed-allocation rows
    // are not invariant, although types, prior and values are.
    Problem p =
        edited("revenue-range", "\"tieBreak\": \"split\"", "\"tieBreak\": \"last\"");
    assertThat(Symmetries.detect(p).isTrivial()).isTrue();
    // With ties split the rule is symmetric and so are the pinned utilities (both v1 types pinned to 0).
    assertThat(Symmetries.detect(instance("revenue-range")).order()).isEqualTo(BigInteger.TWO);
  }

  @Test
  void singleAgentAndCalibratedProblemsAreTrivial() throws Exception {
    assertThat(Symmetries.detect(instance("lottery-two-items")).isTrivial()).isTrue();
    assertThat(Symmetries.detect(instance("calibrated-example-a")).notes())
        .anyMatch(n -> n.contains("calibrated"));
  }
}
