package org.mechlp.solver.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.Problem;
import org.mechlp.model.TransferSpec;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.testing.Toys;

class FamilyCatalogTest {
  private static List<String> ids(Problem p) {
    return FamilyCatalog.forProblem(p, new VariableIndex(p)).stream().map(ConstraintFamily::id).toList();
  }

  @Test
  void followsTheOptionsInRowOrder() {
    assertThat(ids(Toys.oneBuyer())).containsExactly("feasibility", "ic-bic", "ir-interim");
    assertThat(ids(Toys.twoBidders())).containsExactly("feasibility", "ic-dsic", "ir-expost");
    assertThat(ids(Toys.twoStates())).containsExactly("feasibility", "ic-expost", "ir-exante");
    assertThat(ids(Toys.publicProject())).containsExactly("feasibility", "ic-dsic", "ir-expost", "budget-expost");
  }

  @Test
  void noIcNoIrLeavesFeasibilityOnly() {
    Problem p = Toys.withIr(Toys.withIc(Toys.oneBuyer(), IcKind.NONE), IrKind.NONE);
    assertThat(ids(p)).containsExactly("feasibility");
  }

  @Test
  void everyFamilyInOrder() {
    Problem p =
        Toys.withFixedAllocation(
            Toys.withTransfers(
                Toys.withBudget(Toys.oneBuyer(), BudgetKind.EX_ANTE_STRONG, "0"),
                new TransferSpec(true, List.of(new TransferSpec.Bound(Toys.q("0"), null)))),
            new String[][] {{"1", "0"}, {"0", "1"}});
    assertThat(ids(p))
        .containsExactly(
            "feasibility", "ic-bic", "ir-interim", "budget-exante", "transfer-bounds", "fixed-allocation");
  }

  @Test
  void freeTransfersGetNoBoundRows() {
    assertThat(ids(Toys.withBudget(Toys.oneBuyer(), BudgetKind.EX_POST_STRONG, "0")))
        .containsExactly("feasibility", "ic-bic", "ir-interim", "budget-expost");
  }
}
