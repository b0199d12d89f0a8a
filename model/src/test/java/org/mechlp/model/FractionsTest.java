package org.mechlp.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

/** Reading a solver's double back as the fraction it approximates. */
class FractionsTest {
  @Test
  void aRoundedRationalReadsBackAsItself() {
    // 0.1 + 0.2 is 0.30000000000000004 in binary floating point; 3/10 is within 1e-12 of it.
    assertThat(Fractions.rationalize(0.1 + 0.2)).isEqualTo(new BigFraction(3, 10));
    // 64/27 (the Myerson revenue of two uniform bidders on {1,2,3} in the README) printed to 17 digits.
    assertThat(Fractions.rationalize(64.0 / 27)).isEqualTo(new BigFraction(64, 27));
    assertThat(Fractions.rationalize(-7.0 / 90)).isEqualTo(new BigFraction(-7, 90));
    assertThat(Fractions.rationalize(5)).isEqualTo(new BigFraction(5));
  }

  @Test
  void anIrrationalStaysWithinTheToleranceAndAHugeValueIsKeptExactly() {
    // An irrational is read as a convergent within the tolerance, never farther from the double than that.
    BigFraction pi = Fractions.rationalize(Math.PI);
    assertThat(Math.abs(pi.doubleValue() - Math.PI)).isLessThanOrEqualTo(1e-12 * Math.PI);
    // A value beyond 31 bits is never forced into a small fraction: its exact binary value is kept.
    double big = 3e12 + 0.25;
    assertThat(Fractions.rationalize(big)).isEqualTo(Fractions.fromDouble(big));
  }
}
