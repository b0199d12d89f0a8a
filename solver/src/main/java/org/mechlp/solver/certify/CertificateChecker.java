package org.mechlp.solver.certify;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Checks a {@link Certificate} in exact arithmetic, independently of how it was found and of any basis or solver.
 * Weak duality makes the check a proof: with dual value {@code y} (d objective / d rhs) and reduced costs
 * {@code d = c - A^T y}, for a maximization every feasible {@code x} has {@code c x + c0 <= D}, where
 * {@code D = c0 + sum_i y_i rhs_i + sum_j d_j bound_j} (the upper bound where {@code d_j > 0}, the lower where
 * {@code d_j < 0}) provided {@code y_i > 0} only on rows with an upper side ({@code <=}, {@code =}) and
 * {@code y_i < 0} only on rows with a lower side ({@code >=}, {@code =}); a minimization mirrors every sign. So a
 * feasible {@code x} whose objective equals {@code D} is optimal. Rows are streamed from the families, never held.
 */
public final class CertificateChecker {
  private final LinearProgram lp;
  private final Certificate certificate;
  private final int sign;
  private final BigFraction[] dualActivity;
  private BigFraction dualSum = BigFraction.ZERO;
  private long index;
  private long failures;
  private String failedName;
  private String failedDescription;
  private String failure;

  private CertificateChecker(LinearProgram lp, Certificate certificate) {
    this.lp = lp;
    this.certificate = certificate;
    this.sign = lp.objective().maximize() ? 1 : -1;
    this.dualActivity = new BigFraction[lp.columnCount()];
    Arrays.fill(dualActivity, BigFraction.ZERO);
  }

  /** Checks {@code certificate} against {@code lp}. */
  public static CertificateCheck check(LinearProgram lp, Certificate certificate) {
    long rows = lp.rowCount();
    if (certificate.primal().length != lp.columnCount() || certificate.duals().length != rows) {
      return new CertificateCheck(
          false,
          null,
          null,
          "the certificate has "
              + certificate.primal().length
              + " column values and "
              + certificate.duals().length
              + " duals; the LP has "
              + lp.columnCount()
              + " columns and "
              + rows
              + " rows",
          1,
          null,
          null,
          0);
    }
    if (certificate.maximize() != lp.objective().maximize()) {
      return new CertificateCheck(
          false,
          null,
          null,
          "the certificate is for a " + (certificate.maximize() ? "maximization" : "minimization")
              + " but the problem is not",
          1,
          null,
          null,
          0);
    }
    return new CertificateChecker(lp, certificate).run();
  }

  private CertificateCheck run() {
    BigFraction[] x = certificate.primal();
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(this::checkRow);
    }
    BigFraction[] c = lp.objective().coefficients();
    BigFraction bound = lp.objective().constant().add(dualSum);
    List<ColumnBounds> bounds = lp.bounds();
    for (int j = 0; j < x.length; j++) {
      ColumnBounds b = bounds.get(j);
      BigFraction violation = b.violation(x[j]);
      if (violation.getNumerator().signum() != 0) {
        fail(lp.columnName(j), "column bounds", "value " + Ratios.ratio(x[j]) + " is outside its bounds by "
            + Ratios.ratio(violation));
      }
      BigFraction reduced = c[j].subtract(dualActivity[j]);
      int s = reduced.getNumerator().signum() * sign;
      if (s > 0) {
        if (b.upper() == null) {
          fail(lp.columnName(j), "column bounds", "reduced cost " + Ratios.ratio(reduced)
              + " would improve the objective without bound (the column has no upper bound)");
        } else {
          bound = bound.add(reduced.multiply(b.upper()));
        }
      } else if (s < 0) {
        if (b.lower() == null) {
          fail(lp.columnName(j), "column bounds", "reduced cost " + Ratios.ratio(reduced)
              + " would improve the objective without bound (the column has no lower bound)");
        } else {
          bound = bound.add(reduced.multiply(b.lower()));
        }
      }
    }
    BigFraction primal = lp.objective().value(x);
    if (failures == 0 && !primal.equals(bound)) {
      fail(null, null, "the primal objective " + Ratios.ratio(primal) + " differs from the dual bound "
          + Ratios.ratio(bound) + ": the point is not proven optimal");
    }
    if (failures == 0 && !primal.equals(certificate.objective())) {
      fail(null, null, "the claimed objective " + Ratios.ratio(certificate.objective())
          + " differs from the objective at the primal point, " + Ratios.ratio(primal));
    }
    return new CertificateCheck(
        failures == 0, failedName, failedDescription, failure, failures, primal, bound, index + x.length);
  }

  private void checkRow(Row row) {
    BigFraction y = certificate.duals()[(int) index++];
    BigFraction activity = row.activity(certificate.primal());
    BigFraction violation = row.violation(certificate.primal());
    if (violation.getNumerator().signum() != 0) {
      fail(row.name(), row.describe(), "violated by " + Ratios.ratio(violation) + " (left-hand side "
          + Ratios.ratio(activity) + " " + row.sense().symbol() + " " + Ratios.ratio(row.rhs()) + ")");
    }
    int s = y.getNumerator().signum() * sign;
    if (s != 0) {
      boolean allowed = row.sense() == Sense.EQ || (s > 0 ? row.sense() == Sense.LE : row.sense() == Sense.GE);
      if (!allowed) {
        fail(row.name(), row.describe(), "dual " + Ratios.ratio(y) + " has the wrong sign for a "
            + row.sense().symbol() + " row of a " + (sign > 0 ? "maximization" : "minimization"));
      }
      int[] cols = row.columns();
      BigFraction[] a = row.coefficients();
      for (int k = 0; k < cols.length; k++) {
        dualActivity[cols[k]] = dualActivity[cols[k]].add(a[k].multiply(y));
      }
      dualSum = dualSum.add(y.multiply(row.rhs()));
    }
  }

  private void fail(String name, String description, String what) {
    if (failures++ == 0) {
      failedName = name;
      failedDescription = description;
      failure = what;
    }
  }
}
