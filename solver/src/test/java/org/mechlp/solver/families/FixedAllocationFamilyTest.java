package org.mechlp.solver.families;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.solver.testing.Toys;

class FixedAllocationFamilyTest {
  @Test
  void pinsEveryProbability() {
    Problem p = Toys.withFixedAllocation(Toys.oneBuyer(), new String[][] {{"1", "0"}, {"1/2", "1/2"}});
    VariableIndex vars = new VariableIndex(p);
    FamilyAssert.assertThat(new FixedAllocationFamily(p, vars), vars)
        .hasRows(
            "fixed-allocation[buyer=low|kept]: 1 x[buyer=low|kept] = 1",
            "fixed-allocation[buyer=low|sold]: 1 x[buyer=low|sold] = 0",
            "fixed-allocation[buyer=high|kept]: 1 x[buyer=high|kept] = 0.5",
            "fixed-allocation[buyer=high|sold]: 1 x[buyer=high|sold] = 0.5")
        .describesRows(
            "Fixed allocation: outcome kept has probability 1 at buyer=low",
            "Fixed allocation: outcome sold has probability 0 at buyer=low",
            "Fixed allocation: outcome kept has probability 0.5 at buyer=high",
            "Fixed allocation: outcome sold has probability 0.5 at buyer=high")
        .protectsAgents(-1, -1, -1, -1);
  }

  @Test
  void needsAFixedAllocation() {
    Problem p = Toys.oneBuyer();
    VariableIndex vars = new VariableIndex(p);
    assertThatThrownBy(() -> new FixedAllocationFamily(p, vars))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("one-buyer");
  }
}
