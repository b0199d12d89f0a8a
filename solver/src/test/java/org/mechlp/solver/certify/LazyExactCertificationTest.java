package org.mechlp.solver.certify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mechlp.model.Problem;
import org.mechlp.solver.certify.io.CertificateFile;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.testing.Grids;

/**
 * {@code --exact} with lazy IC rows on the two-item grids: the certified value equals the full LP's certified
 * value (the full LP solved and certified independently, every row built), and the checker of sparse certificates
 * rejects tampered ones.
 */
class LazyExactCertificationTest {
  private static final SolveOptions LAZY = SolveOptions.defaults().withStrategy(Strategy.LAZY);
  private static final SolveOptions FULL = SolveOptions.defaults().withStrategy(Strategy.FULL);

  @ParameterizedTest
  @CsvSource({"3, dsic, expost", "5, dsic, expost", "6, dsic, expost", "3, bic, interim", "5, bic, interim"})
  void theLazyCertificateEqualsTheFullLpsOptimum(int n, String ic, String ir) {
    Problem problem = Grids.twoItems(n, ic, ir);
    ExactSolver.ExactSolveReport lazy = ExactSolver.solve(problem, LAZY);
    ExactSolver.ExactSolveReport full = ExactSolver.solve(problem, FULL);
    assertThat(full.certification().certified()).isTrue();
    assertThat(lazy.certification().certified()).as(lazy.certification().reason()).isTrue();
    assertThat(lazy.certification().objective()).isEqualTo(full.certification().objective());
    assertThat(lazy.sparseCertificate()).isNotNull();
    assertThat(lazy.report().strategy().icRowsUsed()).isLessThan(lazy.report().strategy().icRowsTotal());
    // The certificate proves the full LP: the dense checker, streaming every row, accepts it padded with zeros.
    LinearProgram lp = lazy.compiled().lp();
    assertThat(CertificateChecker.check(lp, dense(lp, lazy.sparseCertificate())).valid()).isTrue();
  }

  @Test
  void tamperedSparseCertificatesAreRejected() {
    ExactSolver.ExactSolveReport lazy = ExactSolver.solve(Grids.twoItems(5, "dsic", "expost"), LAZY);
    CompiledProblem compiled = lazy.compiled();
    LinearProgram lp = compiled.lp();
    Map<ConstraintFamily, IcFeasibilityFilter> filters = IcFeasibilityFilter.all(lp.families(), compiled.variables());
    SparseCertificate good = lazy.sparseCertificate();
    assertThat(CertificateChecker.check(lp, good, filters, 10).check().valid()).isTrue();

    BigFraction thousandth = new BigFraction(1, 1000);
    List<SparseCertificate.RowDual> duals = new ArrayList<>(good.duals());
    SparseCertificate.RowDual first = duals.get(0);
    duals.set(0, new SparseCertificate.RowDual(first.family(), first.key(), first.value().add(thousandth)));
    assertThat(check(lp, filters, new SparseCertificate(true, good.objective(), good.primal(), duals)).failure())
        .contains("differs from the dual bound");

    List<SparseCertificate.RowDual> flipped = new ArrayList<>(good.duals());
    flipped.set(0, new SparseCertificate.RowDual(first.family(), first.key(), first.value().negate()));
    assertThat(check(lp, filters, new SparseCertificate(true, good.objective(), good.primal(), flipped)).valid())
        .isFalse();

    List<SparseCertificate.RowDual> dropped = new ArrayList<>(good.duals());
    dropped.remove(0);
    assertThat(check(lp, filters, new SparseCertificate(true, good.objective(), good.primal(), dropped)).valid())
        .isFalse();

    assertThat(check(lp, filters, new SparseCertificate(true, good.objective().add(thousandth), good.primal(),
        good.duals())).failure()).contains("claimed objective");

    // A primal point off by 1/1000 in one transfer: some row or the objective fails.
    BigFraction[] x = good.primal().clone();
    int transfer = compiled.variables().transfer(12, 0);
    x[transfer] = x[transfer].subtract(thousandth);
    assertThat(check(lp, filters, new SparseCertificate(true, good.objective(), x, good.duals())).valid()).isFalse();
  }

  @Test
  void aCheaperMenuItemViolatesRowsThatWereNeverBuilt() {
    // Lowering the payment of the type that buys the bundle at the top of the grid makes every type that buys the
    // bundle at a higher price want to report it: IC rows between distant types, which the lazy solve never built.
    ExactSolver.ExactSolveReport lazy = ExactSolver.solve(Grids.twoItems(5, "dsic", "expost"), LAZY);
    CompiledProblem compiled = lazy.compiled();
    LinearProgram lp = compiled.lp();
    SparseCertificate good = lazy.sparseCertificate();
    BigFraction[] x = good.primal().clone();
    int top = compiled.variables().profiles().count() - 1;
    int transfer = compiled.variables().transfer(top, 0);
    x[transfer] = x[transfer].subtract(new BigFraction(1, 1000));
    SparseCheck check =
        CertificateChecker.check(lp, new SparseCertificate(true, good.objective(), x, good.duals()),
            IcFeasibilityFilter.all(lp.families(), compiled.variables()), 1000);
    assertThat(check.check().valid()).isFalse();
    assertThat(check.violatedRows()).isNotEmpty();
    assertThat(check.violatedRows()).allMatch(v -> v.family().isIncentiveConstraint() && v.key()[2] == top);
  }

  @Test
  void theCertificateFileRoundTripsWithRowKeys() throws Exception {
    Problem problem = Grids.twoItems(5, "bic", "interim");
    ExactSolver.ExactSolveReport lazy = ExactSolver.solve(problem, LAZY);
    byte[] bytes = "problem".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String text = lazy.certificateJson(problem.name(), bytes);
    assertThat(CertificateFile.isSparse(text)).isTrue();
    LinearProgram lp = lazy.compiled().lp();
    Map<ConstraintFamily, IcFeasibilityFilter> filters =
        IcFeasibilityFilter.all(lp.families(), lazy.compiled().variables());
    CertificateFile.SparseParsed parsed = CertificateFile.readSparse(text, lp, filters.keySet());
    SparseCheck check = CertificateChecker.check(lp, parsed.certificate(), filters, 10);
    assertThat(check.check().valid()).isTrue();
    assertThat(check.check().primalObjective()).isEqualTo(lazy.certification().objective());
    // A key that names another row is bad input.
    String moved = text.replaceFirst("\"rowKeys\" : \\{\\s*\"([^\"]+)\" : \\[ 0, (\\d+), (\\d+) \\]",
        "\"rowKeys\" : { \"$1\" : [ 0, $3, $2 ]");
    assertThat(moved).isNotEqualTo(text);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> CertificateFile.readSparse(moved, lp, filters.keySet()))
        .isInstanceOf(CertificateFile.FormatException.class)
        .hasMessageContaining("$.rowKeys.");
  }

  private static CertificateCheck check(
      LinearProgram lp, Map<ConstraintFamily, IcFeasibilityFilter> filters, SparseCertificate certificate) {
    return CertificateChecker.check(lp, certificate, filters, 10).check();
  }

  /** The sparse certificate as a dense one: one dual per row of the full LP, zero where none is listed. */
  private static Certificate dense(LinearProgram lp, SparseCertificate sparse) {
    BigFraction[] y = new BigFraction[(int) lp.rowCount()];
    java.util.Arrays.fill(y, BigFraction.ZERO);
    Map<String, BigFraction> byName = new java.util.HashMap<>();
    for (SparseCertificate.RowDual d : sparse.duals()) {
      byName.put(d.family().rowName(d.key()), d.value());
    }
    int[] index = {0};
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(row -> y[index[0]++] = byName.getOrDefault(row.name(), BigFraction.ZERO));
    }
    return new Certificate(sparse.maximize(), sparse.objective(), sparse.primal(), y);
  }
}
