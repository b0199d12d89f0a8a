package org.mechlp.model.json;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.functions.FunctionIfc;
import com.ezylang.evalex.functions.FunctionParameterDefinition;
import com.ezylang.evalex.parser.Token;
import java.math.BigDecimal;
import java.util.List;

/**
 * An allowed EvalEx function whose numeric results must stay within {@link ExpressionLimits}; FACT also has its
 * argument bounded first, because FACT(1000000000) would run for minutes before any result could be checked.
 */
final class BoundedFunction implements FunctionIfc {
  private final String name;
  private final FunctionIfc delegate;

  BoundedFunction(String name, FunctionIfc delegate) {
    this.name = name;
    this.delegate = delegate;
  }

  @Override
  public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... parameters)
      throws EvaluationException {
    if (name.equals("FACT") && parameters.length == 1 && parameters[0].isNumberValue()) {
      BigDecimal n = parameters[0].getNumberValue();
      if (n.compareTo(BigDecimal.valueOf(ExpressionLimits.MAX_FACTORIAL)) > 0) {
        throw new EvaluationException(
            token, "FACT(" + n.toPlainString() + ") is too large: mechlp allows FACT(n) for n up to "
                + ExpressionLimits.MAX_FACTORIAL);
      }
    }
    return ExpressionLimits.checked(delegate.evaluate(expression, token, parameters), token);
  }

  @Override
  public List<FunctionParameterDefinition> getFunctionParameterDefinitions() {
    return delegate.getFunctionParameterDefinitions();
  }

  @Override
  public void validatePreEvaluation(Token token, EvaluationValue... parameters) throws EvaluationException {
    delegate.validatePreEvaluation(token, parameters);
  }

  @Override
  public boolean hasVarArgs() {
    return delegate.hasVarArgs();
  }

  @Override
  public boolean isParameterLazy(int parameterIndex) {
    return delegate.isParameterLazy(parameterIndex);
  }

  @Override
  public int getCountOfNonVarArgParameters() {
    return delegate.getCountOfNonVarArgParameters();
  }
}
