package org.mechlp.solver.certify;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;

/** Fractions printed as exact ratios ("9/4", "-2", never a decimal), the form certificates use. */
public final class Ratios {
  private Ratios() {}

  /** {@code "9/4"}, {@code "-2"} or {@code "0"}. */
  public static String ratio(BigFraction f) {
    if (f.getDenominator().equals(BigInteger.ONE)) {
      return f.getNumerator().toString();
    }
    return f.getNumerator() + "/" + f.getDenominator();
  }
}
