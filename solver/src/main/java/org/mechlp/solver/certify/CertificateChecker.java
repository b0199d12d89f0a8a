package org.mechlp.solver.certify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  private final BigFraction[] primal;
  private final BigFraction[] duals;
  private final BigFraction claimed;
  private final int sign;
  private final BigFraction[] dualActivity;
  private BigFraction dualSum = BigFraction.ZERO;
  private long index;
  private long failures;
  private String failedName;
  private String failedDescription;
  private String failure;

  private CertificateChecker(LinearProgram lp, BigFraction[] primal, BigFraction[] duals, BigFraction claimed) {
    this.lp = lp;
    this.primal = primal;
    this.duals = duals;
    this.claimed = claimed;
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
    return new CertificateChecker(lp, certificate.primal(), certificate.duals(), certificate.objective()).run();
  }

  /**
   * Checks a {@link SparseCertificate} against {@code lp} without holding or exactly evaluating every row: the rows of
   * a family with a filter are proven by it ({@link IcFeasibilityFilter}: floating point with a proven error bound,
   * exact arithmetic where a row is near tight), the other families are streamed exactly, and only the rows with a
   * non-zero dual are built for the dual side. Weak duality needs nothing from the rows whose dual is 0, so the dual
   * bound of the listed rows bounds the LP over every row (docs/THEORY.md, Certificates at scale).
   *
   * @param filters per family, the filter that proves its rows (families not in the map are streamed exactly)
   * @param maxListed how many violated rows to list
   */
  public static SparseCheck check(
      LinearProgram lp, SparseCertificate certificate, Map<ConstraintFamily, IcFeasibilityFilter> filters,
      int maxListed) {
    if (certificate.primal().length != lp.columnCount()) {
      return SparseCheck.rejected("the certificate has " + certificate.primal().length + " column values; the LP has "
          + lp.columnCount() + " columns");
    }
    if (certificate.maximize() != lp.objective().maximize()) {
      return SparseCheck.rejected("the certificate is for a "
          + (certificate.maximize() ? "maximization" : "minimization") + " but the problem is not");
    }
    Map<ConstraintFamily, Map<RowKey, BigFraction>> duals = new HashMap<>();
    for (SparseCertificate.RowDual d : certificate.duals()) {
      if (!lp.families().contains(d.family())) {
        return SparseCheck.rejected("a dual names a row of " + d.family().id() + ", which is not a family of the LP");
      }
      BigFraction before =
          duals.computeIfAbsent(d.family(), f -> new HashMap<>()).put(new RowKey(d.key()), d.value());
      if (before != null) {
        return SparseCheck.rejected(d.family().rowName(d.key()) + ": the row has two duals");
      }
    }
    CertificateChecker checker =
        new CertificateChecker(lp, certificate.primal(), new BigFraction[0], certificate.objective());
    List<SparseCheck.ViolatedRow> violated = new ArrayList<>();
    long filtered = 0;
    long exactPairs = 0;
    Map<String, Long> binding = new HashMap<>();
    for (ConstraintFamily family : lp.families()) {
      Map<RowKey, BigFraction> familyDuals = duals.getOrDefault(family, Map.of());
      IcFeasibilityFilter filter = filters.get(family);
      IcFeasibilityFilter.Result proven = filter == null ? null : filter.check(certificate.primal(), maxListed);
      if (proven != null && proven.applied()) {
        filtered += proven.rows();
        exactPairs += proven.exactPairs();
        binding.merge(family.id(), proven.bindingCount(), Long::sum);
        checker.index += proven.rows();
        for (IcFeasibilityFilter.Violation v : proven.violations()) {
          Row row = family.rowOf(v.key());
          violated.add(new SparseCheck.ViolatedRow(family, v.key()));
          checker.fail(row.name(), row.describe(), "violated by " + Ratios.ratio(v.amount()));
        }
        checker.failures += proven.violationCount() - proven.violations().size();
        for (Map.Entry<RowKey, BigFraction> e : familyDuals.entrySet()) {
          Row row;
          try {
            row = family.rowOf(e.getKey().key());
          } catch (IllegalArgumentException notARow) {
            checker.fail(null, null, family.id() + " has no row " + Arrays.toString(e.getKey().key()));
            continue;
          }
          checker.checkDual(row, e.getValue());
        }
        continue;
      }
      Map<RowKey, BigFraction> pending = new HashMap<>(familyDuals);
      family.forEachRow(
          row -> {
            if (!checker.checkPrimal(row)) {
              if (violated.size() < maxListed) {
                violated.add(new SparseCheck.ViolatedRow(family, row.key().clone()));
              }
            } else if (row.sense() == Sense.EQ
                ? family.id().startsWith("budget")
                : row.activity(certificate.primal()).equals(row.rhs())) {
              binding.merge(family.id(), 1L, Long::sum);
            }
            BigFraction y = pending.remove(new RowKey(row.key()));
            if (y != null) {
              checker.checkDual(row, y);
            }
          });
      for (RowKey missing : pending.keySet()) {
        checker.fail(null, null, family.id() + " has no row " + Arrays.toString(missing.key()));
      }
    }
    return new SparseCheck(checker.finish(), violated, filtered, exactPairs, binding);
  }

  /** A row key with value equality. */
  private record RowKey(int[] key) {
    @Override
    public boolean equals(Object other) {
      return other instanceof RowKey k && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(key);
    }
  }

  private CertificateCheck run() {
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(this::checkRow);
    }
    return finish();
  }

  /** The column bounds, the reduced costs and the dual bound, after every row was seen. */
  private CertificateCheck finish() {
    BigFraction[] x = primal;
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
    BigFraction value = lp.objective().value(x);
    if (failures == 0 && !value.equals(bound)) {
      fail(null, null, "the primal objective " + Ratios.ratio(value) + " differs from the dual bound "
          + Ratios.ratio(bound) + ": the point is not proven optimal");
    }
    if (failures == 0 && !value.equals(claimed)) {
      fail(null, null, "the claimed objective " + Ratios.ratio(claimed)
          + " differs from the objective at the primal point, " + Ratios.ratio(value));
    }
    return new CertificateCheck(
        failures == 0, failedName, failedDescription, failure, failures, value, bound, index + x.length);
  }

  private void checkRow(Row row) {
    BigFraction y = duals[(int) index];
    checkPrimal(row);
    checkDual(row, y);
  }

  /** Whether the row holds at the primal point (counted as one row checked; a violation is a failure). */
  private boolean checkPrimal(Row row) {
    index++;
    BigFraction activity = row.activity(primal);
    BigFraction violation = row.violation(primal);
    if (violation.getNumerator().signum() != 0) {
      fail(row.name(), row.describe(), "violated by " + Ratios.ratio(violation) + " (left-hand side "
          + Ratios.ratio(activity) + " " + row.sense().symbol() + " " + Ratios.ratio(row.rhs()) + ")");
      return false;
    }
    return true;
  }

  /** The dual's sign suits the row; its multiple of the row enters A^T y and the dual bound. */
  private void checkDual(Row row, BigFraction y) {
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
