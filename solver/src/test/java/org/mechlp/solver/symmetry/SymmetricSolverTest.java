package org.mechlp.solver.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * The reduced LP gives the full LP's optimum on the symmetric shipped instances, and its expansion passes {@code
 * check}. Each expected optimum is the instance's golden value, derived independently of mechlp in the instance's
 * description (closed forms from Myerson 1981 and Cremer-McLean 1988, the Clarke pivot by hand); the full solve is
 * the second, independent computation it is compared with.
 */
class SymmetricSolverTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    // myerson-two-bidders: E[max(phi_1, phi_2, 0)] with phi = (-1, 1, 3) is 18/9 = 2.
    "myerson-two-bidders, 2",
    // BIC with independent types: revenue equivalence gives the DSIC value 2.
    "myerson-two-bidders-bic, 2",
    // Ironed virtual values (-1,-1,-1,4): 4 (1 - 0.6^2) = 2.56.
    "myerson-ironing, 2.56",
    // Clarke pivot payments over the six built profiles: (2+2+1+2+1+0)/9 = 8/9.
    "public-project-pivot, 0.8888888888888888",
    // Full surplus extraction: E[max v] = 5/3 (Cremer-McLean).
    "cremer-mclean, 1.6666666666666667",
    // Independent (1/2,1/2): 2 * P(some value is 2) = 3/2.
    "cremer-mclean-independent, 1.5",
    // solve maximizes revenue on the revenue-range instance: 17/9 (instance description, independent LP).
    "revenue-range, 1.8888888888888888"
  })
  void symmetricOptimumEqualsFullOptimum(String name, double expected) throws Exception {
    Problem problem = SymmetriesTest.instance(name);
    SymmetricSolve symmetric = SymmetricSolver.solve(problem, SolveOptions.defaults());
    SolveReport full = MechanismSolver.solve(problem, SolveOptions.defaults());
    assertThat(symmetric.statistics().group().order()).isEqualTo(BigInteger.TWO);
    assertThat(symmetric.report().status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(symmetric.report().objective()).isCloseTo(expected, within(1e-9));
    assertThat(symmetric.report().objective()).isCloseTo(full.objective(), within(1e-9));
    // The reduced LP is smaller than the full one in both directions.
    assertThat(symmetric.statistics().reducedRows()).isLessThan(symmetric.statistics().fullRows());
    assertThat(symmetric.statistics().reducedColumns()).isLessThan(symmetric.statistics().fullColumns());
    // The verification in the report covers every row of the full LP and every column bound.
    assertThat(symmetric.report().verification().rowsChecked())
        .isEqualTo(symmetric.statistics().fullRows() + symmetric.statistics().fullColumns());
    // The expanded mechanism passes check, which rebuilds the LP from the problem and re-evaluates every row.
    CheckReport check =
        MechanismChecker.check(problem, symmetric.report().mechanism(), CheckOptions.defaults());
    assertThat(check.passed()).isTrue();
    assertThat(check.objective()).isCloseTo(expected, within(1e-9));
  }

  @Test
  void expandedMechanismIsAnonymous() throws Exception {
    // The expansion gives every profile its orbit's values: at (v1, v3) bidder2 wins exactly as bidder1 does at
    // (v3, v1), and pays the same.
    Problem problem = SymmetriesTest.instance("myerson-two-bidders");
    SolveReport report = SymmetricSolver.solve(problem, SolveOptions.defaults()).report();
    var profiles = problem.profiles();
    int p13 = profiles.encode(new int[] {0, 2});
    int p31 = profiles.encode(new int[] {2, 0});
    int b1 = problem.outcomeIndex("bidder1");
    int b2 = problem.outcomeIndex("bidder2");
    assertThat(report.mechanism().allocation(p13, b2))
        .isCloseTo(report.mechanism().allocation(p31, b1), within(1e-12));
    assertThat(report.mechanism().transfer(p13, 1))
        .isCloseTo(report.mechanism().transfer(p31, 0), within(1e-12));
  }

  @Test
  void asymmetricProblemSolvesTheFullLp() throws Exception {
    // bilateral-trade has no symmetry: the solve is the full LP's, with the same objective and size.
    Problem problem = SymmetriesTest.instance("bilateral-trade");
    SymmetricSolve symmetric = SymmetricSolver.solve(problem, SolveOptions.defaults());
    SolveReport full = MechanismSolver.solve(problem, SolveOptions.defaults());
    assertThat(symmetric.statistics().group().isTrivial()).isTrue();
    assertThat(symmetric.report().status()).isEqualTo(full.status());
    assertThat(symmetric.report().size()).isEqualTo(full.size());
    assertThat(symmetric.statistics().summary()).startsWith("symmetry: none used");
  }

  @Test
  void infeasibleSymmetricProblemStaysInfeasible() throws Exception {
    // public-good-dsic-strong-bb is symmetric (efficient rule with ties built, symmetric in (v_a, v_b)) and
    // infeasible by Green-Laffont (its golden status); the reduced LP is a restriction, so it is infeasible too.
    Problem problem = SymmetriesTest.instance("public-good-dsic-strong-bb");
    SymmetricSolve symmetric = SymmetricSolver.solve(problem, SolveOptions.defaults());
    assertThat(symmetric.statistics().group().order()).isEqualTo(BigInteger.TWO);
    assertThat(symmetric.report().status()).isEqualTo(SolveStatus.INFEASIBLE);
  }

  @Test
  void lookAlikeFallsBackToTheFullLp() throws Exception {
    // Bidder2's outside option 1/2 passes the data checks but not the LP check (the single walk over the rows finds
    // the fingerprint sums differ), so the solve falls back to the full LP and gets the full optimum.
    Problem problem =
        SymmetriesTest.edited(
            "myerson-two-bidders",
            "\"ir\": \"expost\"",
            "\"ir\": {\"kind\": \"expost\", \"outsideOption\": {\"bidder1\": 0, \"bidder2\": \"1/2\"}}");
    SymmetricSolve symmetric = SymmetricSolver.solve(problem, SolveOptions.defaults());
    SolveReport full = MechanismSolver.solve(problem, SolveOptions.defaults());
    assertThat(symmetric.statistics().group().isTrivial()).isTrue();
    assertThat(String.join(" ", symmetric.statistics().group().notes())).contains("has no mirror image");
    assertThat(symmetric.report().status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(symmetric.report().objective()).isCloseTo(full.objective(), within(1e-9));
  }
}
