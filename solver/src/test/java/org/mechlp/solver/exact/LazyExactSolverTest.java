package org.mechlp.solver.exact;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.lazy.StrategyChoice;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/**
 * The exact loop of {@link LazyExactSolver}: rows the exact check finds violated are added and the LP re-solved.
 * The instance is the seven-type regression of the lazy solver's tests (unrelated values for A, B and the bundle),
 * where the nearest lower types' rows do not suffice; with the float rounds switched off, only the exact check can
 * find the missing rows.
 */
class LazyExactSolverTest {
  private static Problem sevenTypes() throws InvalidInputException {
    String types =
        "{\"name\": \"t0\", \"a\": 9, \"b\": 5, \"c\": 11}, {\"name\": \"t1\", \"a\": 2, \"b\": 3, \"c\": 0},"
            + " {\"name\": \"t2\", \"a\": 9, \"b\": 6, \"c\": 22}, {\"name\": \"t3\", \"a\": 6, \"b\": 1, \"c\": 11},"
            + " {\"name\": \"t4\", \"a\": 7, \"b\": 3, \"c\": 17}, {\"name\": \"t5\", \"a\": 4, \"b\": 9, \"c\": 18},"
            + " {\"name\": \"t6\", \"a\": 2, \"b\": 1, \"c\": 9}";
    String json =
        "{\"format\": \"mechlp/1\", \"name\": \"seven-types\", \"agents\": [{\"name\": \"buyer\", \"types\": ["
            + types
            + "], \"prior\": [\"1/7\", \"1/7\", \"1/7\", \"1/7\", \"1/7\", \"1/7\", \"1/7\"]}],"
            + " \"outcomes\": [\"none\", \"A\", \"B\", \"AB\"],"
            + " \"valuations\": {\"buyer\": {\"expression\": {\"A\": \"a\", \"B\": \"b\", \"AB\": \"c\"}}},"
            + " \"mechanism\": {\"ic\": \"dsic\", \"ir\": \"expost\"}, \"objective\": \"revenue\"}";
    return ProblemReader.read(json, "seven-types");
  }

  @Test
  void rowsTheExactCheckFindsViolatedAreAddedUntilTheFullOptimum() throws InvalidInputException {
    Problem problem = sevenTypes();
    CompiledProblem compiled = LpCompiler.compile(problem);
    SolveOptions options = SolveOptions.defaults().withStrategy(Strategy.LAZY);
    BackendSettings settings = options.solver();
    LazyExactSolver.Result exactOnly =
        LazyExactSolver.solve(compiled, options, StrategyChoice.of(compiled, Strategy.LAZY),
            lp -> OrToolsLpSolver.solveForExactBasis(lp, settings), "", Double.POSITIVE_INFINITY);
    // The independent side: the full LP (all 42 IC rows) solved and certified exactly.
    ExactSolver.ExactSolveReport full = ExactSolver.solve(problem, options.withStrategy(Strategy.FULL));

    assertThat(exactOnly.exact().certification().certified()).as(exactOnly.exact().certification().reason())
        .isTrue();
    assertThat(exactOnly.exact().certification().objective()).isEqualTo(full.certification().objective());
    // At least one exact check failed and sent rows back: more than one round, more rows than the first 13.
    assertThat(exactOnly.strategy().rounds()).isGreaterThanOrEqualTo(2);
    assertThat(exactOnly.builtIcRows()).isGreaterThan(13).isLessThan(42);
  }
}
