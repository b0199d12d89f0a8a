package org.mechlp.model.json;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;

/**
 * The {@code ^} operator with its result's size estimated before anything is computed: {@code 10^10^10} and
 * {@code 2^2^2^2^2^2} are refused at once instead of running out of memory, {@code 0^-1} is a division by zero,
 * and a negative base with a non-integer exponent such as {@code (-8)^(1/3)} has no real value.
 */
final class BoundedPower {
  private BoundedPower() {}

  /** EvalEx's power operator, guarded. */
  static OperatorIfc of(OperatorIfc power) {
    return new BoundedOperator(power) {
      @Override
      public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... operands)
          throws EvaluationException {
        if (operands[0].isNumberValue() && operands[1].isNumberValue()) {
          check(operands[0].getNumberValue(), operands[1].getNumberValue(), token);
        }
        return super.evaluate(expression, token, operands);
      }
    };
  }

  private static void check(BigDecimal base, BigDecimal exponent, Token token) throws EvaluationException {
    String what = plain(base) + " ^ " + plain(exponent);
    boolean integer = exponent.signum() == 0 || exponent.stripTrailingZeros().scale() <= 0;
    if (base.signum() == 0) {
      if (exponent.signum() < 0) {
        throw new EvaluationException(token, what + " divides by zero");
      }
      return;
    }
    if (base.signum() < 0 && !integer) {
      throw new EvaluationException(
          token, what + " has no real value (a negative number to a non-integer power)");
    }
    if (exponent.abs().compareTo(BigDecimal.valueOf(ExpressionLimits.MAX_POWER)) > 0) {
      throw new EvaluationException(
          token, what + ": exponents may be at most " + ExpressionLimits.MAX_POWER + " in absolute value");
    }
    // Both operands are within 1e-100..1e100, so doubles hold their logarithms exactly enough for an estimate.
    double log10 = Math.log10(base.abs().doubleValue()) * exponent.doubleValue();
    if (Math.abs(log10) > ExpressionLimits.MAX_EXPONENT + 1) {
      throw new EvaluationException(
          token, ExpressionLimits.outOfRange(what + " (about 1e" + Math.round(log10) + ")"));
    }
  }

  /** A number as it reads best in a message: 10000000000, not 1.0E+10 or 10000000000.0. */
  private static String plain(BigDecimal d) {
    BigDecimal stripped = d.stripTrailingZeros();
    return Math.abs((long) stripped.precision() - stripped.scale()) <= 20 && stripped.scale() <= 20
        ? stripped.toPlainString()
        : stripped.toString();
  }
}
