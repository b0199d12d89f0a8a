package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;

/**
 * Expressions that used to hang, overflow the stack, run out of memory or fail with Java internals are refused at
 * their path with a plain reason, quickly; ordinary expressions near the limits still evaluate exactly.
 */
class ExpressionLimitsTest {
  private static final String PATH = "valuations.buyer.expression.sold: ";

  /** A one-buyer problem whose value for "sold" is {@code expression}, with types of value 1 and 2. */
  private static String problem(String expression) {
    ObjectNode root = JsonInput.mapper().createObjectNode();
    root.put("format", "mechlp/1");
    ObjectNode buyer = root.putArray("agents").addObject();
    buyer.put("name", "buyer");
    buyer.putArray("types").addObject().put("name", "lo").put("value", 1);
    ((ArrayNode) buyer.get("types")).addObject().put("name", "hi").put("value", 2);
    buyer.putArray("prior").add("1/2").add("1/2");
    root.putArray("outcomes").add("none").add("sold");
    root.putObject("valuations").putObject("buyer").putObject("expression").put("sold", expression).put("none", "0");
    root.putObject("mechanism").put("ic", "dsic").put("ir", "expost");
    root.put("objective", "revenue");
    return root.toString();
  }

  private static String refusal(String expression) {
    InvalidInputException e =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(30), // a guard against hangs: each refusal takes milliseconds
            () -> {
              try {
                ProblemReader.read(problem(expression), "p.json");
              } catch (InvalidInputException thrown) {
                return thrown;
              }
              return null;
            });
    assertThat(e).as("refused: " + expression).isNotNull();
    assertThat(e.issues()).hasSize(1);
    return e.issues().get(0).toString();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "RANDOM()|Undefined function 'RANDOM'; expressions may call only ABS",
        "DT_NOW()|Undefined function 'DT_NOW'",
        "SIN(value)|Undefined function 'SIN'",
        "0^-1|0 ^ -1 divides by zero",
        "10^10^10|exponents may be at most 10000",
        "2^2^2^2^2^2|2 ^ 65536: exponents may be at most 10000",
        "1.5^9999|1.5 ^ 9999 (about 1e1761) is outside the range",
        "FACT(1000000000)|FACT(1000000000) is too large: mechlp allows FACT(n) for n up to 100",
        "FACT(70)|the result of FACT(...) is outside the range",
        "(-8)^(1/3)|has no real value (a negative number to a non-integer power)",
        "1e999999999 * value|the number \"1e999999999\" in \"1e999999999 * value\" is outside the range",
        "1e-60 * 1e-60 * value|the result of '*' is outside the range",
        "value / 0|Division by zero",
      })
  void refusesWithThePathAndAPlainReason(String expression, String reason) {
    assertThat(refusal(expression)).startsWith(PATH).contains(reason).doesNotContain("Exception", "Character");
  }

  @Test
  void refusesLongAndDeepExpressionsBeforeEvaluatingThem() {
    // The two shapes that overflowed EvalEx's recursive evaluator: a 3,000-term sum and 2,000 nested IFs.
    assertThat(refusal("1" + "+1".repeat(2999))).contains("is longer than 2000 characters", "(5,999 characters)");
    assertThat(refusal("IF(value>0,".repeat(2000) + "1" + ",0)".repeat(2000)))
        .contains("is longer than 2000 characters");
    // Within the length, the nesting limit applies: 901 terms are 900 levels of '+'.
    assertThat(refusal("1" + "+1".repeat(900))).contains("nests deeper than 100 levels");
    assertThat(refusal("-".repeat(500) + "value")).contains("nests deeper than 100 levels");
  }

  @Test
  void expressionsWithinTheLimitsStillEvaluateExactly() throws InvalidInputException {
    // 2^100 (about 1.27e30) is in range as an intermediate result (the value itself must stay within 1e15, the
    // range of numbers mechlp answers reliably); 1/3 * 3 is exactly 1 (docs/FORMAT.md); 40 nested sums are 41 levels.
    Problem p =
        ProblemReader.read(
            problem("value * 2^100 - value * 2^100 + value + 1/3 * 3 + " + "(1+".repeat(40) + "0" + ")".repeat(40)),
            "p.json");
    // At value 2: 2 * 2^100 - 2 * 2^100 + 2 + 1 + 40 = 43, by hand.
    BigFraction expected = new BigFraction(43);
    assertThat(p.expectedValue(0, 1, 1, p.profiles())).isEqualTo(expected);
    assertThatThrownBy(() -> ProblemReader.read(problem("10^101"), "p.json"))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  void interdependentExpressionsOverTooManyProfilesAreRefusedBeforeEvaluation() {
    // Two agents with 1,001 types each: 1,002,001 profiles x 2 outcomes = 2,004,002 evaluations, over 1,000,000.
    ObjectNode root = JsonInput.mapper().createObjectNode();
    root.put("format", "mechlp/1");
    ArrayNode agents = root.putArray("agents");
    for (String name : java.util.List.of("a", "b")) {
      ObjectNode agent = agents.addObject().put("name", name);
      ArrayNode types = agent.putArray("types");
      ArrayNode prior = agent.putArray("prior");
      for (int t = 0; t < 1001; t++) {
        types.addObject().put("name", "t" + t).put("value", t);
        prior.add("1/1001");
      }
    }
    root.putArray("outcomes").add("none").add("sold");
    root.putObject("valuations").putObject("a").putObject("expression").put("sold", "value + b.value");
    root.putObject("mechanism").put("ic", "expost").put("ir", "expost");
    root.put("objective", "revenue");

    InvalidInputException e =
        Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(30),
            () -> org.junit.jupiter.api.Assertions.assertThrows(
                InvalidInputException.class, () -> ProblemReader.read(root.toString(), "p.json")));

    assertThat(e.issues().get(0).toString())
        .startsWith("valuations.a.expression: these expressions would be evaluated 2,004,002 times"
            + " (1,002,001 type profiles x 2 outcomes); mechlp evaluates at most 1,000,000");
  }
}
