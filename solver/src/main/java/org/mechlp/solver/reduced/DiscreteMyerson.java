package org.mechlp.solver.reduced;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The discrete Myerson revenue in closed form (docs/THEORY.md, Classical results), exactly: virtual values
 * φ_j = v_j - (v_{j+1} - v_j)(1 - F_j)/f_j (φ_k = v_k), ironed by f-weighted pooling of adjacent violators (the
 * concave hull of revenue in quantile space), and the optimal revenue E[max_i φ̄_i(θ_i)^+]. An independent check
 * on the LPs, which never use virtual values.
 */
public final class DiscreteMyerson {
  private DiscreteMyerson() {}

  /**
   * The ironed virtual values of a bidder with strictly increasing {@code values} of positive probabilities
   * {@code probabilities} (summing to 1).
   */
  public static BigFraction[] ironedVirtualValues(BigFraction[] values, BigFraction[] probabilities) {
    int k = values.length;
    BigFraction[] phi = new BigFraction[k];
    BigFraction above = BigFraction.ONE;
    for (int j = 0; j < k; j++) {
      above = above.subtract(probabilities[j]);
      phi[j] =
          j == k - 1
              ? values[j]
              : values[j].subtract(values[j + 1].subtract(values[j]).multiply(above).divide(probabilities[j]));
    }
    // Pool adjacent violators: blocks of (weight, weighted sum, length) with nondecreasing means.
    List<BigFraction[]> blocks = new ArrayList<>();
    List<Integer> lengths = new ArrayList<>();
    for (int j = 0; j < k; j++) {
      BigFraction w = probabilities[j];
      BigFraction s = probabilities[j].multiply(phi[j]);
      int len = 1;
      while (!blocks.isEmpty()) {
        BigFraction[] last = blocks.get(blocks.size() - 1);
        if (last[1].divide(last[0]).compareTo(s.divide(w)) <= 0) {
          break;
        }
        w = w.add(last[0]);
        s = s.add(last[1]);
        len += lengths.get(lengths.size() - 1);
        blocks.remove(blocks.size() - 1);
        lengths.remove(lengths.size() - 1);
      }
      blocks.add(new BigFraction[] {w, s});
      lengths.add(len);
    }
    BigFraction[] ironed = new BigFraction[k];
    int j = 0;
    for (int b = 0; b < blocks.size(); b++) {
      BigFraction mean = blocks.get(b)[1].divide(blocks.get(b)[0]);
      for (int l = 0; l < lengths.get(b); l++) {
        ironed[j++] = mean;
      }
    }
    return ironed;
  }

  /**
   * E[max_i φ̄_i(θ_i)^+] for {@code n} i.i.d. bidders: sum over the distinct positive ironed values φ of
   * φ [G(φ)^n - G(φ-)^n], where G is the distribution function of one bidder's ironed virtual value.
   */
  public static BigFraction iidRevenue(BigFraction[] values, BigFraction[] probabilities, int n) {
    BigFraction[] ironed = ironedVirtualValues(values, probabilities);
    TreeSet<BigFraction> distinct = new TreeSet<>(List.of(ironed));
    BigFraction revenue = BigFraction.ZERO;
    BigFraction below = BigFraction.ZERO;
    for (BigFraction phi : distinct) {
      BigFraction atMost = below;
      for (int j = 0; j < ironed.length; j++) {
        if (ironed[j].equals(phi)) {
          atMost = atMost.add(probabilities[j]);
        }
      }
      if (phi.compareTo(BigFraction.ZERO) > 0) {
        revenue = revenue.add(phi.multiply(atMost.pow(n).subtract(below.pow(n))));
      }
      below = atMost;
    }
    return revenue;
  }
}
