package org.mechlp.solver.families;

import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.solver.testing.Toys;

class FeasibilityFamilyTest {
  @Test
  void everyProfileGetsALottery() {
    Problem p = Toys.twoBidders();
    VariableIndex vars = new VariableIndex(p);
    // One row per profile, sum_o x(o|p) = 1, outcomes none, bidder1, bidder2 in column order.
    FamilyAssert.assertThat(new FeasibilityFamily(p, vars), vars)
        .hasRows(
            "feasibility[bidder1=low,bidder2=low]: 1 x[bidder1=low,bidder2=low|none]"
                + " + 1 x[bidder1=low,bidder2=low|bidder1] + 1 x[bidder1=low,bidder2=low|bidder2] = 1",
            "feasibility[bidder1=low,bidder2=high]: 1 x[bidder1=low,bidder2=high|none]"
                + " + 1 x[bidder1=low,bidder2=high|bidder1] + 1 x[bidder1=low,bidder2=high|bidder2] = 1",
            "feasibility[bidder1=high,bidder2=low]: 1 x[bidder1=high,bidder2=low|none]"
                + " + 1 x[bidder1=high,bidder2=low|bidder1] + 1 x[bidder1=high,bidder2=low|bidder2] = 1",
            "feasibility[bidder1=high,bidder2=high]: 1 x[bidder1=high,bidder2=high|none]"
                + " + 1 x[bidder1=high,bidder2=high|bidder1] + 1 x[bidder1=high,bidder2=high|bidder2] = 1")
        .protectsAgents(-1, -1, -1, -1);
  }

  @Test
  void describesTheProfile() {
    Problem p = Toys.oneBuyer();
    VariableIndex vars = new VariableIndex(p);
    FamilyAssert.assertThat(new FeasibilityFamily(p, vars), vars)
        .describesRows(
            "Feasibility: the outcome probabilities at buyer=low sum to 1",
            "Feasibility: the outcome probabilities at buyer=high sum to 1");
  }
}
