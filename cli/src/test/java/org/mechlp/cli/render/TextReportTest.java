package org.mechlp.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.Verification;

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
        .contains("2 of them priced (non-zero dual), listed below")
        .contains("... and 1 more priced binding rows");
  }

  @Test
  void bindingRowsWithoutAPriceAreCountedNotListed() throws Exception {
    SolveReport priced = Reports.priceTwo(Reports.postedPrice());
    Verification v = priced.verification();
    List<RowCheck> unpriced =
        v.binding().stream()
            .map(r -> new RowCheck(r.family(), r.rowName(), r.description(), r.agent(), r.amount(), null, 0.0,
                r.sense()))
            .toList();
    Verification zeroDuals =
        new Verification(v.maxViolation(), v.worstRow(), v.rowsChecked(), false, null, List.of(), 0, unpriced,
            v.bindingCountByFamily(), v.objectiveRecomputed(), v.tolerance());
    SolveReport report =
        new SolveReport(priced.problem(), priced.status(), priced.objective(), priced.mechanism(), priced.size(),
            priced.interim(), zeroDuals, priced.solverName(), 0, 0, 0, "");

    String text = new TextReport(200).solve(report);

    // The three binding rows of the fixture, all with dual 0.
    assertThat(text).contains("3 rows bind, none is priced").doesNotContain("relax by 1");
  }

  @Test
  void aFloatingPointAnswerSaysSo() throws Exception {
    String text = new TextReport(200).solve(Reports.priceTwo(Reports.postedPrice()));

    assertThat(text).contains("arithmetic    floating point, verified within 1e-6");
  }
}
