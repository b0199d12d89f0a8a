package org.mechlp.model.json;

import com.ezylang.evalex.EvaluationException;
import com.ezylang.evalex.Expression;
import com.ezylang.evalex.config.ExpressionConfiguration;
import com.ezylang.evalex.data.EvaluationValue;
import com.ezylang.evalex.operators.OperatorIfc;
import com.ezylang.evalex.parser.Token;

/** An EvalEx operator whose numeric results must stay within {@link ExpressionLimits}. */
class BoundedOperator implements OperatorIfc {
  private final OperatorIfc delegate;

  BoundedOperator(OperatorIfc delegate) {
    this.delegate = delegate;
  }

  @Override
  public EvaluationValue evaluate(Expression expression, Token token, EvaluationValue... operands)
      throws EvaluationException {
    return ExpressionLimits.checked(delegate.evaluate(expression, token, operands), token);
  }

  @Override
  public int getPrecedence() {
    return delegate.getPrecedence();
  }

  @Override
  public boolean isLeftAssociative() {
    return delegate.isLeftAssociative();
  }

  @Override
  public boolean isPrefix() {
    return delegate.isPrefix();
  }

  @Override
  public boolean isPostfix() {
    return delegate.isPostfix();
  }

  @Override
  public boolean isInfix() {
    return delegate.isInfix();
  }

  @Override
  public int getPrecedence(ExpressionConfiguration configuration) {
    return delegate.getPrecedence(configuration);
  }

  @Override
  public boolean isOperandLazy() {
    return delegate.isOperandLazy();
  }
}
