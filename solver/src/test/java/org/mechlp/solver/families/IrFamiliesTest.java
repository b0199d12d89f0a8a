package org.mechlp.solver.families;

import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.solver.testing.Toys;

class IrFamiliesTest {
  @Test
  void exPostIrAtEveryProfile() {
    Problem p = Toys.twoBidders();
    VariableIndex vars = new VariableIndex(p);
    // v_i x(i|θ) - t_i(θ) >= 0 with v_i = 1 (low), 2 (high), for agent 1 then agent 2, profiles in order.
    FamilyAssert.assertThat(new ExPostIrFamily(p, vars), vars)
        .hasRows(
            "ir-expost[bidder1:low|bidder2=low]: 1 x[bidder1=low,bidder2=low|bidder1]"
                + " - 1 t[bidder1=low,bidder2=low|bidder1] >= 0",
            "ir-expost[bidder1:low|bidder2=high]: 1 x[bidder1=low,bidder2=high|bidder1]"
                + " - 1 t[bidder1=low,bidder2=high|bidder1] >= 0",
            "ir-expost[bidder1:high|bidder2=low]: 2 x[bidder1=high,bidder2=low|bidder1]"
                + " - 1 t[bidder1=high,bidder2=low|bidder1] >= 0",
            "ir-expost[bidder1:high|bidder2=high]: 2 x[bidder1=high,bidder2=high|bidder1]"
                + " - 1 t[bidder1=high,bidder2=high|bidder1] >= 0",
            "ir-expost[bidder2:low|bidder1=low]: 1 x[bidder1=low,bidder2=low|bidder2]"
                + " - 1 t[bidder1=low,bidder2=low|bidder2] >= 0",
            "ir-expost[bidder2:high|bidder1=low]: 2 x[bidder1=low,bidder2=high|bidder2]"
                + " - 1 t[bidder1=low,bidder2=high|bidder2] >= 0",
            "ir-expost[bidder2:low|bidder1=high]: 1 x[bidder1=high,bidder2=low|bidder2]"
                + " - 1 t[bidder1=high,bidder2=low|bidder2] >= 0",
            "ir-expost[bidder2:high|bidder1=high]: 2 x[bidder1=high,bidder2=high|bidder2]"
                + " - 1 t[bidder1=high,bidder2=high|bidder2] >= 0")
        .protectsAgents(0, 0, 0, 0, 1, 1, 1, 1);
  }

  @Test
  void exPostIrRightHandSideIsTheOutsideOption() {
    Problem p = Toys.withOutsideOptions(Toys.oneBuyer(), new String[][] {{"0", "1/2"}});
    VariableIndex vars = new VariableIndex(p);
    FamilyAssert.assertThat(new ExPostIrFamily(p, vars), vars)
        .hasRows(
            "ir-expost[buyer:low]: 1 x[buyer=low|sold] - 1 t[buyer=low|buyer] >= 0",
            "ir-expost[buyer:high]: 3 x[buyer=high|sold] - 1 t[buyer=high|buyer] >= 0.5")
        .describesRows(
            "IR (ex post): buyer of type low must get at least its outside option 0",
            "IR (ex post): buyer of type high must get at least its outside option 0.5");
  }

  @Test
  void exPostIrDescriptionNamesTheOthers() {
    Problem p = Toys.twoBidders();
    VariableIndex vars = new VariableIndex(p);
    FamilyAssert.assertThat(new ExPostIrFamily(p, vars), vars)
        .describesRows(
            "IR (ex post): bidder1 of type low must get at least its outside option 0 when bidder2 is low",
            "IR (ex post): bidder1 of type low must get at least its outside option 0 when bidder2 is high",
            "IR (ex post): bidder1 of type high must get at least its outside option 0 when bidder2 is low",
            "IR (ex post): bidder1 of type high must get at least its outside option 0 when bidder2 is high",
            "IR (ex post): bidder2 of type low must get at least its outside option 0 when bidder1 is low",
            "IR (ex post): bidder2 of type high must get at least its outside option 0 when bidder1 is low",
            "IR (ex post): bidder2 of type low must get at least its outside option 0 when bidder1 is high",
            "IR (ex post): bidder2 of type high must get at least its outside option 0 when bidder1 is high");
  }

  @Test
  void interimIrWeighsByConditionalBeliefs() {
    Problem p = Toys.correlatedPair();
    VariableIndex vars = new VariableIndex(p);
    // Weights f(θ)/f_i(θ_i): 2/3 same type, 1/3 other type (Toys.correlatedPair); values 1 (low), 2 (high).
    // bidder1 high: 1/3·2 x(bidder1|hl) + 2/3·2 x(bidder1|hh) - 1/3 t(hl) - 2/3 t(hh) >= 0.
    FamilyAssert.assertThat(new InterimIrFamily(p, vars), vars)
        .hasRows(
            "ir-interim[bidder1:low]: 2/3 x[bidder1=low,bidder2=low|bidder1]"
                + " + 1/3 x[bidder1=low,bidder2=high|bidder1] - 2/3 t[bidder1=low,bidder2=low|bidder1]"
                + " - 1/3 t[bidder1=low,bidder2=high|bidder1] >= 0",
            "ir-interim[bidder1:high]: 2/3 x[bidder1=high,bidder2=low|bidder1]"
                + " + 4/3 x[bidder1=high,bidder2=high|bidder1] - 1/3 t[bidder1=high,bidder2=low|bidder1]"
                + " - 2/3 t[bidder1=high,bidder2=high|bidder1] >= 0",
            "ir-interim[bidder2:low]: 2/3 x[bidder1=low,bidder2=low|bidder2]"
                + " + 1/3 x[bidder1=high,bidder2=low|bidder2] - 2/3 t[bidder1=low,bidder2=low|bidder2]"
                + " - 1/3 t[bidder1=high,bidder2=low|bidder2] >= 0",
            "ir-interim[bidder2:high]: 2/3 x[bidder1=low,bidder2=high|bidder2]"
                + " + 4/3 x[bidder1=high,bidder2=high|bidder2] - 1/3 t[bidder1=low,bidder2=high|bidder2]"
                + " - 2/3 t[bidder1=high,bidder2=high|bidder2] >= 0")
        .describesRows(
            "IR (interim): bidder1 of type low must expect at least its outside option 0",
            "IR (interim): bidder1 of type high must expect at least its outside option 0",
            "IR (interim): bidder2 of type low must expect at least its outside option 0",
            "IR (interim): bidder2 of type high must expect at least its outside option 0")
        .protectsAgents(0, 0, 1, 1);
  }

  @Test
  void interimIrSkipsZeroProbabilityTypes() {
    Problem p = Toys.oneBuyer(Toys.q("1"), Toys.q("0"));
    VariableIndex vars = new VariableIndex(p);
    FamilyAssert.assertThat(new InterimIrFamily(p, vars), vars)
        .hasRows("ir-interim[buyer:low]: 1 x[buyer=low|sold] - 1 t[buyer=low|buyer] >= 0");
  }

  @Test
  void exAnteIrAveragesOverTypesAndStates() {
    Problem p = Toys.withOutsideOptions(Toys.twoStates(), new String[][] {{"0", "1"}});
    VariableIndex vars = new VariableIndex(p);
    // sum_ω f(θ,ω) v(sold,θ,ω): low 3/8·0 + 1/8·4 = 1/2, high 1/8·1 + 3/8·5 = 2; transfers weigh f(θ) = 1/2;
    // right-hand side f(low)·0 + f(high)·1 = 1/2.
    FamilyAssert.assertThat(new ExAnteIrFamily(p, vars), vars)
        .hasRows(
            "ir-exante[buyer]: 0.5 x[buyer=low|sold] + 2 x[buyer=high|sold]"
                + " - 0.5 t[buyer=low|buyer] - 0.5 t[buyer=high|buyer] >= 0.5")
        .describesRows("IR (ex ante): buyer must expect at least its expected outside option 0.5")
        .protectsAgents(0);
  }

  @Test
  void exAnteIrOneRowPerAgent() {
    Problem p = Toys.twoBidders();
    VariableIndex vars = new VariableIndex(p);
    // bidder1: f(θ) v_1(θ_1) on x(bidder1|θ): ll 1/16·1, lh 3/16·1, hl 3/16·2, hh 9/16·2; transfers -f(θ).
    FamilyAssert.assertThat(new ExAnteIrFamily(p, vars), vars)
        .hasRowCount(2)
        .containsRows(
            "ir-exante[bidder1]: 0.0625 x[bidder1=low,bidder2=low|bidder1]"
                + " + 0.1875 x[bidder1=low,bidder2=high|bidder1] + 0.375 x[bidder1=high,bidder2=low|bidder1]"
                + " + 1.125 x[bidder1=high,bidder2=high|bidder1] - 0.0625 t[bidder1=low,bidder2=low|bidder1]"
                + " - 0.1875 t[bidder1=low,bidder2=high|bidder1] - 0.1875 t[bidder1=high,bidder2=low|bidder1]"
                + " - 0.5625 t[bidder1=high,bidder2=high|bidder1] >= 0");
  }
}
