package org.mechlp.model.json;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;
import java.util.List;

/**
 * The limits every valuation expression must meet (docs/FORMAT.md, "Expression limits"), so that evaluation takes
 * bounded time and memory whatever the input: a length, a nesting depth, a magnitude for every literal and
 * intermediate result, and an allow-list of deterministic functions.
 */
final class ExpressionLimits {
  /** Characters in one expression. */
  static final int MAX_LENGTH = 2_000;

  /** Nodes on the longest path of the syntax tree (a sum of n terms is n deep, IF(c, a, IF(...)) one per IF). */
  static final int MAX_DEPTH = 100;

  /** Every literal and intermediate result is zero or between 10^-MAX_EXPONENT and 10^MAX_EXPONENT in size. */
  static final int MAX_EXPONENT = 100;

  /** Integer exponents of {@code ^} beyond this are refused before computing anything. */
  static final int MAX_POWER = 10_000;

  /**
   * Evaluations of one agent's valuation expressions (type profiles or types x outcomes x states): one million is
   * seconds of work, and far more values than an LP within the default --max-lp-rows can use.
   */
  static final long MAX_EVALUATIONS = 1_000_000;

  /** FACT(n) is refused above this n (FACT(69) is already over 10^98). */
  static final int MAX_FACTORIAL = 100;

  /**
   * The functions an expression may call: deterministic arithmetic only. RANDOM, the date functions (DT_NOW) and
   * everything else EvalEx offers are refused, so the same file always gives the same numbers.
   */
  static final List<String> FUNCTIONS =
      List.of(
          "ABS", "AVERAGE", "CEILING", "FACT", "FLOOR", "IF", "LOG", "LOG10", "MAX", "MIN", "NOT", "ROUND", "SQRT",
          "SUM");

  private static final BigDecimal LARGEST = BigDecimal.ONE.scaleByPowerOfTen(MAX_EXPONENT);
  private static final BigDecimal SMALLEST = BigDecimal.ONE.scaleByPowerOfTen(-MAX_EXPONENT);

  private ExpressionLimits() {}

  /** True when {@code d} is zero or within the magnitude limits. */
  static boolean inRange(BigDecimal d) {
    if (d.signum() == 0) {
      return true;
    }
    // Compare the decimal exponent first: cheap even for a value such as 1e999999999.
    long exponent = (long) d.precision() - d.scale() - 1;
    if (exponent > MAX_EXPONENT || exponent < -MAX_EXPONENT - 1) {
      return false;
    }
    BigDecimal abs = d.abs();
    return abs.compareTo(LARGEST) <= 0 && abs.compareTo(SMALLEST) >= 0;
  }

  /** Returns {@code value} when it is not a number or is within range; else throws naming the operation. */
  static EvaluationValue checked(EvaluationValue value, Token token) throws EvaluationException {
    if (value.isNumberValue() && !inRange(value.getNumberValue())) {
      throw new EvaluationException(token, outOfRange("the result of " + describe(token)));
    }
    return value;
  }

  /** A plain reason for a value out of range. */
  static String outOfRange(String what) {
    return what + " is outside the range mechlp evaluates (zero, or 1e-" + MAX_EXPONENT + " to 1e" + MAX_EXPONENT
        + " in absolute value)";
  }

  /** How an operation appears in messages: {@code '^'} or {@code FACT(...)}. */
  static String describe(Token token) {
    return token.getType() == Token.TokenType.FUNCTION ? token.getValue() + "(...)" : "'" + token.getValue() + "'";
  }
}
