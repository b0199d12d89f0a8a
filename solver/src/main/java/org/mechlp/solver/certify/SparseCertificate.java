package org.mechlp.solver.certify;

import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;

/**
 * A claimed proof of optimality for an LP whose rows are too many to list: an exact primal point (one value per
 * column), the non-zero duals only, each naming its row by family and key, and the optimal value. Every row not
 * listed has dual 0. It proves nothing by itself; {@link CertificateChecker#check(org.mechlp.solver.lp.LinearProgram,
 * SparseCertificate, java.util.Map)} decides whether it does.
 *
 * @param maximize whether the LP maximizes
 * @param objective the claimed optimal value (constant included)
 * @param primal one exact value per column
 * @param duals the rows with a non-zero dual (d objective / d right-hand side)
 */
public record SparseCertificate(
    boolean maximize, BigFraction objective, BigFraction[] primal, List<RowDual> duals) {
  public SparseCertificate {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(primal, "primal");
    duals = List.copyOf(duals);
  }

  /**
   * The dual of one row.
   *
   * @param family the row's family (one of the LP's)
   * @param key the row's key within the family
   * @param value the exact dual
   */
  public record RowDual(ConstraintFamily family, int[] key, BigFraction value) {
    public RowDual {
      Objects.requireNonNull(family, "family");
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
    }
  }
}
