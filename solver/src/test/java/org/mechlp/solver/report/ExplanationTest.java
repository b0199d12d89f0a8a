package org.mechlp.solver.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.testing.Toys;

/** Shadow prices in words, on a one-buyer problem whose binding IR dual is unique and derived by hand. */
class ExplanationTest {
  /**
   * One buyer, value 1 with probability 3/4 or 3 with probability 1/4, BIC, interim IR, revenue. Myerson: the low
   * type's virtual value 1 - (3 - 1)(1/4)/(3/4) = 1/3 is positive, so both types buy at price 1 and revenue is 1.
   * By hand (Lagrangian, multipliers l >= 0 on the >= rows): stationarity in t_low and t_high gives
   * 3/4 - l_irLow + l_icHigh - l_icLow = 0 and 1/4 - l_icHigh + l_icLow - l_irHigh = 0, and the high type's IR is slack
   * (utility 2), so l_irHigh = 0 and l_irLow = 3/4 + 1/4 = 1: the IC multipliers are not unique, the low type's IR
   * multiplier is. Lowering the low type's outside option by 1 lets both types pay 1 more: revenue rises by 1.
   */
  private static Problem buyerServedAtBothTypes() {
    return Toys.oneBuyer(Toys.q("3/4"), Toys.q("1/4"));
  }

  @Test
  void theLowTypesIrShadowPriceIsOneUnitOfRevenue() {
    Problem problem = buyerServedAtBothTypes();
    SolveReport report = MechanismSolver.solve(problem, SolveOptions.defaults());
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(1, within(1e-9));

    Explanation explanation = Explanation.of(problem, report.verification());

    Explanation.ShadowPrice irLow =
        explanation.shadowPrices().stream()
            .filter(p -> p.row().family().equals("ir-interim") && p.row().description().contains("low"))
            .findFirst()
            .orElseThrow();
    assertThat(irLow.row().sense()).isEqualTo(Sense.GE);
    assertThat(irLow.row().dual()).isCloseTo(-1, within(1e-9));
    assertThat(irLow.effect()).isCloseTo(1, within(1e-9));
    assertThat(irLow.sentence()).isEqualTo("lowering this outside option by 1 raises revenue by 1");
    assertThat(explanation.summary()).contains("IR (interim) [ir-interim]: 1 row binds");
    assertThat(explanation.summary()).anyMatch(line -> line.startsWith("IC (Bayesian) [ic-bic]: "));
  }

  @Test
  void everyShadowPriceOfAMaximizationIsANonNegativeEffectOfRelaxing() {
    // Relaxing a constraint can only enlarge the feasible set, so a maximum cannot fall: every inequality's effect
    // of relaxing is >= 0 (up to the solver's dual tolerance), whatever the sign convention of its row.
    Problem problem = Toys.twoBidders();
    SolveReport report = MechanismSolver.solve(problem, SolveOptions.defaults());
    Explanation explanation = Explanation.of(problem, report.verification());

    assertThat(explanation.shadowPrices()).isNotEmpty();
    assertThat(explanation.shadowPrices())
        .filteredOn(p -> p.row().sense() != Sense.EQ)
        .allSatisfy(p -> assertThat(p.effect()).isGreaterThanOrEqualTo(-1e-9));
  }

  @Test
  void aBudgetThatDoesNotBindIsSaidToBeSlack() {
    // Revenue maximization already collects money (revenue 1 above), so an ex ante budget constraint
    // E[sum of transfers] >= 0 cannot bind.
    Problem problem = Toys.withBudget(buyerServedAtBothTypes(), BudgetKind.EX_ANTE, "0");
    SolveReport report = MechanismSolver.solve(problem, SolveOptions.defaults());

    Explanation explanation = Explanation.of(problem, report.verification());

    assertThat(explanation.summary()).contains("budget (exante): does not bind; the mechanism runs a surplus");
  }

  @Test
  void anEqualityIsPricedPerUnitOfItsRightHandSide() {
    RowCheck equality = new RowCheck("budget-expost", "b[p]", "Budget", -1, 0, null, 0.5, Sense.EQ);
    RowCheck lessOrEqual = new RowCheck("x", "x[0]", "X", -1, 0, null, 0.5, Sense.LE);
    RowCheck greaterOrEqual = new RowCheck("x", "x[1]", "X", -1, 0, null, -0.5, Sense.GE);

    assertThat(equality.relaxationEffect()).isNull();
    assertThat(lessOrEqual.relaxationEffect()).isEqualTo(0.5);
    assertThat(greaterOrEqual.relaxationEffect()).isEqualTo(0.5);
  }
}
