package org.mechlp.solver.datadriven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Paths;
import java.util.Collections;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.certify.FarkasChecker;
import org.mechlp.solver.certify.InfeasibilityCertification;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.ortools.HandFamily;

/** Infeasibility proven from a cycle of difference rows, on hand-written LPs and the impossibility instance. */
class DifferenceCyclesTest {
  private static LinearProgram free(HandFamily rows, int columns) {
    return rows.program(Collections.nCopies(columns, ColumnBounds.FREE), new long[columns], false);
  }

  @Test
  void aCycleWhoseBoundsAddUpToAPositiveAmountIsProven() {
    // x0 - x1 >= 1, x1 - x2 >= 1, x2 - x0 >= -1: summed, 0 >= 1 (by hand). A fourth row with three columns is not a
    // difference row and must get multiplier 0.
    HandFamily rows = new HandFamily()
        .row(new long[] {1, -1, 0}, Sense.GE, 1)
        .row(new long[] {0, 1, -1}, Sense.GE, 1)
        .row(new long[] {1, 1, 1}, Sense.LE, 100)
        .row(new long[] {-1, 0, 1}, Sense.GE, -1);
    LinearProgram lp = free(rows, 3);
    InfeasibilityCertification proof = DifferenceCycles.prove(lp);
    assertThat(proof).isNotNull();
    assertThat(proof.certified()).isTrue();
    assertThat(proof.certificate().multipliers())
        .containsExactly(BigFraction.MINUS_ONE, BigFraction.MINUS_ONE, BigFraction.ZERO, BigFraction.MINUS_ONE);
    assertThat(proof.reason()).contains("3 rows form a cycle whose bounds add up to 1 > 0");
    assertThat(FarkasChecker.check(lp, proof.certificate()).valid()).isTrue();
  }

  @Test
  void scaledRowsAndLessOrEqualRowsEnterWithTheirOwnMultipliers() {
    // 2 x0 - 2 x1 >= 3 (x0 - x1 >= 3/2) and x0 - x1 <= 1: summed with weights 1/2 and 1, 0 >= 1/2 (by hand).
    HandFamily rows = new HandFamily()
        .row(new long[] {2, -2}, Sense.GE, 3)
        .row(new long[] {1, -1}, Sense.LE, 1);
    InfeasibilityCertification proof = DifferenceCycles.prove(free(rows, 2));
    assertThat(proof).isNotNull();
    assertThat(proof.certificate().multipliers()).containsExactly(new BigFraction(-1, 2), BigFraction.ONE);
    assertThat(proof.reason()).contains("add up to 1/2 > 0");
  }

  @Test
  void aCycleThatAddsUpToZeroIsFeasibleAndGivesNoProof() {
    // x0 - x1 >= 1, x1 - x2 >= 1, x2 - x0 >= -2: x = (2, 1, 0) meets all three with equality.
    HandFamily rows = new HandFamily()
        .row(new long[] {1, -1, 0}, Sense.GE, 1)
        .row(new long[] {0, 1, -1}, Sense.GE, 1)
        .row(new long[] {-1, 0, 1}, Sense.GE, -2);
    assertThat(DifferenceCycles.prove(free(rows, 3))).isNull();
  }

  @Test
  void theMessageDrivenImpossibilityIsACycleOfTwoMisreports() throws Exception {
    DataDrivenProblem problem = DataDrivenProblem.of(
        ProblemReader.read(Paths.get("../instances/data-driven-impossibility.json")));
    LinearProgram messageDriven = DataDrivenLp.build(new DataDrivenData(problem.messageDriven())).lp();
    InfeasibilityCertification proof = DifferenceCycles.prove(messageDriven);
    assertThat(proof).isNotNull();
    assertThat(FarkasChecker.check(messageDriven, proof.certificate()).valid()).isTrue();
    // The data-driven LP's IC rows put weight on two estimates per report: no difference rows, no cycle.
    assertThat(DifferenceCycles.prove(DataDrivenLp.build(new DataDrivenData(problem)).lp())).isNull();
  }
}
