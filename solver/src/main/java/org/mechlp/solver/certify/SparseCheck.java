package org.mechlp.solver.certify;

import java.util.List;
import java.util.Map;
import org.mechlp.solver.lp.ConstraintFamily;

/**
 * The verdict of {@link CertificateChecker} on a {@link SparseCertificate}.
 *
 * @param check the verdict itself, as for a dense certificate
 * @param violatedRows the first rows found violated at the primal point (so that a lazy solve can add them)
 * @param filteredRows rows proven by a float filter with exact arithmetic only where near tight
 * @param exactPairs the (group, menu item) pairs those filters evaluated exactly
 * @param bindingCountByFamily per family id, the rows that hold with equality exactly (equalities only for budget
 *     families, as in the floating-point verification)
 */
public record SparseCheck(
    CertificateCheck check,
    List<ViolatedRow> violatedRows,
    long filteredRows,
    long exactPairs,
    Map<String, Long> bindingCountByFamily) {
  public SparseCheck {
    violatedRows = List.copyOf(violatedRows);
    bindingCountByFamily = Map.copyOf(bindingCountByFamily);
  }

  /** A row, by family and key. */
  public record ViolatedRow(ConstraintFamily family, int[] key) {}

  static SparseCheck rejected(String why) {
    return new SparseCheck(new CertificateCheck(false, null, null, why, 1, null, null, 0), List.of(), 0, 0, Map.of());
  }
}
