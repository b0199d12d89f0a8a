package org.mechlp.solver.lazy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;
import org.mechlp.solver.testing.Grids;
import org.mechlp.solver.testing.Toys;
import org.mechlp.solver.verify.SolutionVerifier;

/**
 * Lazy IC generation against the full LP. The reference optimum is always the full LP's, solved independently by
 * the ordinary one-shot path ({@link Strategy#FULL}); the reference feasibility check is the ordinary verifier,
 * which streams every exact row of the full problem.
 */
class LazyIcSolverTest {
  private static final SolveOptions LAZY = SolveOptions.defaults().withStrategy(Strategy.LAZY);
  private static final SolveOptions FULL = SolveOptions.defaults().withStrategy(Strategy.FULL);

  @ParameterizedTest
  @CsvSource({
    "3, bic, interim", "4, bic, interim", "5, bic, interim", "6, bic, interim",
    "3, dsic, expost", "4, dsic, expost", "5, dsic, expost", "6, dsic, expost"
  })
  void twoItemGridsReachTheFullOptimum(int n, String ic, String ir) {
    Problem problem = Grids.twoItems(n, ic, ir);
    SolveReport lazy = MechanismSolver.solve(problem, LAZY);
    SolveReport full = MechanismSolver.solve(problem, FULL);
    assertThat(full.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(lazy.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(lazy.strategy().strategy()).isEqualTo("lazy");
    assertThat(full.strategy().strategy()).isEqualTo("full");
    assertThat(lazy.objective()).isCloseTo(full.objective(), within(1e-9));
    // One buyer: N^2 types, each may misreport as any of the N^2 - 1 others.
    assertThat(lazy.strategy().icRowsTotal()).isEqualTo((long) n * n * (n * n - 1));
    assertThat(lazy.strategy().icRowsUsed()).isLessThan(lazy.strategy().icRowsTotal());
    assertThat(lazy.verification().rowsChecked()).isEqualTo(full.verification().rowsChecked());
  }

  @Test
  void theLazyPointSatisfiesEveryRowOfTheFullProblem() {
    CompiledProblem compiled = LpCompiler.compile(Grids.twoItems(5, "bic", "interim"));
    LazyIcSolver.Result outcome = LazyIcSolver.solve(compiled, LAZY, StrategyChoice.of(compiled, Strategy.LAZY));
    double[] x = outcome.verified().result().primal();
    Verification ordinary =
        SolutionVerifier.verify(compiled.lp(), x, null, 1e-9, 10, 1).verification();
    assertThat(ordinary.violationCount()).isZero();
    assertThat(ordinary.maxViolation()).isLessThanOrEqualTo(1e-9);
    assertThat(ordinary.rowsChecked()).isEqualTo(compiled.lp().rowCount() + compiled.lp().columnCount());
    // The scanning verifier the lazy solver used agrees with the ordinary one on the counts.
    Verification scanned = outcome.verified().verification();
    assertThat(scanned.rowsChecked()).isEqualTo(ordinary.rowsChecked());
    assertThat(scanned.bindingCountByFamily().get("ic-bic"))
        .isEqualTo(
            SolutionVerifier.verify(compiled.lp(), x, null, 1e-6, 10, 1).verification().bindingCountByFamily()
                .get("ic-bic"));
  }

  /**
   * Seven types with unrelated values for A, B and the bundle (found by a random search, kept as a regression): the
   * misreports to the nearest lower types do not suffice, so later rounds must add rows.
   */
  @Test
  void laterRoundsAddTheRowsNearestTypesMiss() throws InvalidInputException {
    String types =
        "{\"name\": \"t0\", \"a\": 9, \"b\": 5, \"c\": 11}, {\"name\": \"t1\", \"a\": 2, \"b\": 3, \"c\": 0},"
            + " {\"name\": \"t2\", \"a\": 9, \"b\": 6, \"c\": 22}, {\"name\": \"t3\", \"a\": 6, \"b\": 1, \"c\": 11},"
            + " {\"name\": \"t4\", \"a\": 7, \"b\": 3, \"c\": 17}, {\"name\": \"t5\", \"a\": 4, \"b\": 9, \"c\": 18},"
            + " {\"name\": \"t6\", \"a\": 2, \"b\": 1, \"c\": 9}";
    String json =
        "{\"format\": \"mechlp/1\", \"name\": \"lazy-regression\", \"agents\": [{\"name\": \"buyer\", \"types\": ["
            + types
            + "], \"prior\": [\"1/7\", \"1/7\", \"1/7\", \"1/7\", \"1/7\", \"1/7\", \"1/7\"]}],"
            + " \"outcomes\": [\"none\", \"A\", \"B\", \"AB\"],"
            + " \"valuations\": {\"buyer\": {\"expression\": {\"A\": \"a\", \"B\": \"b\", \"AB\": \"c\"}}},"
            + " \"mechanism\": {\"ic\": \"bic\", \"ir\": \"interim\"}, \"objective\": \"revenue\"}";
    Problem problem = ProblemReader.read(json, "lazy-regression");
    SolveReport lazy = MechanismSolver.solve(problem, LAZY);
    SolveReport full = MechanismSolver.solve(problem, FULL);
    assertThat(lazy.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(lazy.strategy().rounds()).isGreaterThanOrEqualTo(2);
    // Initial rows: of each type's 4 nearest types (no ties here) those with a smaller value sum a + b + c. Sums
    // t0..t6: 25, 5, 37, 18, 27, 31, 12; squared distances between (0, a, b, c) vectors give the nearest lists
    // t0: t3, t4, t6, t5 -> lower t3, t6; t1: none lower; t2: t4, t5, t0, t3 -> all four; t3: t6, t0, t4, t5 -> t6;
    // t4: t2, t3, t0, t5 -> t3, t0; t5: t4, t2, t0, t3 -> t4, t0, t3; t6: t3, t0, t1, t4 -> t1. 13 rows; later
    // rounds add more, and never all 42.
    assertThat(lazy.strategy().icRowsUsed()).isGreaterThan(13).isLessThan(42);
    assertThat(lazy.objective()).isCloseTo(full.objective(), within(1e-9));
    assertThat(lazy.verification().violationCount()).isZero();
  }

  @Provide
  Arbitrary<Problem> problems() {
    return Arbitraries.randomValue(Toys::random);
  }

  @Property(tries = 150)
  void lazyAndFullAgreeOnRandomProblems(@ForAll("problems") Problem problem) {
    SolveReport lazy = MechanismSolver.solve(problem, LAZY);
    SolveReport full = MechanismSolver.solve(problem, FULL);
    assertThat(lazy.status()).isEqualTo(full.status());
    if (full.status() == SolveStatus.OPTIMAL) {
      assertThat(lazy.objective())
          .isCloseTo(full.objective(), within(1e-9 * Math.max(1, Math.abs(full.objective()))));
      assertThat(lazy.verification().maxViolation()).isLessThanOrEqualTo(1e-6);
    }
  }
}
