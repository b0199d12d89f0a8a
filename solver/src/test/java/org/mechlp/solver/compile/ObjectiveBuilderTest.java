package org.mechlp.solver.compile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Fractions;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Problem;
import org.mechlp.model.TransferSpec;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.testing.Toys;

class ObjectiveBuilderTest {
  private static List<String> coefficients(Problem p) {
    return coefficients(ObjectiveBuilder.build(p, new VariableIndex(p)));
  }

  private static List<String> coefficients(LinearObjective objective) {
    return Arrays.stream(objective.coefficients()).map(Fractions::format).toList();
  }

  private static Problem project(Objective objective) {
    return Toys.withObjective(Toys.publicProject(), objective);
  }

  @Test
  void revenueWeighsTransfersByTheProfileProbability() {
    Problem p = Toys.oneBuyer();
    LinearObjective objective = ObjectiveBuilder.build(p, new VariableIndex(p));
    assertThat(objective.maximize()).isTrue();
    assertThat(objective.constant()).isEqualTo(BigFraction.ZERO);
    // Columns x[low|kept], x[low|sold], x[high|kept], x[high|sold], t[low], t[high]; f = 1/3, 2/3.
    assertThat(coefficients(objective)).containsExactly("0", "0", "0", "0", "1/3", "2/3");
  }

  @Test
  void welfareCountsValuesMinusCost() {
    // Public project columns: x(skip|θ), x(build|θ) for θ = ll, lh, hl, hh, then t_alice, t_bob per θ.
    // build: f(θ)(v_alice + v_bob - 3) = 1/4 (2-3), 1/4 (3-3), 1/4 (3-3), 1/4 (4-3); transfers cancel.
    assertThat(coefficients(Toys.publicProject()))
        .containsExactly(
            "0", "-0.25", "0", "0", "0", "0", "0", "0.25", "0", "0", "0", "0", "0", "0", "0", "0");
  }

  @Test
  void profitIsRevenueNetOfCost() {
    // build: -f(θ)·3 = -3/4; transfers f(θ) = 1/4.
    assertThat(coefficients(project(Objective.maximize(ObjectiveTerm.PROFIT))))
        .containsExactly(
            "0", "-0.75", "0", "-0.75", "0", "-0.75", "0", "-0.75",
            "0.25", "0.25", "0.25", "0.25", "0.25", "0.25", "0.25", "0.25");
    Objective revenueMinusCost =
        new Objective(true, Map.of(ObjectiveTerm.REVENUE, BigFraction.ONE, ObjectiveTerm.COST, BigFraction.MINUS_ONE));
    assertThat(coefficients(project(revenueMinusCost)))
        .isEqualTo(coefficients(project(Objective.maximize(ObjectiveTerm.PROFIT))));
  }

  @Test
  void costCanBeMinimized() {
    Problem p = project(new Objective(false, Map.of(ObjectiveTerm.COST, BigFraction.ONE)));
    LinearObjective objective = ObjectiveBuilder.build(p, new VariableIndex(p));
    assertThat(objective.maximize()).isFalse();
    // build: f(θ)·3 = 3/4 at every profile; transfers do not enter.
    assertThat(coefficients(objective))
        .containsExactly(
            "0", "0.75", "0", "0.75", "0", "0.75", "0", "0.75", "0", "0", "0", "0", "0", "0", "0", "0");
  }

  @Test
  void weightedSumOfAgentUtilityAndDesignerValue() {
    Objective objective =
        new Objective(
            true,
            Map.of(ObjectiveTerm.AGENT_UTILITY, BigFraction.ONE, ObjectiveTerm.DESIGNER, new BigFraction(2)));
    // build: 1/4 (v_alice + v_bob) + 2 · 1/4 · 1 (designer values build at 1):
    //   ll 1/2 + 1/2 = 1, lh 3/4 + 1/2 = 5/4, hl 5/4, hh 1 + 1/2 = 3/2; transfers -f(θ) = -1/4.
    assertThat(coefficients(project(objective)))
        .containsExactly(
            "0", "1", "0", "1.25", "0", "1.25", "0", "1.5",
            "-0.25", "-0.25", "-0.25", "-0.25", "-0.25", "-0.25", "-0.25", "-0.25");
  }

  @Test
  void statesAreSummedWithTheJointPrior() {
    // sum_ω f(θ,ω) v(sold,θ,ω): low 3/8·0 + 1/8·4 = 1/2, high 1/8·1 + 3/8·5 = 2.
    assertThat(coefficients(Toys.twoStates())).containsExactly("0", "0.5", "0", "2", "0", "0");
  }

  @Test
  void feasibilityObjectiveIsZero() {
    assertThat(coefficients(project(Objective.feasibility()))).containsOnly("0").hasSize(16);
  }

  @Test
  void withoutTransfersThereAreNoTransferColumns() {
    Problem p =
        Toys.withTransfers(
            Toys.withObjective(Toys.oneBuyer(), Objective.maximize(ObjectiveTerm.AGENT_UTILITY)),
            new TransferSpec(false, List.of()));
    // Only x columns; values f(θ) v(θ): low 1/3·1, high 2/3·3 = 2.
    assertThat(coefficients(p)).containsExactly("0", "1/3", "0", "2");
  }
}
