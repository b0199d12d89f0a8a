package org.mechlp.solver.families;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.solver.testing.Toys;

class BicFamilyTest {
  @Test
  void oneBuyerRowsWeighTheOnlyProfileByOne() {
    Problem p = Toys.oneBuyer();
    VariableIndex vars = new VariableIndex(p);
    BicFamily family = new BicFamily(p, vars);
    assertThat(family.isIncentiveConstraint()).isTrue();
    // One agent: f(θ)/f_i(θ_i) = 1, so the rows are v(θ) [x(sold|θ) - x(sold|θ')] - t(θ) + t(θ') >= 0
    // with v(low) = 1, v(high) = 3; kept is worth 0 and omitted.
    FamilyAssert.assertThat(family, vars)
        .hasRows(
            "ic-bic[buyer:low->high]: 1 x[buyer=low|sold] - 1 x[buyer=high|sold]"
                + " - 1 t[buyer=low|buyer] + 1 t[buyer=high|buyer] >= 0",
            "ic-bic[buyer:high->low]: -3 x[buyer=low|sold] + 3 x[buyer=high|sold]"
                + " + 1 t[buyer=low|buyer] - 1 t[buyer=high|buyer] >= 0")
        .describesRows(
            "IC (Bayesian): buyer of type low must not gain in expectation by reporting high",
            "IC (Bayesian): buyer of type high must not gain in expectation by reporting low")
        .protectsAgents(0, 0);
  }

  @Test
  void correlatedBeliefsWeighTheOthersTypes() {
    Problem p = Toys.correlatedPair();
    VariableIndex vars = new VariableIndex(p);
    // f_i(θ_i) = 1/2 for every type; f(θ)/f_i(θ_i) = (1/3)/(1/2) = 2/3 when both types agree and
    // (1/6)/(1/2) = 1/3 otherwise. Bidder i's term on its own win is weight * v_i(θ_i), v = 1 (low), 2 (high):
    // bidder1 low->high:  x(bidder1|ll) 2/3·1, x(bidder1|lh) 1/3·1, minus the same at the lies hl, hh; transfers
    //                     -2/3 t(ll), -1/3 t(lh), +2/3 t(hl), +1/3 t(hh).
    // bidder1 high->low:  truths hl (1/3) and hh (2/3) with value 2: +2/3 x(hl), +4/3 x(hh), -2/3 x(ll), -4/3 x(lh).
    // bidder2 mirrors this with truths ll, hl (low) and lh, hh (high).
    FamilyAssert.assertThat(new BicFamily(p, vars), vars)
        .hasRows(
            "ic-bic[bidder1:low->high]: 2/3 x[bidder1=low,bidder2=low|bidder1]"
                + " + 1/3 x[bidder1=low,bidder2=high|bidder1] - 2/3 x[bidder1=high,bidder2=low|bidder1]"
                + " - 1/3 x[bidder1=high,bidder2=high|bidder1] - 2/3 t[bidder1=low,bidder2=low|bidder1]"
                + " - 1/3 t[bidder1=low,bidder2=high|bidder1] + 2/3 t[bidder1=high,bidder2=low|bidder1]"
                + " + 1/3 t[bidder1=high,bidder2=high|bidder1] >= 0",
            "ic-bic[bidder1:high->low]: -2/3 x[bidder1=low,bidder2=low|bidder1]"
                + " - 4/3 x[bidder1=low,bidder2=high|bidder1] + 2/3 x[bidder1=high,bidder2=low|bidder1]"
                + " + 4/3 x[bidder1=high,bidder2=high|bidder1] + 1/3 t[bidder1=low,bidder2=low|bidder1]"
                + " + 2/3 t[bidder1=low,bidder2=high|bidder1] - 1/3 t[bidder1=high,bidder2=low|bidder1]"
                + " - 2/3 t[bidder1=high,bidder2=high|bidder1] >= 0",
            "ic-bic[bidder2:low->high]: 2/3 x[bidder1=low,bidder2=low|bidder2]"
                + " - 2/3 x[bidder1=low,bidder2=high|bidder2] + 1/3 x[bidder1=high,bidder2=low|bidder2]"
                + " - 1/3 x[bidder1=high,bidder2=high|bidder2] - 2/3 t[bidder1=low,bidder2=low|bidder2]"
                + " + 2/3 t[bidder1=low,bidder2=high|bidder2] - 1/3 t[bidder1=high,bidder2=low|bidder2]"
                + " + 1/3 t[bidder1=high,bidder2=high|bidder2] >= 0",
            "ic-bic[bidder2:high->low]: -2/3 x[bidder1=low,bidder2=low|bidder2]"
                + " + 2/3 x[bidder1=low,bidder2=high|bidder2] - 4/3 x[bidder1=high,bidder2=low|bidder2]"
                + " + 4/3 x[bidder1=high,bidder2=high|bidder2] + 1/3 t[bidder1=low,bidder2=low|bidder2]"
                + " - 1/3 t[bidder1=low,bidder2=high|bidder2] + 2/3 t[bidder1=high,bidder2=low|bidder2]"
                + " - 2/3 t[bidder1=high,bidder2=high|bidder2] >= 0")
        .protectsAgents(0, 0, 1, 1);
  }

  @Test
  void independentTypesWeighByTheOthersPrior() {
    Problem p = Toys.twoBidders();
    VariableIndex vars = new VariableIndex(p);
    // Independent types: f(θ)/f_1(θ_1) = f_2(θ_2), 1/4 for low and 3/4 for high. bidder1 low->high, value 1.
    FamilyAssert.assertThat(new BicFamily(p, vars), vars)
        .hasRowCount(4)
        .containsRows(
            "ic-bic[bidder1:low->high]: 0.25 x[bidder1=low,bidder2=low|bidder1]"
                + " + 0.75 x[bidder1=low,bidder2=high|bidder1] - 0.25 x[bidder1=high,bidder2=low|bidder1]"
                + " - 0.75 x[bidder1=high,bidder2=high|bidder1] - 0.25 t[bidder1=low,bidder2=low|bidder1]"
                + " - 0.75 t[bidder1=low,bidder2=high|bidder1] + 0.25 t[bidder1=high,bidder2=low|bidder1]"
                + " + 0.75 t[bidder1=high,bidder2=high|bidder1] >= 0");
  }

  @Test
  void stateIsAveragedWithTheJointPrior() {
    Problem p = Toys.twoStates();
    VariableIndex vars = new VariableIndex(p);
    // sum_ω f(θ,ω) v(sold,θ,ω) / f(θ): low (3/8·0 + 1/8·4)/(1/2) = 1, high (1/8·1 + 3/8·5)/(1/2) = 4.
    FamilyAssert.assertThat(new BicFamily(p, vars), vars)
        .hasRows(
            "ic-bic[buyer:low->high]: 1 x[buyer=low|sold] - 1 x[buyer=high|sold]"
                + " - 1 t[buyer=low|buyer] + 1 t[buyer=high|buyer] >= 0",
            "ic-bic[buyer:high->low]: -4 x[buyer=low|sold] + 4 x[buyer=high|sold]"
                + " + 1 t[buyer=low|buyer] - 1 t[buyer=high|buyer] >= 0");
  }

  @Test
  void zeroProbabilityTypesHaveNoRows() {
    Problem p = Toys.oneBuyer(Toys.q("0"), Toys.q("1"));
    VariableIndex vars = new VariableIndex(p);
    // Only high (probability 1) is constrained; low's weighted row would be 0 >= 0.
    FamilyAssert.assertThat(new BicFamily(p, vars), vars)
        .hasRows(
            "ic-bic[buyer:high->low]: -3 x[buyer=low|sold] + 3 x[buyer=high|sold]"
                + " + 1 t[buyer=low|buyer] - 1 t[buyer=high|buyer] >= 0");
  }
}
