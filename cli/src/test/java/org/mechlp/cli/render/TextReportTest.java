package org.mechlp.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;

class TextReportTest {
  @Test
  void headerCarriesStatusObjectiveSizeTimesAndSolver() throws Exception {
    Problem problem = Reports.postedPrice();
    String text = new TextReport(200).solve(Reports.priceTwo(problem));
    assertThat(text)
        .startsWith("mechlp solve: posted-price\n")
        .containsPattern("status +OPTIMAL")
        .containsPattern("objective +1 \\(maximize revenue\\)")
        .containsPattern("LP +7 rows, 6 columns, 14 non-zeros")
        .containsPattern("times +compile 3.1 ms, solve 2.4 ms, verify 1.3 ms")
        .containsPattern("solver +Glop solver v9.14.6206")
        .containsPattern("verification +largest violation 0 over 7 rows \\(tolerance 1e-6\\)");
  }

  @Test
  void profileRowsShowOnlyPositiveOutcomesAndCleanPayments() throws Exception {
    String text = new TextReport(200).solve(Reports.priceTwo(Reports.postedPrice()));
    assertThat(text).containsPattern("buyer=low +none: 1 +0\n");
    assertThat(text).containsPattern("buyer=high +buyer: 1 +2\n");
    // The payment -0.0 prints as 0 (duals such as -0.5 may print a sign).
    assertThat(text).doesNotContainPattern("-0(\\s|$)");
  }

  @Test
  void interimRowsShowProbabilityLotteryPaymentAndUtility() throws Exception {
    String text = new TextReport(200).solve(Reports.priceTwo(Reports.postedPrice()));
    assertThat(text).containsPattern("buyer +high +0.5 +buyer: 1 +2 +0\n");
  }

  @Test
  void bindingRowsAreCountedPerFamilyAndListedWithDuals() throws Exception {
    String text = new TextReport(200).solve(Reports.priceTwo(Reports.postedPrice()));
    assertThat(text)
        .contains("Binding constraints (3 rows")
        .contains("IC (dominant strategy) [ic-dsic]: 1 row binds\n")
        .contains("IR (ex post) [ir-expost]: 2 rows bind\n")
        .containsPattern("ic\\[buyer:high->low\\] +buyer +-0.5 +\\+0.5 +IC: buyer of type high would report low")
        .contains("dual = change of the optimal objective")
        .contains("relax by 1 = its change, at the margin");
  }

  @Test
  void theLargestShadowPricesAreSpelledOutAndZeroOnesAreNot() throws Exception {
    String text = new TextReport(200).solve(Reports.priceTwo(Reports.postedPrice()));
    assertThat(text)
        .contains("What the largest shadow prices mean")
        .contains("  - IC: buyer of type high would report low:\n      letting this misreport gain 1 raises revenue by 0.5")
        .doesNotContain("IR: buyer of type low:\n");
  }

  @Test
  void maxRowsCapsEveryTableAndSaysHowManyAreLeft() throws Exception {
    String text = new TextReport(1).solve(Reports.priceTwo(Reports.postedPrice()));
    assertThat(text)
        .contains("... and 1 more profiles")
        .contains("... and 1 more types")
        .contains("... and 2 more binding rows");
  }
}
