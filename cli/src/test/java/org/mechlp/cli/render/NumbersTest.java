package org.mechlp.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersTest {
  @ParameterizedTest
  @CsvSource({
    // integers and short decimals print exactly
    "2, 2",
    "0.5, 0.5",
    "-0.25, -0.25",
    "1000000, 1000000",
    // solver residues near integers round away
    "1.9999999997, 2",
    "0.49000000000000004, 0.49",
    // six decimals for moderate magnitudes: 4/3
    "1.3333333333333333, 1.333333",
    // six significant digits for small magnitudes
    "0.000123456789, 0.000123457",
    // scientific outside [1e-4, 1e9)
    "1234567890123, 1.23457e+12",
    "0.00001, 1e-5",
    "-0.0000123, -1.23e-5"
  })
  void formatsDoubles(double value, String expected) {
    assertThat(Numbers.format(value)).isEqualTo(expected);
  }

  @Test
  void neverPrintsNegativeZero() {
    assertThat(Numbers.format(-0.0)).isEqualTo("0");
    assertThat(Numbers.format(-1e-15)).isEqualTo("0");
    assertThat(Numbers.format(-0.0000000004)).isEqualTo("0");
  }

  @Test
  void formatsNonFinite() {
    assertThat(Numbers.format(Double.NaN)).isEqualTo("nan");
    assertThat(Numbers.format(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
  }

  @Test
  void formatsExactFractions() {
    assertThat(Numbers.exact(new BigFraction(1, 3))).isEqualTo("1/3");
    assertThat(Numbers.exact(new BigFraction(-1, 4))).isEqualTo("-0.25");
    assertThat(Numbers.exact(new BigFraction(0, 5))).isEqualTo("0");
  }

  @Test
  void formatsMillis() {
    assertThat(Numbers.millis(12_345_678L)).isEqualTo("12.3");
    assertThat(Numbers.millis(123_456_789L)).isEqualTo("123");
    assertThat(Numbers.millis(0L)).isEqualTo("0");
  }

  @Test
  void smallFractionsPrintAsFractionsOtherValuesAsDecimals() {
    assertThat(Numbers.smallFraction(2.0 / 3, 1000)).isEqualTo("2/3");
    assertThat(Numbers.smallFraction(0.25, 1000)).isEqualTo("0.25");
    assertThat(Numbers.smallFraction(1.0, 1000)).isEqualTo("1");
    assertThat(Numbers.smallFraction(-0.0, 1000)).isEqualTo("0");
    // 1/1001 needs a denominator above the limit, so it prints as a decimal.
    assertThat(Numbers.smallFraction(1.0 / 1001, 1000)).isEqualTo("0.000999001");
    // A solver value 1e-9 away from 1/3 is not mistaken for it.
    assertThat(Numbers.smallFraction(1.0 / 3 + 1e-9, 1000)).isEqualTo("0.333333");
  }
}
