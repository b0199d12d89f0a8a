package org.mechlp.solver.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mechlp.model.IcKind;
import org.mechlp.model.Problem;
import org.mechlp.model.TransferSpec;
import org.mechlp.solver.testing.Toys;

class ExPostIcFamilyTest {
  @Test
  void dsicRowsOfTheTwoBidderAuction() {
    Problem p = Toys.twoBidders();
    VariableIndex vars = new VariableIndex(p);
    ExPostIcFamily family = new ExPostIcFamily(p, vars);
    assertThat(family.id()).isEqualTo("ic-dsic");
    assertThat(family.isIncentiveConstraint()).isTrue();
    // Bidder i with value v_i at true profile θ misreporting r:
    //   v_i x(i|θ) - v_i x(i|r,θ_-i) - t_i(θ) + t_i(r,θ_-i) >= 0,
    // with v = 1 (low), 2 (high); outcomes none and the other bidder are worth 0 to i, so they are omitted.
    FamilyAssert.assertThat(family, vars)
        .hasRows(
            "ic-dsic[bidder1:low->high|bidder2=low]: 1 x[bidder1=low,bidder2=low|bidder1]"
                + " - 1 x[bidder1=high,bidder2=low|bidder1] - 1 t[bidder1=low,bidder2=low|bidder1]"
                + " + 1 t[bidder1=high,bidder2=low|bidder1] >= 0",
            "ic-dsic[bidder1:low->high|bidder2=high]: 1 x[bidder1=low,bidder2=high|bidder1]"
                + " - 1 x[bidder1=high,bidder2=high|bidder1] - 1 t[bidder1=low,bidder2=high|bidder1]"
                + " + 1 t[bidder1=high,bidder2=high|bidder1] >= 0",
            "ic-dsic[bidder1:high->low|bidder2=low]: -2 x[bidder1=low,bidder2=low|bidder1]"
                + " + 2 x[bidder1=high,bidder2=low|bidder1] + 1 t[bidder1=low,bidder2=low|bidder1]"
                + " - 1 t[bidder1=high,bidder2=low|bidder1] >= 0",
            "ic-dsic[bidder1:high->low|bidder2=high]: -2 x[bidder1=low,bidder2=high|bidder1]"
                + " + 2 x[bidder1=high,bidder2=high|bidder1] + 1 t[bidder1=low,bidder2=high|bidder1]"
                + " - 1 t[bidder1=high,bidder2=high|bidder1] >= 0",
            "ic-dsic[bidder2:low->high|bidder1=low]: 1 x[bidder1=low,bidder2=low|bidder2]"
                + " - 1 x[bidder1=low,bidder2=high|bidder2] - 1 t[bidder1=low,bidder2=low|bidder2]"
                + " + 1 t[bidder1=low,bidder2=high|bidder2] >= 0",
            "ic-dsic[bidder2:high->low|bidder1=low]: -2 x[bidder1=low,bidder2=low|bidder2]"
                + " + 2 x[bidder1=low,bidder2=high|bidder2] + 1 t[bidder1=low,bidder2=low|bidder2]"
                + " - 1 t[bidder1=low,bidder2=high|bidder2] >= 0",
            "ic-dsic[bidder2:low->high|bidder1=high]: 1 x[bidder1=high,bidder2=low|bidder2]"
                + " - 1 x[bidder1=high,bidder2=high|bidder2] - 1 t[bidder1=high,bidder2=low|bidder2]"
                + " + 1 t[bidder1=high,bidder2=high|bidder2] >= 0",
            "ic-dsic[bidder2:high->low|bidder1=high]: -2 x[bidder1=high,bidder2=low|bidder2]"
                + " + 2 x[bidder1=high,bidder2=high|bidder2] + 1 t[bidder1=high,bidder2=low|bidder2]"
                + " - 1 t[bidder1=high,bidder2=high|bidder2] >= 0")
        .protectsAgents(0, 0, 0, 0, 1, 1, 1, 1);
  }

  @Test
  void describesTheMisreportAndTheOthers() {
    Problem p = Toys.twoBidders();
    VariableIndex vars = new VariableIndex(p);
    FamilyAssert.assertThat(new ExPostIcFamily(p, vars), vars)
        .describesRows(
            "IC (dominant strategy): bidder1 of type low must not gain by reporting high when bidder2 is low",
            "IC (dominant strategy): bidder1 of type low must not gain by reporting high when bidder2 is high",
            "IC (dominant strategy): bidder1 of type high must not gain by reporting low when bidder2 is low",
            "IC (dominant strategy): bidder1 of type high must not gain by reporting low when bidder2 is high",
            "IC (dominant strategy): bidder2 of type low must not gain by reporting high when bidder1 is low",
            "IC (dominant strategy): bidder2 of type high must not gain by reporting low when bidder1 is low",
            "IC (dominant strategy): bidder2 of type low must not gain by reporting high when bidder1 is high",
            "IC (dominant strategy): bidder2 of type high must not gain by reporting low when bidder1 is high");
  }

  @Test
  void exPostRowsUseTheStateExpectationGivenTheTrueProfile() {
    Problem p = Toys.twoStates();
    VariableIndex vars = new VariableIndex(p);
    ExPostIcFamily family = new ExPostIcFamily(p, vars);
    assertThat(family.id()).isEqualTo("ic-expost");
    // ū(sold, low) = 1 and ū(sold, high) = 4 (derived in Toys.twoStates); one agent, so no "|others" part.
    FamilyAssert.assertThat(family, vars)
        .hasRows(
            "ic-expost[buyer:low->high]: 1 x[buyer=low|sold] - 1 x[buyer=high|sold]"
                + " - 1 t[buyer=low|buyer] + 1 t[buyer=high|buyer] >= 0",
            "ic-expost[buyer:high->low]: -4 x[buyer=low|sold] + 4 x[buyer=high|sold]"
                + " + 1 t[buyer=low|buyer] - 1 t[buyer=high|buyer] >= 0")
        .describesRows(
            "IC (ex post): buyer of type low must not gain by reporting high",
            "IC (ex post): buyer of type high must not gain by reporting low");
  }

  @Test
  void withoutTransfersOnlyTheAllocationRemains() {
    Problem p = Toys.withTransfers(Toys.oneBuyer(), new TransferSpec(false, java.util.List.of()));
    VariableIndex vars = new VariableIndex(p);
    // Values 1 (low) and 3 (high) of sold, as in Toys.oneBuyer.
    FamilyAssert.assertThat(new ExPostIcFamily(p, vars, IcKind.DSIC), vars)
        .hasRows(
            "ic-dsic[buyer:low->high]: 1 x[buyer=low|sold] - 1 x[buyer=high|sold] >= 0",
            "ic-dsic[buyer:high->low]: -3 x[buyer=low|sold] + 3 x[buyer=high|sold] >= 0");
  }

  @Test
  void rowsAreWrittenForZeroProbabilityProfilesToo() {
    Problem p = Toys.oneBuyer(Toys.q("0"), Toys.q("1"));
    VariableIndex vars = new VariableIndex(p);
    FamilyAssert.assertThat(new ExPostIcFamily(p, vars, IcKind.DSIC), vars).hasRowCount(2);
  }

  @Test
  void refusesBayesianIc() {
    Problem p = Toys.oneBuyer();
    VariableIndex vars = new VariableIndex(p);
    assertThatThrownBy(() -> new ExPostIcFamily(p, vars, IcKind.BIC))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bic");
  }
}
