package org.mechlp.model.dynamic;

import com.ezylang.evalex.BaseException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.json.Rationals;

/**
 * An expression over a signal profile (EvalEx, 68 significant digits, read back exactly with {@link Rationals}):
 * each agent's name stands for the numeric value of its signal; transitions also see {@code next}, the value of the
 * agent's next signal.
 */
final class SignalExpression {
  private static final ExpressionConfiguration CONFIG =
      ExpressionConfiguration.builder()
          .mathContext(new MathContext(Rationals.PRECISION))
          .defaultConstants(Map.of())
          .arraysAllowed(false)
          .build();

  private final Expression expression;
  private final List<String> agents;
  /** Signal values recur at every profile: each is turned into a decimal once (a 68-digit division otherwise). */
  private final Map<BigFraction, BigDecimal> decimals = new java.util.HashMap<>();
  /** Results recur too (a transition takes few values): each is read back as a fraction once. */
  private final Map<BigDecimal, BigFraction> fractions = new java.util.HashMap<>();

  /** Parsed once: EvalEx keeps the syntax tree, and each evaluation only sets the variables. */
  SignalExpression(String text, List<String> agents) {
    this.expression = new Expression(text, CONFIG);
    this.agents = agents;
  }

  /**
   * The exact value at a profile; {@code next} is null outside transitions.
   *
   * @throws IllegalArgumentException with EvalEx's message when the expression cannot be evaluated
   */
  BigFraction evaluate(SignalSpace space, int profile, BigFraction next) {
    return evaluate(space, profile, next == null ? Map.of() : Map.of("next", next));
  }

  /**
   * The exact value at a profile with further variables (a joint transition's {@code next_<agent>}).
   *
   * @throws IllegalArgumentException with EvalEx's message when the expression cannot be evaluated
   */
  BigFraction evaluate(SignalSpace space, int profile, Map<String, BigFraction> extra) {
    Expression e = expression;
    int[] s = space.decode(profile);
    for (int j = 0; j < agents.size(); j++) {
      e.with(agents.get(j), decimals.computeIfAbsent(space.value(j, s[j]), SignalExpression::decimal));
    }
    for (Map.Entry<String, BigFraction> v : extra.entrySet()) {
      e.with(v.getKey(), decimals.computeIfAbsent(v.getValue(), SignalExpression::decimal));
    }
    try {
      EvaluationValue v = e.evaluate();
      if (!v.isNumberValue()) {
        throw new IllegalArgumentException("the expression does not give a number");
      }
      return fractions.computeIfAbsent(v.getNumberValue(), Rationals::fromComputed);
    } catch (BaseException ex) {
      throw new IllegalArgumentException(ex.getMessage(), ex);
    }
  }

  private static BigDecimal decimal(BigFraction f) {
    if (f.getDenominator().equals(java.math.BigInteger.ONE)) {
      return new BigDecimal(f.getNumerator());
    }
    return new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()),
        new MathContext(Rationals.PRECISION));
  }
}
