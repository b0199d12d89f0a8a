package org.mechlp.solver.families;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.Problem;
import org.mechlp.model.TransferSpec;
import org.mechlp.solver.testing.Toys;

class BudgetFamilyTest {
  @Test
  void exPostWeakAtEveryProfile() {
    Problem p = Toys.publicProject();
    VariableIndex vars = new VariableIndex(p);
    BudgetFamily family = new BudgetFamily(p, vars);
    assertThat(family.id()).isEqualTo("budget-expost");
    // t_alice(θ) + t_bob(θ) - 3 x(build|θ) >= -0: build costs 3, skip costs 0 (omitted).
    FamilyAssert.assertThat(family, vars)
        .hasRows(
            "budget-expost[alice=low,bob=low]: -3 x[alice=low,bob=low|build]"
                + " + 1 t[alice=low,bob=low|alice] + 1 t[alice=low,bob=low|bob] >= 0",
            "budget-expost[alice=low,bob=high]: -3 x[alice=low,bob=high|build]"
                + " + 1 t[alice=low,bob=high|alice] + 1 t[alice=low,bob=high|bob] >= 0",
            "budget-expost[alice=high,bob=low]: -3 x[alice=high,bob=low|build]"
                + " + 1 t[alice=high,bob=low|alice] + 1 t[alice=high,bob=low|bob] >= 0",
            "budget-expost[alice=high,bob=high]: -3 x[alice=high,bob=high|build]"
                + " + 1 t[alice=high,bob=high|alice] + 1 t[alice=high,bob=high|bob] >= 0")
        .protectsAgents(-1, -1, -1, -1);
    assertThat(family.rows().get(1).describe())
        .isEqualTo(
            "Budget (ex post, weak): transfers cover the outcome's cost at alice=low, bob=high"
                + " (deficit at most 0)");
  }

  @Test
  void exPostStrongIsAnEqualityWithTheSubsidy() {
    Problem p = Toys.withBudget(Toys.publicProject(), BudgetKind.EX_POST_STRONG, "1/2");
    VariableIndex vars = new VariableIndex(p);
    BudgetFamily family = new BudgetFamily(p, vars);
    FamilyAssert.assertThat(family, vars)
        .hasRowCount(4)
        .containsRows(
            "budget-expost[alice=low,bob=low]: -3 x[alice=low,bob=low|build]"
                + " + 1 t[alice=low,bob=low|alice] + 1 t[alice=low,bob=low|bob] = -0.5");
    assertThat(family.rows().get(0).describe())
        .isEqualTo(
            "Budget (ex post, strong): transfers exactly cover the outcome's cost at alice=low, bob=low"
                + " (deficit exactly 0.5)");
  }

  @Test
  void exAnteWeighsEveryProfileByItsProbability() {
    Problem p = Toys.withBudget(Toys.publicProject(), BudgetKind.EX_ANTE, "1");
    VariableIndex vars = new VariableIndex(p);
    BudgetFamily family = new BudgetFamily(p, vars);
    assertThat(family.id()).isEqualTo("budget-exante");
    // sum_θ 1/4 [t_alice + t_bob - 3 x(build|θ)] >= -1: cost coefficients -3/4, transfer coefficients 1/4.
    FamilyAssert.assertThat(family, vars)
        .hasRows(
            "budget-exante: -0.75 x[alice=low,bob=low|build] - 0.75 x[alice=low,bob=high|build]"
                + " - 0.75 x[alice=high,bob=low|build] - 0.75 x[alice=high,bob=high|build]"
                + " + 0.25 t[alice=low,bob=low|alice] + 0.25 t[alice=low,bob=low|bob]"
                + " + 0.25 t[alice=low,bob=high|alice] + 0.25 t[alice=low,bob=high|bob]"
                + " + 0.25 t[alice=high,bob=low|alice] + 0.25 t[alice=high,bob=low|bob]"
                + " + 0.25 t[alice=high,bob=high|alice] + 0.25 t[alice=high,bob=high|bob] >= -1")
        .describesRows(
            "Budget (ex ante, weak): expected transfers cover the expected cost (deficit at most 1)");
  }

  @Test
  void exAnteStrongIsAnEquality() {
    Problem p = Toys.withBudget(Toys.oneBuyer(), BudgetKind.EX_ANTE_STRONG, "0");
    VariableIndex vars = new VariableIndex(p);
    // No outcome costs anything: f(low) t(low) + f(high) t(high) = 0 with f = 1/3, 2/3.
    FamilyAssert.assertThat(new BudgetFamily(p, vars), vars)
        .hasRows("budget-exante: 1/3 t[buyer=low|buyer] + 2/3 t[buyer=high|buyer] = 0");
  }

  @Test
  void withoutTransfersOnlyTheCostRemains() {
    Problem p =
        Toys.withTransfers(
            Toys.withBudget(Toys.publicProject(), BudgetKind.EX_POST_WEAK, "2"),
            new TransferSpec(false, List.of()));
    VariableIndex vars = new VariableIndex(p);
    FamilyAssert.assertThat(new BudgetFamily(p, vars), vars)
        .containsRows("budget-expost[alice=high,bob=high]: -3 x[alice=high,bob=high|build] >= -2");
  }

  @Test
  void refusesNoBudget() {
    Problem p = Toys.oneBuyer();
    VariableIndex vars = new VariableIndex(p);
    assertThatThrownBy(() -> new BudgetFamily(p, vars)).isInstanceOf(IllegalArgumentException.class);
  }
}
