package org.mechlp.solver.dynamic;

import org.mechlp.model.Fractions;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Checks exact payments against Lemma A.3 (i) and (ii) straight from the block's data, without the LP's rows.
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
    for (BigFraction[] row : p) {
      for (BigFraction v : row) {
        largest = v.abs().compareTo(largest) > 0 ? v.abs() : largest;
      }
    }
    BigFraction margin = null;
    for (int theta = 0; theta < k; theta++) {
      BigFraction[] expected = new BigFraction[k];
      for (int r = 0; r < k; r++) {
        BigFraction sum = BigFraction.ZERO;
        for (int y = 0; y < l; y++) {
          sum = sum.add(data.law()[theta][y].multiply(p[y][r]));
        }
        expected[r] = sum;
      }
      BigFraction claim = data.discount().multiply(expected[theta]);
      if (!claim.equals(data.target()[theta])) {
        return new BlockCheck("(i) fails at " + names[theta] + ": delta E[P] = " + Fractions.format(claim) + " but e = "
            + Fractions.format(data.target()[theta]), null, largest);
      }
      for (int r = 0; r < k; r++) {
        if (r == theta) {
          continue;
        }
        BigFraction slack = expected[r].subtract(expected[theta]);
        if (slack.getNumerator().signum() < 0) {
          return new BlockCheck("(ii) fails: with signal " + names[theta] + " reporting " + names[r]
              + " lowers the expected payment by " + Fractions.format(slack.negate()), null, largest);
        }
        margin = margin == null || slack.compareTo(margin) < 0 ? slack : margin;
      }
    }
    return new BlockCheck(null, margin == null ? BigFraction.ZERO : margin, largest);
  }
}
