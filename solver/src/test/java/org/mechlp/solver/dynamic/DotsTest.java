package org.mechlp.solver.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Exact dot products in 64-bit, 128-bit and BigInteger arithmetic against plain BigInteger sums. */
class DotsTest {
  private static BigInteger reference(BigInteger[] a, BigInteger[] b) {
    BigInteger sum = BigInteger.ZERO;
    for (int q = 0; q < a.length; q++) {
      sum = sum.add(a[q].multiply(b[q]));
    }
    return sum;
  }

  private static BigInteger[] random(Random random, int n, int bits) {
    BigInteger[] v = new BigInteger[n];
    for (int q = 0; q < n; q++) {
      BigInteger x = new BigInteger(bits, random);
      v[q] = random.nextBoolean() ? x.negate() : x;
    }
    return v;
  }

  @Test
  void everyPathAgreesWithBigIntegerArithmetic() {
    Random random = new Random(13);
    // 10 + 20 bits stay in 64-bit arithmetic, 40 + 60 in 128-bit, 62 + 62 over 625 terms and 100-bit numerators in
    // BigInteger: each sum must equal the reference exactly (including sums that cross 2^64).
    int[][] cases = {{10, 20, 64}, {40, 60, 625}, {62, 62, 625}, {62, 62, 3}, {100, 30, 50}, {1, 1, 1}};
    for (int[] c : cases) {
      for (int round = 0; round < 50; round++) {
        BigInteger[] a = random(random, c[2], c[0]);
        BigInteger[] b = random(random, c[2], c[1]);
        BigInteger got = Dots.dot(ScaledVector.of(a, BigInteger.ONE), ScaledVector.of(b, BigInteger.ONE));
        assertThat(got).as("bits %d x %d, length %d", c[0], c[1], c[2]).isEqualTo(reference(a, b));
      }
    }
  }

  @Test
  void aSumNearTwoToThe126IsExact() {
    long big = Long.MAX_VALUE >> 1; // 2^62 - 1
    BigInteger[] a = {BigInteger.valueOf(big), BigInteger.valueOf(big), BigInteger.valueOf(-big)};
    BigInteger[] b = {BigInteger.valueOf(big), BigInteger.valueOf(big), BigInteger.valueOf(big)};
    assertThat(Dots.dot(ScaledVector.of(a, BigInteger.ONE), ScaledVector.of(b, BigInteger.ONE)))
        .isEqualTo(reference(a, b));
  }
}
