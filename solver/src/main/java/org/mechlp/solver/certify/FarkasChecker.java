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
 * Checks an {@link InfeasibilityCertificate} in exact arithmetic, with no basis and no solver (Farkas' lemma with
 * column bounds). With {@code y_i >= 0} on {@code <=} rows, {@code y_i <= 0} on {@code >=} rows and any sign on
 * {@code =} rows, each row gives {@code y_i (a_i x) <= y_i b_i} at every feasible {@code x}; summed,
 * {@code d x <= y b} with {@code d = A^T y}. Over the column box, {@code d x} is at least
 * {@code M = sum_j (d_j > 0 ? d_j l_j : d_j < 0 ? d_j u_j : 0)}, which needs those bounds finite. So
 * {@code M > y b} leaves no feasible {@code x}. Rows are streamed from the families, never held.
 */
public final class FarkasChecker {
  private final InfeasibilityCertificate certificate;
  private final BigFraction[] combined;
  private BigFraction rhs = BigFraction.ZERO;
  private long index;
  private long nonZeros;
  private long failures;
  private String failedName;
  private String failedDescription;
  private String failure;

  private FarkasChecker(LinearProgram lp, InfeasibilityCertificate certificate) {
    this.certificate = certificate;
    this.combined = new BigFraction[lp.columnCount()];
    Arrays.fill(combined, BigFraction.ZERO);
  }

  /** Checks {@code certificate} against {@code lp} (the objective plays no part). */
  public static FarkasCheck check(LinearProgram lp, InfeasibilityCertificate certificate) {
    long rows = lp.rowCount();
    if (certificate.multipliers().length != rows) {
      return new FarkasCheck(false, null, null, "the certificate has " + certificate.multipliers().length
          + " multipliers; the LP has " + rows + " rows", 1, null, null, 0, 0);
    }
    return new FarkasChecker(lp, certificate).run(lp);
  }

  private FarkasCheck run(LinearProgram lp) {
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(this::addRow);
    }
    List<ColumnBounds> bounds = lp.bounds();
    BigFraction minimum = BigFraction.ZERO;
    boolean bounded = true;
    for (int j = 0; j < combined.length; j++) {
      int s = combined[j].getNumerator().signum();
      if (s == 0) {
        continue;
      }
      BigFraction bound = s > 0 ? bounds.get(j).lower() : bounds.get(j).upper();
      if (bound == null) {
        bounded = false;
        fail(lp.columnName(j), "column bounds", "the combined row has coefficient " + Ratios.ratio(combined[j])
            + " on a column with no " + (s > 0 ? "lower" : "upper") + " bound, so it proves nothing");
      } else {
        minimum = minimum.add(combined[j].multiply(bound));
      }
    }
    if (failures == 0 && minimum.compareTo(rhs) <= 0) {
      fail(null, null, "no contradiction: the combined row's least value over the column bounds, "
          + Ratios.ratio(minimum) + ", does not exceed its right-hand side " + Ratios.ratio(rhs));
    }
    return new FarkasCheck(failures == 0, failedName, failedDescription, failure, failures, rhs,
        bounded ? minimum : null, nonZeros, index + combined.length);
  }

  private void addRow(Row row) {
    BigFraction y = certificate.multipliers()[(int) index++];
    int s = y.getNumerator().signum();
    if (s == 0) {
      return;
    }
    nonZeros++;
    boolean allowed = row.sense() == Sense.EQ || (s > 0 ? row.sense() == Sense.LE : row.sense() == Sense.GE);
    if (!allowed) {
      fail(row.name(), row.describe(), "multiplier " + Ratios.ratio(y) + " has the wrong sign for a "
          + row.sense().symbol() + " row (>= 0 on <= rows, <= 0 on >= rows)");
    }
    int[] cols = row.columns();
    BigFraction[] a = row.coefficients();
    for (int k = 0; k < cols.length; k++) {
      combined[cols[k]] = combined[cols[k]].add(a[k].multiply(y));
    }
    rhs = rhs.add(y.multiply(row.rhs()));
  }

  private void fail(String name, String description, String what) {
    if (failures++ == 0) {
      failedName = name;
      failedDescription = description;
      failure = what;
    }
  }
}
