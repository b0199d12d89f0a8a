package org.mechlp.solver.families;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.TransferSpec;
import org.mechlp.solver.testing.Toys;

class TransferBoundsFamilyTest {
  @Test
  void bothEndsAtEveryProfile() {
    Problem p =
        Toys.withTransfers(
            Toys.oneBuyer(), new TransferSpec(true, List.of(new TransferSpec.Bound(Toys.q("0"), Toys.q("3")))));
    VariableIndex vars = new VariableIndex(p);
    assertThat(TransferBoundsFamily.applies(p)).isTrue();
    FamilyAssert.assertThat(new TransferBoundsFamily(p, vars), vars)
        .hasRows(
            "transfer-bounds[buyer:min|buyer=low]: 1 t[buyer=low|buyer] >= 0",
            "transfer-bounds[buyer:max|buyer=low]: 1 t[buyer=low|buyer] <= 3",
            "transfer-bounds[buyer:min|buyer=high]: 1 t[buyer=high|buyer] >= 0",
            "transfer-bounds[buyer:max|buyer=high]: 1 t[buyer=high|buyer] <= 3")
        .describesRows(
            "Transfer bound: buyer pays at least 0 at buyer=low",
            "Transfer bound: buyer pays at most 3 at buyer=low",
            "Transfer bound: buyer pays at least 0 at buyer=high",
            "Transfer bound: buyer pays at most 3 at buyer=high")
        .protectsAgents(0, 0, 0, 0);
  }

  @Test
  void onlyTheBoundedAgentsAndEnds() {
    Problem p =
        Toys.withTransfers(
            Toys.twoBidders(),
            new TransferSpec(true, List.of(TransferSpec.Bound.FREE, new TransferSpec.Bound(null, Toys.q("-1/3")))));
    VariableIndex vars = new VariableIndex(p);
    FamilyAssert.assertThat(new TransferBoundsFamily(p, vars), vars)
        .hasRows(
            "transfer-bounds[bidder2:max|bidder1=low,bidder2=low]: 1 t[bidder1=low,bidder2=low|bidder2] <= -1/3",
            "transfer-bounds[bidder2:max|bidder1=low,bidder2=high]: 1 t[bidder1=low,bidder2=high|bidder2] <= -1/3",
            "transfer-bounds[bidder2:max|bidder1=high,bidder2=low]: 1 t[bidder1=high,bidder2=low|bidder2] <= -1/3",
            "transfer-bounds[bidder2:max|bidder1=high,bidder2=high]: 1 t[bidder1=high,bidder2=high|bidder2]"
                + " <= -1/3")
        .protectsAgents(1, 1, 1, 1);
  }

  @Test
  void freeTransfersNeedNoRows() {
    assertThat(TransferBoundsFamily.applies(Toys.twoBidders())).isFalse();
    Problem p = Toys.twoBidders();
    VariableIndex vars = new VariableIndex(p);
    FamilyAssert.assertThat(new TransferBoundsFamily(p, vars), vars).hasRowCount(0);
  }

  @Test
  void boundsWithoutTransfersNeedNoRows() {
    Problem p =
        Toys.withTransfers(
            Toys.oneBuyer(), new TransferSpec(false, List.of(new TransferSpec.Bound(Toys.q("0"), null))));
    VariableIndex vars = new VariableIndex(p);
    assertThat(TransferBoundsFamily.applies(p)).isFalse();
    FamilyAssert.assertThat(new TransferBoundsFamily(p, vars), vars).hasRowCount(0);
  }
}
