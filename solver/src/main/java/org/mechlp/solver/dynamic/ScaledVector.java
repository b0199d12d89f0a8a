package org.mechlp.solver.dynamic;

import java.math.BigInteger;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * An exact vector of rationals over one common positive denominator, value[q] = num(q) / den. Sums of products of
 * such vectors need no gcd per term (the cost of {@link BigFraction} arithmetic), and numerators that fit are kept
 * as longs so that {@link Dots} can use machine arithmetic.
 *
 * @param small the numerators as longs, or null when one needs more than 62 bits
 * @param big the numerators as BigIntegers, or null when {@code small} holds them
 * @param den the common denominator, positive
 * @param bits the largest bit length of a numerator's absolute value
 */
record ScaledVector(long[] small, BigInteger[] big, BigInteger den, int bits) {

  /** The vector num / den. */
  static ScaledVector of(BigInteger[] num, BigInteger den) {
    int bits = 0;
    for (BigInteger n : num) {
      bits = Math.max(bits, n.bitLength());
    }
    if (bits > 62) {
      return new ScaledVector(null, num, den, bits);
    }
    long[] small = new long[num.length];
    for (int q = 0; q < num.length; q++) {
      small[q] = num[q].longValue();
    }
    return new ScaledVector(small, null, den, bits);
  }

  /** The vector num / den with numerators below 2^62 in absolute value. */
  static ScaledVector of(long[] num, BigInteger den) {
    return new ScaledVector(num, null, den, Dots.bits(num));
  }

  /** The fractions over their least common denominator. */
  static ScaledVector of(BigFraction[] values) {
    BigInteger den = BigInteger.ONE;
    BigInteger seen = BigInteger.ONE;
    for (BigFraction v : values) {
      BigInteger d = v.getDenominator();
      if (!d.equals(seen) && den.mod(d).signum() != 0) {
        den = den.divide(den.gcd(d)).multiply(d);
      }
      seen = d;
    }
    BigInteger[] num = new BigInteger[values.length];
    BigInteger lastDen = null;
    BigInteger factor = null;
    for (int q = 0; q < num.length; q++) {
      BigInteger d = values[q].getDenominator();
      if (!d.equals(lastDen)) { // neighbouring entries mostly share their denominator
        lastDen = d;
        factor = den.divide(d);
      }
      num[q] = values[q].getNumerator().multiply(factor);
    }
    return of(num, den);
  }

  int length() {
    return small != null ? small.length : big.length;
  }

  /** The numerator of value[q]. */
  BigInteger num(int q) {
    return small != null ? BigInteger.valueOf(small[q]) : big[q];
  }

  /** True when value[q] is 0. */
  boolean isZero(int q) {
    return small != null ? small[q] == 0 : big[q].signum() == 0;
  }

  /** value[q] as a fraction. */
  BigFraction get(int q) {
    return new BigFraction(num(q), den);
  }

  /** Entries from, from + 1, ..., from + length - 1, over the same denominator. */
  ScaledVector slice(int from, int length) {
    if (small != null) {
      return of(java.util.Arrays.copyOfRange(small, from, from + length), den);
    }
    return of(java.util.Arrays.copyOfRange(big, from, from + length), den);
  }

  /** The same values with the numerators and the denominator divided by their greatest common divisor. */
  ScaledVector reduced() {
    BigInteger g = den;
    for (int q = 0; q < length() && !g.equals(BigInteger.ONE); q++) {
      g = g.gcd(num(q));
    }
    if (g.equals(BigInteger.ONE)) {
      return this;
    }
    BigInteger[] out = new BigInteger[length()];
    for (int q = 0; q < out.length; q++) {
      out[q] = num(q).divide(g);
    }
    return of(out, den.divide(g));
  }
}
