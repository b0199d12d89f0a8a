package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;

/**
 * One agent's discrete virtual values and their ironing (Myerson 1981, docs/THEORY.md, Classical results). For the
 * distinct values v_1 < ... < v_L of its types of positive probability, with probabilities f_j and cumulative F_j,
 * φ_j = v_j − (v_{j+1} − v_j)(1 − F_j)/f_j and φ_L = v_L; the ironed φ̄ is the f-weighted isotonic regression of φ
 * (pool adjacent violators), the slopes of the convex hull of revenue in quantile space. A value of probability 0
 * gets the ironed virtual value of the next lower value of positive probability (none below: it never wins), which
 * keeps the rule monotone and its information rent to the types above at the minimum.
 */
final class Ironing {
  /** The distinct values of positive probability, ascending. */
  final List<BigFraction> values = new ArrayList<>();
  /** φ_j for each of {@link #values}. */
  final List<BigFraction> virtual = new ArrayList<>();
  /** φ̄_j for each of {@link #values}. */
  final List<BigFraction> ironed = new ArrayList<>();

  /** Ironing for values {@code bids[t]} with probabilities {@code probabilities[t]} (types t). */
  Ironing(BigFraction[] bids, BigFraction[] probabilities) {
    TreeMap<BigFraction, BigFraction> mass = new TreeMap<>();
    for (int t = 0; t < bids.length; t++) {
      if (probabilities[t].getNumerator().signum() > 0) {
        mass.merge(bids[t], probabilities[t], BigFraction::add);
      }
    }
    List<BigFraction> f = new ArrayList<>(mass.values());
    values.addAll(mass.keySet());
    BigFraction cumulative = BigFraction.ZERO;
    for (int j = 0; j < values.size(); j++) {
      cumulative = cumulative.add(f.get(j));
      BigFraction v = values.get(j);
      virtual.add(
          j + 1 == values.size()
              ? v
              : v.subtract(values.get(j + 1).subtract(v).multiply(BigFraction.ONE.subtract(cumulative))
                  .divide(f.get(j))));
    }
    // Pool adjacent violators: blocks of (weight, weighted sum, length), merged while their means decrease.
    List<BigFraction[]> blocks = new ArrayList<>();
    for (int j = 0; j < values.size(); j++) {
      blocks.add(new BigFraction[] {f.get(j), f.get(j).multiply(virtual.get(j)), BigFraction.ONE});
      while (blocks.size() > 1 && mean(blocks.get(blocks.size() - 2)).compareTo(mean(blocks.get(blocks.size() - 1)))
          > 0) {
        BigFraction[] last = blocks.remove(blocks.size() - 1);
        BigFraction[] prev = blocks.get(blocks.size() - 1);
        prev[0] = prev[0].add(last[0]);
        prev[1] = prev[1].add(last[1]);
        prev[2] = prev[2].add(last[2]);
      }
    }
    for (BigFraction[] b : blocks) {
      for (int j = 0; j < b[2].intValue(); j++) {
        ironed.add(mean(b));
      }
    }
  }

  /** φ̄ of a type with value {@code v} (of any probability), or null when it never wins. */
  BigFraction score(BigFraction v) {
    BigFraction result = null;
    for (int j = 0; j < values.size() && values.get(j).compareTo(v) <= 0; j++) {
      result = ironed.get(j);
    }
    return result;
  }

  /** "values 1, 2, 3: virtual values -1, 1, 3" (and the ironed ones when they differ). */
  String describe() {
    String text = "values " + join(values) + ": virtual values " + join(virtual);
    return virtual.equals(ironed) ? text : text + ", ironed " + join(ironed);
  }

  private static String join(List<BigFraction> xs) {
    return String.join(", ", xs.stream().map(Fractions::format).toList());
  }

  private static BigFraction mean(BigFraction[] block) {
    return block[1].divide(block[0]);
  }
}
