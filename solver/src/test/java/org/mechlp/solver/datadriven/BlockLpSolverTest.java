package org.mechlp.solver.datadriven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.HandFamily;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.Optimality;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.verify.VerifiedLp;

/** Solving independent blocks separately gives the whole LP's answer, verified on the whole LP. */
class BlockLpSolverTest {
  @Test
  void twoBlocksGiveTheWholeOptimumWithDualsThatProveIt() {
    // Block A: max x0 + x1 with x0 + 2 x1 <= 4, 3 x0 + x1 <= 6: optimum at (8/5, 6/5), value 14/5 (by hand).
    // Block B: max x2 with x2 <= 3 and x2 - x3 <= 0, x3 in [0, 2]: value 2. Enough rows to make two solves.
    HandFamily rows = new HandFamily();
    rows.row(new long[] {1, 2, 0, 0}, Sense.LE, 4).row(new long[] {3, 1, 0, 0}, Sense.LE, 6);
    rows.row(new long[] {0, 0, 1, 0}, Sense.LE, 3).row(new long[] {0, 0, 1, -1}, Sense.LE, 0);
    for (int k = 0; k < 2_000; k++) {
      rows.row(new long[] {1, 1, 0, 0}, Sense.LE, 100 + k); // slack rows that make block A a solve of its own
    }
    var bounds = new java.util.ArrayList<>(Collections.nCopies(4, ColumnBounds.NON_NEGATIVE));
    bounds.set(3, new ColumnBounds(org.apache.commons.math3.fraction.BigFraction.ZERO,
        new org.apache.commons.math3.fraction.BigFraction(2)));
    LinearProgram lp = rows.program(bounds, new long[] {1, 1, 1, 0}, true);
    OrToolsLpSolver.loadNativeLibraries();
    LpResult result = new BlockLpSolver(new OrToolsLpSolver()).solve(lp, BackendSettings.defaults());
    assertThat(result.status()).isEqualTo(LpStatus.OPTIMAL);
    assertThat(result.solverName()).contains("2 independent blocks");
    assertThat(result.objective()).isCloseTo(14.0 / 5 + 2, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(result.basis()).isNotNull();
    VerifiedLp verified = VerifiedLp.solve(lp, new BlockLpSolver(new OrToolsLpSolver()), SolveOptions.defaults(), 0);
    assertThat(verified.status()).isEqualTo(SolveStatus.OPTIMAL);
    // The combined duals prove optimality on the whole LP (not an exact fallback).
    assertThat(verified.verification().optimality().verified()).isTrue();
    assertThat(verified.verification().optimality().method()).isEqualTo(Optimality.Method.DUALS);
  }

  @Test
  void anInfeasibleBlockMakesTheWholeLpInfeasible() {
    HandFamily rows = new HandFamily();
    rows.row(new long[] {1, 0}, Sense.GE, 2).row(new long[] {1, 0}, Sense.LE, 1); // x0 >= 2 and x0 <= 1
    for (int k = 0; k < 2_000; k++) {
      rows.row(new long[] {0, 1}, Sense.LE, 5 + k);
    }
    LinearProgram lp = rows.program(Collections.nCopies(2, ColumnBounds.NON_NEGATIVE), new long[] {0, 1}, true);
    OrToolsLpSolver.loadNativeLibraries();
    LpResult result = new BlockLpSolver(new OrToolsLpSolver()).solve(lp, BackendSettings.defaults());
    assertThat(result.status()).isEqualTo(LpStatus.INFEASIBLE);
    assertThat(result.primal()).isNull();
  }

  @Test
  void theDataDrivenLpOfTheAdAuctionHasTheSameOptimumInBlocks() throws Exception {
    DataDrivenProblem problem = DataDrivenProblem.of(
        ProblemReader.read(Paths.get("../instances/data-driven-ad-auction.json")));
    LinearProgram lp = DataDrivenLp.build(new DataDrivenData(problem)).lp();
    OrToolsLpSolver.loadNativeLibraries();
    LpResult whole = new OrToolsLpSolver().solve(lp, BackendSettings.defaults());
    LpResult blocks = new BlockLpSolver(new OrToolsLpSolver(), 1).solve(lp, BackendSettings.defaults());
    // With the allocation fixed, each advertiser's transfers form a block of their own.
    assertThat(blocks.solverName()).contains("independent blocks");
    assertThat(whole.status()).isEqualTo(LpStatus.OPTIMAL);
    assertThat(blocks.status()).isEqualTo(LpStatus.OPTIMAL);
    assertThat(blocks.objective()).isCloseTo(whole.objective(), org.assertj.core.data.Offset.offset(1e-9));
    VerifiedLp verified = VerifiedLp.solve(lp, new BlockLpSolver(new OrToolsLpSolver(), 1), SolveOptions.defaults(),
        2);
    assertThat(verified.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(verified.verification().optimality().method()).isEqualTo(Optimality.Method.DUALS);
  }
}
