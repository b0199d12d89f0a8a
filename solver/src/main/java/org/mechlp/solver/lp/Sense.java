package org.mechlp.solver.lp;

/** The sense of a linear row: {@code activity <= rhs}, {@code >= rhs} or {@code = rhs}. */
public enum Sense {
  LE("<="),
  GE(">="),
  EQ("=");

  private final String symbol;

  Sense(String symbol) {
    this.symbol = symbol;
  }

  /** The relation symbol. */
  public String symbol() {
    return symbol;
  }
}
