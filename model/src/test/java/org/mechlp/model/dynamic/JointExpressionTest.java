package org.mechlp.model.dynamic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.mechlp.model.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A joint transition written as an expression of this period's and the next period's signals. */
class JointExpressionTest {
  private static final String AGENT_LAW = "IF(next_%s == 2, (b1 + b2 - 1) / 4, (5 - b1 - b2) / 4)";

  private static String auction() throws Exception {
    Path dir = Path.of(System.getProperty("instances.dir", "../instances")).resolve("dynamic");
    return Files.readString(dir.resolve("liu-winner-pay-auction.json"));
  }

  private static String withTransition(String text, String transition) {
    int start = text.indexOf("\"transition\"");
    int end = text.indexOf("\"initial\"");
    return text.substring(0, start) + "\"transition\": " + transition + ",\n  " + text.substring(end);
  }

  @Test
  void theProductOfTheAgentsLawsAsOneJointExpressionIsTheSameLaw() throws Exception {
    // The shipped auction gives each bidder's next signal law separately (a product transition); the joint
    // expression multiplies the same two laws, so every probability must agree exactly.
    String text = auction();
    DynamicProblem product = DynamicProblemReader.read(text, "product.json");
    String joint = "{\"joint\": \"(" + AGENT_LAW.formatted("b1") + ") * (" + AGENT_LAW.formatted("b2") + ")\"}";
    DynamicProblem fromJoint = DynamicProblemReader.read(withTransition(text, joint), "joint.json");
    Transition a = product.stage(1).transition();
    Transition b = fromJoint.stage(1).transition();
    assertThat(b).isInstanceOf(JointTransition.class);
    int profiles = product.stage(1).signals().profileCount();
    for (int action = 0; action < product.stage(1).actions().size(); action++) {
      for (int from = 0; from < profiles; from++) {
        for (int to = 0; to < profiles; to++) {
          assertThat(b.probability(action, from, to)).isEqualTo(a.probability(action, from, to));
        }
      }
    }
  }

  @Test
  void aJointExpressionWhoseRowsDoNotSumToOneIsRefusedWithItsPath() throws Exception {
    // 1/3 for each of the 4 next profiles sums to 4/3.
    String bad = withTransition(auction(), "{\"joint\": {\"*\": \"1/3\"}}");
    assertThatThrownBy(() -> DynamicProblemReader.read(bad, "bad.json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("transition.joint.*: the row at profile lo,lo sums to 4/3, not exactly 1");
  }
}
