package org.mechlp.solver.certify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.BasisStatus;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.ortools.HandFamily;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/**
 * The exact simplex repair on small random LPs, max c x s.t. A x <= b, 0 <= x <= u, with b >= 0 so that x = 0 is
 * feasible and the LP bounded. Right-hand sides are often 0 and rows repeat, so vertices are degenerate. Starting
 * bases are deliberately bad: the all-slack basis (feasible, rarely optimal), the backend's optimal basis with one
 * basic variable swapped out, and arbitrary bases (often singular or infeasible). Whatever the start, the answer is
 * certified or says why; a certified answer passes the independent checker and equals GLOP's optimum.
 */
class SimplexRepairPropertyTest {
  /** A random LP: rows of coefficients in [-3, 3], right-hand sides, upper bounds and objective. */
  record Lp(long[][] a, long[] b, long[] upper, long[] c) {
    LinearProgram program() {
      HandFamily rows = new HandFamily();
      for (int i = 0; i < a.length; i++) {
        rows.row(a[i], Sense.LE, b[i]);
      }
      List<ColumnBounds> bounds = new ArrayList<>();
      for (long u : upper) {
        bounds.add(new ColumnBounds(BigFraction.ZERO, new BigFraction(u)));
      }
      return rows.program(bounds, c, true);
    }

    int columns() {
      return c.length;
    }

    int rows() {
      return a.length;
    }
  }

  @Provide
  Arbitrary<Lp> lps() {
    Arbitrary<Integer> n = Arbitraries.integers().between(2, 4);
    Arbitrary<Integer> m = Arbitraries.integers().between(2, 4);
    return Combinators.combine(n, m, Arbitraries.randoms())
        .as(
            (cols, rowCount, random) -> {
              long[][] a = new long[rowCount][cols];
              long[] b = new long[rowCount];
              for (int i = 0; i < rowCount; i++) {
                if (i > 0 && random.nextInt(4) == 0) {
                  a[i] = a[i - 1].clone(); // a repeated row: two constraints tight at the same vertex
                } else {
                  boolean any = false;
                  for (int j = 0; j < cols; j++) {
                    a[i][j] = random.nextInt(7) - 3;
                    any |= a[i][j] != 0;
                  }
                  if (!any) {
                    a[i][random.nextInt(cols)] = 1;
                  }
                }
                b[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(6); // rhs 0 makes x = 0 degenerate
              }
              long[] upper = new long[cols];
              long[] c = new long[cols];
              for (int j = 0; j < cols; j++) {
                upper[j] = 1 + random.nextInt(5);
                c[j] = random.nextInt(7) - 3;
              }
              return new Lp(a, b, upper, c);
            });
  }

  private static LpResult glop(LinearProgram lp) {
    LpResult result = new OrToolsLpSolver().solve(lp, BackendSettings.defaults());
    // x = 0 is feasible and every column is bounded, so GLOP must find the optimum.
    assertThat(result.status()).isEqualTo(LpStatus.OPTIMAL);
    return result;
  }

  private static void assertCertifiedOptimum(LinearProgram lp, Certificate certificate, double glopObjective) {
    CertificateCheck check = CertificateChecker.check(lp, certificate);
    assertThat(check.valid()).as(check.summary()).isTrue();
    assertThat(check.primalObjective().doubleValue()).isCloseTo(glopObjective, within(1e-9));
  }

  private static LpBasis slackBasis(Lp data) {
    BasisStatus[] columns = new BasisStatus[data.columns()];
    BasisStatus[] rows = new BasisStatus[data.rows()];
    java.util.Arrays.fill(columns, BasisStatus.AT_LOWER);
    java.util.Arrays.fill(rows, BasisStatus.BASIC);
    return new LpBasis(columns, rows);
  }

  @Property(tries = 60)
  void fromTheSlackBasisExactPivotsReachTheOptimum(@ForAll("lps") Lp data) {
    LinearProgram lp = data.program();
    List<Row> rows = ExactBasis.rows(lp);

    SimplexRepair.Result repaired = SimplexRepair.repair(lp, rows, slackBasis(data));

    // The slack basis is primal feasible and the LP bounded: Bland's rule must end at an optimum.
    assertThat(repaired.solution()).as(repaired.reason()).isNotNull();
    assertCertifiedOptimum(lp, repaired.solution().certificate(), glop(lp).objective());
    // The property is about the pivots: most starts must need some (checked over all tries).
    Statistics.collect(repaired.pivots() > 0 ? "pivoted" : "optimal at the start");
    Statistics.coverage(coverage -> coverage.check("pivoted").percentage(p -> p >= 50));
  }

  @Property(tries = 60)
  void theOptimalBasisWithOneVariableSwappedIsRepairedOrRefusedWithAReason(
      @ForAll("lps") Lp data, @ForAll("seeds") long seed) {
    LinearProgram lp = data.program();
    LpResult optimum = glop(lp);
    assertThat(optimum.basis()).isNotNull();
    java.util.Random random = new java.util.Random(seed);
    BasisStatus[] columns = optimum.basis().columns().clone();
    BasisStatus[] rowStatus = optimum.basis().rows().clone();
    // Swap: one basic variable leaves (to a bound), one nonbasic variable enters.
    List<Integer> basic = new ArrayList<>();
    List<Integer> nonbasic = new ArrayList<>();
    for (int v = 0; v < columns.length + rowStatus.length; v++) {
      BasisStatus s = v < columns.length ? columns[v] : rowStatus[v - columns.length];
      (s == BasisStatus.BASIC ? basic : nonbasic).add(v);
    }
    if (!basic.isEmpty() && !nonbasic.isEmpty()) {
      int out = basic.get(random.nextInt(basic.size()));
      int in = nonbasic.get(random.nextInt(nonbasic.size()));
      set(columns, rowStatus, out, out < columns.length ? BasisStatus.AT_LOWER : BasisStatus.AT_UPPER);
      set(columns, rowStatus, in, BasisStatus.BASIC);
    }

    Certification c = Certifier.certify(lp, new LpBasis(columns, rowStatus), null);

    if (c.certified()) {
      assertCertifiedOptimum(lp, c.certificate(), optimum.objective());
    } else {
      assertThat(c.reason()).isNotBlank();
    }
    Statistics.collect(outcome(c));
    Statistics.coverage(coverage -> coverage.check("certified after exact pivots").count(k -> k > 0));
  }

  /** How a certification ended, for the coverage of the properties. */
  private static String outcome(Certification c) {
    if (!c.certified()) {
      return "refused with a reason";
    }
    return c.reason().contains("exact simplex pivot") ? "certified after exact pivots" : "certified at once";
  }

  @Property(tries = 60)
  void anArbitraryBasisEndsCertifiedOrSaysWhy(@ForAll("lps") Lp data, @ForAll("seeds") long seed) {
    LinearProgram lp = data.program();
    java.util.Random random = new java.util.Random(seed);
    int variables = data.columns() + data.rows();
    BasisStatus[] columns = new BasisStatus[data.columns()];
    BasisStatus[] rowStatus = new BasisStatus[data.rows()];
    // Exactly as many basic variables as rows, the rest at a random bound: square, but often singular or infeasible.
    List<Integer> order = new ArrayList<>();
    for (int v = 0; v < variables; v++) {
      order.add(v);
    }
    java.util.Collections.shuffle(order, random);
    for (int k = 0; k < variables; k++) {
      int v = order.get(k);
      BasisStatus status =
          k < data.rows()
              ? BasisStatus.BASIC
              : v < data.columns() && random.nextBoolean() ? BasisStatus.AT_UPPER
              : v < data.columns() ? BasisStatus.AT_LOWER : BasisStatus.AT_UPPER;
      set(columns, rowStatus, v, status);
    }

    Certification c = Certifier.certify(lp, new LpBasis(columns, rowStatus), null);

    if (c.certified()) {
      assertCertifiedOptimum(lp, c.certificate(), glop(lp).objective());
    } else {
      assertThat(c.reason()).isNotBlank();
    }
    Statistics.collect(outcome(c));
    Statistics.coverage(coverage -> coverage.check("refused with a reason").count(k -> k > 0));
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  private static void set(BasisStatus[] columns, BasisStatus[] rows, int variable, BasisStatus status) {
    if (variable < columns.length) {
      columns[variable] = status;
    } else {
      rows[variable - columns.length] = status;
    }
  }
}
