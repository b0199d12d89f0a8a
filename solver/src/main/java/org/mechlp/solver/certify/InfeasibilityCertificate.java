package org.mechlp.solver.certify;

import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A claimed proof that an LP has no feasible point: one Farkas multiplier per row in family order ({@code y_i >= 0}
 * on {@code <=} rows, {@code y_i <= 0} on {@code >=} rows, free on {@code =} rows). Every feasible {@code x} would
 * satisfy {@code (A^T y) x <= y b}; when the least value of {@code (A^T y) x} over the column bounds exceeds
 * {@code y b}, there is none. It proves nothing by itself; {@link FarkasChecker} decides whether it does.
 *
 * @param multipliers one exact multiplier per row
 */
public record InfeasibilityCertificate(BigFraction[] multipliers) {
  public InfeasibilityCertificate {
    Objects.requireNonNull(multipliers, "multipliers");
  }

  /** How many multipliers are non-zero: the rows the contradiction combines. */
  public int nonZeros() {
    int count = 0;
    for (BigFraction y : multipliers) {
      if (y.getNumerator().signum() != 0) {
        count++;
      }
    }
    return count;
  }
}
