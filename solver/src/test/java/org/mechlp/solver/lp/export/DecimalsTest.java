package org.mechlp.solver.lp.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;

class DecimalsTest {
  @Test
  void terminatingFractionsAreWrittenExactly() {
    assertThat(Decimals.format(new BigFraction(1, 4))).isEqualTo("0.25");
    assertThat(Decimals.format(new BigFraction(-7, 8))).isEqualTo("-0.875");
    assertThat(Decimals.format(new BigFraction(21, 125))).isEqualTo("0.168");
    assertThat(Decimals.format(new BigFraction(1200))).isEqualTo("1200");
    assertThat(Decimals.format(BigFraction.ZERO)).isEqualTo("0");
    // 2^-30 has 30 decimals, all written: 9.31322574615478515625E-10.
    assertThat(Decimals.format(new BigFraction(BigInteger.ONE, BigInteger.TWO.pow(30))))
        .isEqualTo("0.000000000931322574615478515625");
  }

  @Test
  void otherFractionsGet17SignificantDigits() {
    assertThat(Decimals.format(new BigFraction(1, 3))).isEqualTo("0.33333333333333333");
    assertThat(Decimals.format(new BigFraction(-2, 3))).isEqualTo("-0.66666666666666667");
    assertThat(Decimals.format(new BigFraction(64, 9))).isEqualTo("7.1111111111111111");
    assertThat(Decimals.format(new BigFraction(1, 7))).isEqualTo("0.14285714285714286");
  }

  /**
   * A written number is within half a unit of its 17th significant digit of the exact fraction, so the double a
   * reader makes of it is within one unit in the last place of the fraction's nearest double (rounding twice, to 17
   * digits and then to binary, can cost that one unit: 35/3 is written 11.666666666666667, read as
   * 11.666666666666668, while the nearest double is 11.666666666666666).
   */
  @Property
  void everyWrittenNumberIsTheFractionTo17Digits(
      @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long numerator,
      @ForAll @LongRange(min = 1, max = 1_000_000_000L) long denominator,
      @ForAll @IntRange(min = -30, max = 30) int powerOfTen) {
    BigFraction scale =
        powerOfTen >= 0
            ? new BigFraction(BigInteger.TEN.pow(powerOfTen))
            : new BigFraction(BigInteger.ONE, BigInteger.TEN.pow(-powerOfTen));
    BigFraction f = new BigFraction(numerator, denominator).multiply(scale);

    BigDecimal written = new BigDecimal(Decimals.format(f));
    BigDecimal exact =
        new BigDecimal(f.getNumerator()).divide(new BigDecimal(f.getDenominator()), MathContext.DECIMAL128);
    double nearest = exact.doubleValue();

    if (f.getNumerator().signum() != 0) {
      BigDecimal relativeError = written.subtract(exact).abs().divide(exact.abs(), MathContext.DECIMAL64);
      assertThat(relativeError).isLessThanOrEqualTo(new BigDecimal("5e-17"));
    }
    assertThat(Math.abs(written.doubleValue() - nearest)).isLessThanOrEqualTo(Math.ulp(nearest));
  }
}
