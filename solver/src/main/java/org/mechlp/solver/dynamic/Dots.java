package org.mechlp.solver.dynamic;

import java.math.BigInteger;

/**
 * Exact dot products of the numerators of two {@link ScaledVector}s. Small operands are summed in 64-bit or signed
 * 128-bit machine arithmetic (the operands' bit lengths and the length bound the result, so nothing overflows);
 * larger ones in BigInteger.
 */
final class Dots {
  private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

  private Dots() {}

  /** The sum over q of a.num(q) * b.num(q). */
  static BigInteger dot(ScaledVector a, ScaledVector b) {
    int n = a.length();
    int lengthBits = 64 - Long.numberOfLeadingZeros(n);
    if (a.small() != null && b.small() != null) {
      if (a.bits() + b.bits() + lengthBits <= 62) {
        long[] x = a.small();
        long[] y = b.small();
        long sum = 0;
        for (int q = 0; q < n; q++) {
          sum += x[q] * y[q];
        }
        return BigInteger.valueOf(sum);
      }
      if (a.bits() + b.bits() + lengthBits <= 126) {
        return wide(a.small(), b.small());
      }
    }
    BigInteger sum = BigInteger.ZERO;
    for (int q = 0; q < n; q++) {
      BigInteger x = a.num(q);
      if (x.signum() != 0) {
        BigInteger y = b.num(q);
        if (y.signum() != 0) {
          sum = sum.add(x.multiply(y));
        }
      }
    }
    return sum;
  }

  /** Signed 128-bit accumulation of 64 x 64-bit products (the caller bounds the result below 2^126). */
  private static BigInteger wide(long[] a, long[] b) {
    long hi = 0;
    long lo = 0;
    for (int q = 0; q < a.length; q++) {
      long x = a[q];
      long y = b[q];
      if (x == 0 || y == 0) {
        continue;
      }
      long productLo = x * y;
      long sumLo = lo + productLo;
      hi += Math.multiplyHigh(x, y) + (Long.compareUnsigned(sumLo, lo) < 0 ? 1 : 0);
      lo = sumLo;
    }
    if (hi == (lo >> 63)) {
      return BigInteger.valueOf(lo);
    }
    BigInteger low = BigInteger.valueOf(lo);
    if (lo < 0) {
      low = low.add(TWO_64);
    }
    return BigInteger.valueOf(hi).shiftLeft(64).add(low);
  }

  /** The bit length of the largest |a[q]| (a[q] > Long.MIN_VALUE). */
  static int bits(long[] a) {
    long max = 0;
    for (long x : a) {
      max = Math.max(max, Math.abs(x));
    }
    return 64 - Long.numberOfLeadingZeros(max);
  }
}
