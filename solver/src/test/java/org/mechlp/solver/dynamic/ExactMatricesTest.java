package org.mechlp.solver.dynamic;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Exact rank (A3) on matrices whose rank is known by construction. */
class ExactMatricesTest {
  private static BigFraction f(long n, long d) {
    return new BigFraction(n, d);
  }

  @Test
  void rankCountsIndependentRowsExactly() {
    // Row 3 = row 1 + row 2: rank 2.
    BigFraction[][] a = {{f(1, 3), f(2, 3), f(0, 1)}, {f(1, 2), f(1, 4), f(1, 4)}, {f(5, 6), f(11, 12), f(1, 4)}};
    assertThat(ExactMatrices.rank(a)).isEqualTo(2);
    // A matrix that differs from singular by 10^-30 is still full rank in exact arithmetic (a float test would not
    // see it).
    BigFraction tiny = new BigFraction(java.math.BigInteger.ONE, java.math.BigInteger.TEN.pow(30));
    BigFraction[][] b = {{f(1, 1), f(2, 1)}, {f(2, 1), f(4, 1).add(tiny)}};
    assertThat(ExactMatrices.rank(b)).isEqualTo(2);
    BigFraction[][] c = {{f(1, 1), f(2, 1)}, {f(2, 1), f(4, 1)}};
    assertThat(ExactMatrices.rank(c)).isEqualTo(1);
  }

  @Test
  void solveReturnsTheExactSolution() {
    BigFraction[][] a = {{f(3, 4), f(1, 4)}, {f(1, 4), f(3, 4)}};
    BigFraction[] x = ExactMatrices.solve(a, new BigFraction[] {f(-2, 1), f(-4, 1)});
    assertThat(x).containsExactly(f(-1, 1), f(-5, 1));
  }

  @Test
  void modularRankProvesFullRankAndFallsBackWhenThePrimeDividesTheDeterminant() {
    java.math.BigInteger one = java.math.BigInteger.ONE;
    // det [[p, 0], [0, 1]] = p = 2^31 - 1, the prime of the modular test: singular modulo p, regular over Q, so
    // the exact fallback must answer 2.
    java.math.BigInteger p = java.math.BigInteger.valueOf(2_147_483_647L);
    ScaledVector[] rows = {
      ScaledVector.of(new java.math.BigInteger[] {p, java.math.BigInteger.ZERO}, one),
      ScaledVector.of(new java.math.BigInteger[] {java.math.BigInteger.ZERO, one}, one)};
    assertThat(ExactMatrices.rank(rows)).isEqualTo(2);
    // The rank-2 matrix of the first test, as numerators over 12: 2 modulo p and over Q.
    ScaledVector[] dependent = {
      ScaledVector.of(new BigFraction[] {f(1, 3), f(2, 3), f(0, 1)}),
      ScaledVector.of(new BigFraction[] {f(1, 2), f(1, 4), f(1, 4)}),
      ScaledVector.of(new BigFraction[] {f(5, 6), f(11, 12), f(1, 4)})};
    assertThat(ExactMatrices.rank(dependent)).isEqualTo(2);
    // Full rank is proven modulo p alone.
    ScaledVector[] full = {
      ScaledVector.of(new BigFraction[] {f(3, 4), f(1, 4)}), ScaledVector.of(new BigFraction[] {f(1, 4), f(3, 4)})};
    assertThat(ExactMatrices.rank(full)).isEqualTo(2);
  }

  @Test
  void independentRowsKeepsTheFirstRowsThatSpan() {
    BigFraction[][] a = {{f(1, 3), f(2, 3), f(0, 1)}, {f(1, 2), f(1, 4), f(1, 4)}, {f(5, 6), f(11, 12), f(1, 4)}};
    assertThat(ExactMatrices.independentRows(a)).containsExactly(0, 1);
  }
}
