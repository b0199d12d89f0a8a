package org.mechlp.solver.dynamic;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;

/**
 * Checks exact payments against Lemma A.3 (i) and (ii) straight from the block's data, without the LP's rows. The
 * payments are put over one common denominator, so each expected payment is an integer dot product and the rows
 * (ii) of one signal compare integers.
 *
 * @param failure the first failing condition in words, or null when both hold exactly
 * @param margin the smallest slack of (ii) over theta and r != theta (0 when k = 1)
 * @param largest max |P|
 */
record BlockCheck(String failure, BigFraction margin, BigFraction largest) {

  static BlockCheck of(BlockData data, BigFraction[][] p, String[] names) {
    int k = data.reports();
    int l = data.outcomes();
    BigFraction largest = BigFraction.ZERO;
    BigFraction[] byReport = new BigFraction[k * l];
    for (int y = 0; y < l; y++) {
      for (int r = 0; r < k; r++) {
        BigFraction v = p[y][r];
        largest = v.abs().compareTo(largest) > 0 ? v.abs() : largest;
        byReport[r * l + y] = v;
      }
    }
    ScaledVector payments = ScaledVector.of(byReport);
    ScaledVector[] column = new ScaledVector[k];
    for (int r = 0; r < k; r++) {
      column[r] = payments.slice(r * l, l);
    }
    BigFraction margin = null;
    for (int theta = 0; theta < k; theta++) {
      ScaledVector law = ScaledVector.of(data.law()[theta]);
      BigInteger den = law.den().multiply(payments.den());
      BigInteger[] expected = new BigInteger[k];
      for (int r = 0; r < k; r++) {
        expected[r] = Dots.dot(law, column[r]); // E_theta[P[., r]] = expected[r] / den
      }
      BigFraction claim = data.discount().multiply(new BigFraction(expected[theta], den));
      if (!claim.equals(data.target()[theta])) {
        return new BlockCheck("(i) fails at " + names[theta] + ": delta E[P] = " + Fractions.format(claim) + " but e = "
            + Fractions.format(data.target()[theta]), null, largest);
      }
      for (int r = 0; r < k; r++) {
        if (r == theta) {
          continue;
        }
        BigInteger slack = expected[r].subtract(expected[theta]);
        if (slack.signum() < 0) {
          return new BlockCheck("(ii) fails: with signal " + names[theta] + " reporting " + names[r]
              + " lowers the expected payment by " + Fractions.format(new BigFraction(slack.negate(), den)), null,
              largest);
        }
        BigFraction s = new BigFraction(slack, den);
        margin = margin == null || s.compareTo(margin) < 0 ? s : margin;
      }
    }
    return new BlockCheck(null, margin == null ? BigFraction.ZERO : margin, largest);
  }
}
