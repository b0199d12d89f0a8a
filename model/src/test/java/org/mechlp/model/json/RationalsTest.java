package org.mechlp.model.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class RationalsTest {
  private static final MathContext MC = new MathContext(Rationals.PRECISION);

  /** A fraction p/q with q up to 10^6 is the only fraction with so small a denominator within 1e-40 of it. */
  @Property(seed = "20240601")
  void roundedDecimalsOfSmallFractionsComeBack(
      @ForAll @IntRange(min = -1_000_000, max = 1_000_000) int p,
      @ForAll @IntRange(min = 1, max = 1_000_000) int q) {
    BigDecimal rounded = BigDecimal.valueOf(p).divide(BigDecimal.valueOf(q), MC);
    assertThat(Rationals.fromComputed(rounded)).isEqualTo(new BigFraction(p, q));
  }

  @Test
  void shortDecimalsAreTakenExactly() {
    // 0.1234567 has 7 significant digits: far from the 68-digit precision, so it is exact.
    assertThat(Rationals.fromComputed(new BigDecimal("0.1234567")))
        .isEqualTo(new BigFraction(1234567, 10_000_000));
  }

  @Test
  void simplestFractionInAnInterval() {
    // [0.3, 0.4] holds 1/3 and 2/5; 1/3 has the smaller denominator.
    assertThat(Rationals.simplestBetween(new BigFraction(3, 10), new BigFraction(4, 10)))
        .isEqualTo(new BigFraction(1, 3));
    // An interval containing 0 gives 0; one holding an integer gives the smallest integer in absolute value.
    assertThat(Rationals.simplestBetween(new BigFraction(-1, 2), new BigFraction(1, 3))).isEqualTo(BigFraction.ZERO);
    assertThat(Rationals.simplestBetween(new BigFraction(-7, 2), new BigFraction(-5, 2)))
        .isEqualTo(new BigFraction(-3));
    // Within 1/100 of pi: 22/7 (pi - 22/7 = -0.00126); 3 and 13/4 are too far, 19/6 too far (0.025).
    assertThat(Rationals.simplestWithin(new BigFraction(314159, 100000), new BigFraction(1, 100)))
        .isEqualTo(new BigFraction(22, 7));
  }

  @Test
  void sixtyEightNinesRoundToOne() {
    BigDecimal almostOne = BigDecimal.ONE.divide(BigDecimal.valueOf(3), MC).multiply(BigDecimal.valueOf(3), MC);
    assertThat(Rationals.fromComputed(almostOne)).isEqualTo(BigFraction.ONE);
  }
}
