package org.mechlp.solver.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.TransferSpec;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.testing.Toys;

class VariableIndexTest {
  @Test
  void transferColumnsAreFreeEvenWithBoundsBecauseBoundsAreRows() {
    Problem p =
        Toys.withTransfers(
            Toys.oneBuyer(), new TransferSpec(true, List.of(new TransferSpec.Bound(Toys.q("0"), Toys.q("3")))));
    VariableIndex vars = new VariableIndex(p);
    assertThat(vars.bounds())
        .containsExactly(
            ColumnBounds.NON_NEGATIVE,
            ColumnBounds.NON_NEGATIVE,
            ColumnBounds.NON_NEGATIVE,
            ColumnBounds.NON_NEGATIVE,
            ColumnBounds.FREE,
            ColumnBounds.FREE);
  }

  @Test
  void compiledProgramHasTheCatalogsRows() {
    // Two bidders, two types, DSIC + ex post IR: 4 feasibility rows, n(k-1)K = 2·1·4 = 8 IC rows, nK = 8 IR rows.
    CompiledProblem compiled = LpCompiler.compile(Toys.twoBidders());
    assertThat(compiled.lp().rowCount()).isEqualTo(20);
    assertThat(compiled.lp().columnCount()).isEqualTo(4 * 3 + 4 * 2);
    assertThat(compiled.lp().columnName(19)).isEqualTo("t[bidder1=high,bidder2=high|bidder2]");
  }
}
