package org.mechlp.solver.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * Regression: jqwik seed 8498457137497055461 of {@link RandomProblemsPropertyTest} shrank to two agents with three
 * types each, uniform priors and every value 2. With BIC and ex post IR, GLOP 9.14's presolve answered INFEASIBLE
 * although the null mechanism is feasible (CLP, and GLOP without presolve, find the optimum). mechlp now accepts a
 * "no" from GLOP only when GLOP without presolve agrees.
 */
class GlopPresolveRegressionTest {
  @Test
  void aFeasibleDegenerateBicProblemIsNotCalledInfeasible() {
    RandomProblemsPropertyTest.Data allTwos =
        new RandomProblemsPropertyTest.Data(
            new int[][][] {{{2, 2}, {2, 2}, {2, 2}}, {{2, 2}, {2, 2}, {2, 2}}},
            new int[][] {{1, 1, 1}, {1, 1, 1}},
            2);

    SolveReport report =
        MechanismSolver.solve(
            RandomProblemsPropertyTest.build(allTwos, IcKind.BIC, IrKind.EX_POST, 1, false),
            SolveOptions.defaults());

    // By hand: every outcome is worth 2 to every type, so each agent pays 2 at every profile; revenue 4.
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(4, within(1e-9));
  }
}
