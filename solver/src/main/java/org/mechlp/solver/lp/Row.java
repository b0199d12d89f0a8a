package org.mechlp.solver.lp;

import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * One linear constraint {@code sum_j a_j x_j (sense) rhs}, with exact coefficients. The row keeps a reference to
 * the family that made it and a small integer key (for example agent, profile, misreport), from which the family
 * derives the row's name and its description in words on demand; rows are cheap enough to stream by the million.
 *
 * <p>Rows are written in the problem's units (utility, money), so a row's violation is directly a gain from
 * misreporting, an IR shortfall or a budget deficit.
 *
 * @param family the family that produced this row
 * @param key the family's index of the row
 * @param columns the column indices with non-zero coefficients (no duplicates)
 * @param coefficients the coefficients, aligned with {@code columns}
 * @param sense the relation
 * @param rhs the right-hand side
 */
public record Row(
    ConstraintFamily family, int[] key, int[] columns, BigFraction[] coefficients, Sense sense, BigFraction rhs) {
  public Row {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(sense, "sense");
    Objects.requireNonNull(rhs, "rhs");
    if (columns.length != coefficients.length) {
      throw new IllegalArgumentException("columns and coefficients differ in length");
    }
  }

  /** The row's stable, readable name, for example {@code ic[bidder1:high->low|bidder2=low]}. */
  public String name() {
    return family.rowName(key);
  }

  /** The row in words, for example "IC: bidder1 of type high would report low, when bidder2 is low". */
  public String describe() {
    return family.describe(key);
  }

  /** The left-hand side at a floating-point point, summed in the given order. */
  public double activity(double[] x) {
    double sum = 0;
    for (int i = 0; i < columns.length; i++) {
      sum += coefficients[i].doubleValue() * x[columns[i]];
    }
    return sum;
  }

  /** The left-hand side at an exact point. */
  public BigFraction activity(BigFraction[] x) {
    BigFraction sum = BigFraction.ZERO;
    for (int i = 0; i < columns.length; i++) {
      BigFraction v = x[columns[i]];
      if (v.getNumerator().signum() != 0) {
        sum = sum.add(coefficients[i].multiply(v));
      }
    }
    return sum;
  }

  /**
   * How far the point is from satisfying the row, in the row's units: 0 when satisfied, else the positive amount by
   * which the left-hand side is on the wrong side of the right-hand side.
   */
  public double violation(double[] x) {
    double gap = activity(x) - rhs.doubleValue();
    return switch (sense) {
      case LE -> Math.max(0, gap);
      case GE -> Math.max(0, -gap);
      case EQ -> Math.abs(gap);
    };
  }

  /** The exact violation at an exact point (0 when satisfied). */
  public BigFraction violation(BigFraction[] x) {
    BigFraction gap = activity(x).subtract(rhs);
    return switch (sense) {
      case LE -> gap.getNumerator().signum() > 0 ? gap : BigFraction.ZERO;
      case GE -> gap.getNumerator().signum() < 0 ? gap.negate() : BigFraction.ZERO;
      case EQ -> gap.abs();
    };
  }

  /**
   * The slack in the row's natural direction: {@code rhs - lhs} for {@code <=}, {@code lhs - rhs} for {@code >=},
   * {@code -|lhs - rhs|} for {@code =}. Negative means violated; near 0 means binding.
   */
  public double slack(double[] x) {
    double gap = activity(x) - rhs.doubleValue();
    return switch (sense) {
      case LE -> -gap;
      case GE -> gap;
      case EQ -> -Math.abs(gap);
    };
  }
}
