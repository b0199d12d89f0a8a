package org.mechlp.solver.certify;

import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * A claimed proof of optimality: an exact primal point, exact duals (d objective / d right-hand side, one per row in
 * family order) and the optimal value. It proves nothing by itself; {@link CertificateChecker} decides whether it
 * does.
 *
 * @param maximize whether the LP maximizes
 * @param objective the claimed optimal value (constant included)
 * @param primal one exact value per column
 * @param duals one exact dual per row
 */
public record Certificate(boolean maximize, BigFraction objective, BigFraction[] primal, BigFraction[] duals) {
  public Certificate {
    Objects.requireNonNull(objective, "objective");
    Objects.requireNonNull(primal, "primal");
    Objects.requireNonNull(duals, "duals");
  }
}
