package org.mechlp.solver.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/**
 * The expanded duals of the reduced LP are optimal duals of the full LP: checked by LP duality on
 * myerson-two-bidders (optimum 2, Myerson's closed form), independently of how they were derived.
 */
class OrbitLpTest {
  @Test
  void expandedDualsCertifyTheFullOptimum() throws Exception {
    CompiledProblem compiled = LpCompiler.compile(SymmetriesTest.instance("myerson-two-bidders"));
    SymmetryGroup group = Symmetries.detect(compiled);
    OrbitLp reduced = OrbitLp.reduce(compiled.lp(), Symmetries.columnOrbits(compiled, group.generators()));
    LpResult result = new OrToolsLpSolver().solve(reduced.program(), BackendSettings.defaults());
    assertThat(result.status()).isEqualTo(LpStatus.OPTIMAL);
    double[] duals = reduced.expandDuals(result.duals());
    LinearProgram full = compiled.lp();
    // A maximization with dual = d(objective)/d(rhs): a <= row has dual >= 0, a >= row dual <= 0. The dual objective
    // sum_r y_r b_r must equal the optimum, and the reduced costs c_j - (A^T y)_j must be 0 for free columns and <= 0
    // for columns at lower bound 0 (no upper bounds here), so weak duality makes the optimum 2 provably optimal.
    double[] aty = new double[full.columnCount()];
    double[] dualObjective = {0};
    int[] r = {0};
    for (ConstraintFamily family : full.families()) {
      family.forEachRow(
          row -> {
            double y = duals[r[0]++];
            if (row.sense() == Sense.LE) {
              assertThat(y).isGreaterThanOrEqualTo(-1e-9);
            } else if (row.sense() == Sense.GE) {
              assertThat(y).isLessThanOrEqualTo(1e-9);
            }
            dualObjective[0] += y * row.rhs().doubleValue();
            for (int i = 0; i < row.columns().length; i++) {
              aty[row.columns()[i]] += y * row.coefficients()[i].doubleValue();
            }
          });
    }
    assertThat(dualObjective[0]).isCloseTo(2.0, within(1e-9));
    for (int j = 0; j < full.columnCount(); j++) {
      double reducedCost = full.objective().coefficients()[j].doubleValue() - aty[j];
      ColumnBounds b = full.bounds().get(j);
      if (b.lower() == null) {
        assertThat(reducedCost).as(full.columnName(j)).isCloseTo(0.0, within(1e-9));
      } else {
        assertThat(reducedCost).as(full.columnName(j)).isLessThanOrEqualTo(1e-9);
      }
    }
  }
}
