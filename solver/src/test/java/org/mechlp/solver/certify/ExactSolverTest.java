package org.mechlp.solver.certify;

import org.mechlp.solver.exact.CalibratedExactSolver;
import org.mechlp.solver.exact.ExactSolver;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.lp.BasisStatus;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.Optimality;
import org.mechlp.solver.report.SolveStatus;

/**
 * The exact solver never reports a certified optimum it has not checked: a backend whose basis is wrong (every
 * column basic, no row tight) and a re-solve that fails leave the status NUMERICAL_FAILURE with the reason.
 */
class ExactSolverTest {
  private static Problem myerson() throws Exception {
    return ProblemReader.read(Path.of(System.getProperty("instances.dir"), "myerson-two-bidders.json"));
  }

  @Test
  void aWrongBasisWithoutRepairIsAFailureNotACertificate() throws Exception {
    Problem problem = myerson();
    LpSolver wrongBasis =
        (lp, settings) -> {
          LpResult real = new OrToolsLpSolver().solve(lp, settings);
          BasisStatus[] columns = new BasisStatus[lp.columnCount()];
          BasisStatus[] rows = new BasisStatus[(int) lp.rowCount()];
          Arrays.fill(columns, BasisStatus.BASIC);
          Arrays.fill(rows, BasisStatus.BASIC);
          return new LpResult(real.status(), real.objective(), real.primal(), real.duals(), real.solverName(),
              real.iterations(), real.nonZeros(), real.buildNanos(), real.solveNanos(), real.message(),
              new LpBasis(columns, rows), real.bestBound());
        };

    ExactSolver.ExactSolveReport exact =
        ExactSolver.solve(problem, SolveOptions.defaults(), wrongBasis,
            lp -> new LpResult(LpStatus.FAILED, Double.NaN, null, null, "stub", 0, 0, 0, 0, "stub failure"), "");

    assertThat(exact.certification().status()).isEqualTo(Certification.Status.FAILED);
    assertThat(exact.certification().certificate()).isNull();
    assertThat(exact.report().status()).isEqualTo(SolveStatus.NUMERICAL_FAILURE);
    assertThat(exact.report().message()).contains("certification failed: the basis is not square");
    assertThat(exact.report().mechanism().isExact()).isFalse();
  }

  @Test
  void aCertifiedReportIsExactThroughout() throws Exception {
    // Myerson two bidders: optimum 2 = E[max(phi_1, phi_2, 0)] with phi = (-1, 1, 3) (docs/THEORY.md, Classical
    // results).
    ExactSolver.ExactSolveReport exact = ExactSolver.solve(myerson(), SolveOptions.defaults());

    assertThat(exact.report().status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(exact.report().verification().exact()).isTrue();
    assertThat(exact.report().verification().exactMaxViolation().getNumerator().signum()).isZero();
    assertThat(exact.report().verification().binding()).isNotEmpty();
    assertThat(exact.report().verification().binding().get(0).dual()).isNotNull();
    assertThat(exact.report().objective()).isEqualTo(2.0);
    // The certificate proves optimality, not only feasibility, and the report says so.
    assertThat(exact.report().verification().optimality().method()).isEqualTo(Optimality.Method.EXACT);
    assertThat(exact.report().verification().optimality().verified()).isTrue();
  }
}
