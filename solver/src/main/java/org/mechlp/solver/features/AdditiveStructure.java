package org.mechlp.solver.features;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * Additive values over a cube of outcomes, found from a valuation table alone: the M = 2^m outcomes are the subsets
 * of m items (each outcome gets a bit mask), and every type's value of an outcome is its value of the empty bundle
 * plus the values of the items in it,
 *
 * <pre>
 * v_t(o) = c_t + sum_{k in mask(o)} w_tk,    c_t = v_t(empty),  w_tk = v_t({k}) - v_t(empty)
 * </pre>
 *
 * exactly, for every type and outcome. Then a lottery over outcomes enters every row that values outcomes only
 * through its item probabilities (the expected features), and every point of the box [0,1]^m is the feature vector
 * of a lottery: the product of independent item lotteries (docs/THEORY.md, Outcome-space reduction).
 *
 * <p>Nothing is read from names: the labelling of outcomes by subsets is searched for. Outcome columns are compared
 * by fingerprints (a random linear combination over the types, modulo the prime 2^61 - 1, which is exact for sums),
 * candidates are built item by item (each new item must turn every subset found so far into another outcome), and
 * the labelling found is then checked value by value in exact arithmetic.
 *
 * @param items m, the number of items
 * @param masks per outcome, its subset of items as a bit mask (a bijection onto 0 .. 2^m - 1)
 * @param base per type, c_t
 * @param weights per type and item, w_tk
 */
public record AdditiveStructure(int items, int[] masks, BigFraction[] base, BigFraction[][] weights) {
  /** Most items searched for: 2^12 outcomes is beyond what the full LP would solve anyway. */
  static final int MAX_ITEMS = 12;

  private static final long PRIME = (1L << 61) - 1;
  private static final BigInteger BIG_PRIME = BigInteger.valueOf(PRIME);

  /** Backtracking steps before giving up (the search is linear in the outcomes when the columns are distinct). */
  private static final int MAX_STEPS = 200_000;

  /** The outcome whose mask is {@code mask}. */
  public int outcomeOf(int mask) {
    for (int o = 0; o < masks.length; o++) {
      if (masks[o] == mask) {
        return o;
      }
    }
    throw new IllegalArgumentException("no outcome has mask " + mask);
  }

  /**
   * The additive structure of {@code values} ([type][outcome]), or empty when the outcomes are not 2^m (m >= 1) or
   * no labelling of them by subsets makes every type's values additive.
   */
  public static Optional<AdditiveStructure> detect(BigFraction[][] values) {
    if (values.length == 0) {
      return Optional.empty();
    }
    int outcomes = values[0].length;
    if (outcomes < 2 || Integer.bitCount(outcomes) != 1) {
      return Optional.empty();
    }
    int items = Integer.numberOfTrailingZeros(outcomes);
    if (items > MAX_ITEMS) {
      return Optional.empty();
    }
    long[] fingerprint = fingerprints(values);
    if (fingerprint == null) {
      return Optional.empty();
    }
    int[] steps = {0};
    for (int empty = 0; empty < outcomes; empty++) {
      long[] d = new long[outcomes];
      for (int o = 0; o < outcomes; o++) {
        d[o] = Math.floorMod(fingerprint[o] - fingerprint[empty], PRIME);
      }
      int[] byMask = new int[outcomes];
      Arrays.fill(byMask, -1);
      boolean[] used = new boolean[outcomes];
      byMask[0] = empty;
      used[empty] = true;
      if (extend(d, byMask, used, 0, items, steps)) {
        int[] masks = new int[outcomes];
        for (int mask = 0; mask < outcomes; mask++) {
          masks[byMask[mask]] = mask;
        }
        Optional<AdditiveStructure> exact = exactly(values, items, masks, byMask);
        if (exact.isPresent()) {
          return exact;
        }
      }
      if (steps[0] > MAX_STEPS) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /**
   * Tries to add item {@code level}: an unused outcome g such that, for every subset S found so far, some unused
   * outcome has the fingerprint of S plus g; recurses to the next item.
   */
  private static boolean extend(long[] d, int[] byMask, boolean[] used, int level, int items, int[] steps) {
    if (level == items) {
      return true;
    }
    int found = 1 << level;
    for (int g = 0; g < d.length; g++) {
      if (used[g] || ++steps[0] > MAX_STEPS) {
        continue;
      }
      int[] taken = new int[found];
      int count = 0;
      boolean fits = true;
      for (int mask = 0; mask < found && fits; mask++) {
        long target = (d[byMask[mask]] + d[g]) % PRIME;
        int match = -1;
        for (int o = 0; o < d.length; o++) {
          if (!used[o] && d[o] == target && (mask == 0 ? o == g : true)) {
            match = o;
            break;
          }
        }
        if (match < 0) {
          fits = false;
        } else {
          used[match] = true;
          byMask[found + mask] = match;
          taken[count++] = match;
        }
      }
      if (fits && extend(d, byMask, used, level + 1, items, steps)) {
        return true;
      }
      for (int j = 0; j < count; j++) {
        used[taken[j]] = false;
      }
      Arrays.fill(byMask, found, 2 * found, -1);
    }
    return false;
  }

  /** The structure under the labelling {@code masks}, if every value is additive in exact arithmetic. */
  private static Optional<AdditiveStructure> exactly(BigFraction[][] values, int items, int[] masks, int[] byMask) {
    int types = values.length;
    BigFraction[] base = new BigFraction[types];
    BigFraction[][] weights = new BigFraction[types][items];
    for (int t = 0; t < types; t++) {
      base[t] = values[t][byMask[0]];
      for (int k = 0; k < items; k++) {
        weights[t][k] = values[t][byMask[1 << k]].subtract(base[t]);
      }
      for (int o = 0; o < masks.length; o++) {
        BigFraction sum = base[t];
        for (int k = 0; k < items; k++) {
          if ((masks[o] & (1 << k)) != 0) {
            sum = sum.add(weights[t][k]);
          }
        }
        if (!sum.equals(values[t][o])) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(new AdditiveStructure(items, masks, base, weights));
  }

  /**
   * Per outcome, sum_t r_t v_t(o) modulo 2^61 - 1 with fixed pseudo-random r_t: equal columns give equal
   * fingerprints and sums of columns the sum of fingerprints. Null when a denominator is a multiple of the prime.
   */
  private static long[] fingerprints(BigFraction[][] values) {
    int outcomes = values[0].length;
    BigInteger[] sums = new BigInteger[outcomes];
    Arrays.fill(sums, BigInteger.ZERO);
    SplittableRandom random = new SplittableRandom(0x6d6563686c70L);
    Map<BigInteger, BigInteger> inverses = new HashMap<>();
    for (BigFraction[] row : values) {
      BigInteger r = BigInteger.valueOf(1 + random.nextLong(PRIME - 1));
      for (int o = 0; o < outcomes; o++) {
        BigInteger denominator = row[o].getDenominator().mod(BIG_PRIME);
        if (denominator.signum() == 0) {
          return null;
        }
        BigInteger inverse = inverses.computeIfAbsent(denominator, q -> q.modInverse(BIG_PRIME));
        BigInteger residue = row[o].getNumerator().mod(BIG_PRIME).multiply(inverse);
        sums[o] = sums[o].add(residue.multiply(r)).mod(BIG_PRIME);
      }
    }
    long[] fingerprint = new long[outcomes];
    for (int o = 0; o < outcomes; o++) {
      fingerprint[o] = sums[o].longValueExact();
    }
    return fingerprint;
  }
}
