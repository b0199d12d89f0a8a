package org.mechlp.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Problem;
import org.mechlp.solver.calibrated.CalibratedReport;

class CalibratedTextReportTest {
  private static final Objective REVENUE = Objective.maximize(ObjectiveTerm.REVENUE);

  private static String render(CalibratedReport report) {
    return new CalibratedTextReport(200).render(report);
  }

  private static CalibrationSpec mode(CalibrationSpec.Disclosure disclosure, List<String> names,
      List<List<BigFraction>> signal) {
    return new CalibrationSpec(disclosure, names, signal, 20, 12, true, true, false);
  }

  @Test
  void headerSaysExactWhyModeSizeTimesAndNote() {
    String text = render(CalibratedReports.exampleCOptimum());
    assertThat(text)
        .startsWith("mechlp solve: calibrated-example-c (calibrated mechanism)\n")
        .containsPattern("status +OPTIMAL\n")
        // 1.625: docs/THEORY.md, Calibrated examples, example C at prior 1/2; the report's 1.6250000000000002 is solver
        // noise.
        .containsPattern("objective +1.625 \\(exact\\), maximize revenue\n")
        .containsPattern("exactness +exact: equals the standard BIC bound")
        .containsPattern(
            "disclosure +optimal \\(posterior grid 1/20, extra posteriors with denominators up to 12, adaptive")
        .containsPattern("posteriors +31 candidates, 2 used\n")
        .containsPattern("constraints +IC bic, IR interim, budget none\n")
        .containsPattern("LP +170 rows, 155 columns, 600 non-zeros\n")
        .containsPattern("times +compile 4 ms, solve 12.3 ms, verify 1 ms\n")
        .containsPattern("verification +largest violation 0 over 40 rows")
        .containsPattern("note +refined the grid around the used posteriors 1 time");
  }

  @Test
  void benchmarksBracketTheValueAndShowTheGap() {
    String text = render(CalibratedReports.exampleCOptimum());
    // docs/THEORY.md, Calibrated examples, example C at 1/2: standard 1.625, full 1.25, none 1.5; 1.625 -
    // 1.6250000000000002 prints as 0.
    assertThat(text)
        .contains("Benchmarks (maximize revenue)\n")
        .containsPattern("this answer \\(exact\\) +1.625\n")
        .containsPattern("standard BIC optimum \\(upper bound, docs/THEORY.md P4\\) +1.625\n")
        .containsPattern("full transparency +1.25\n")
        .containsPattern("no disclosure +1.5\n")
        .containsPattern("gap to the standard BIC optimum +0\n");
  }

  @Test
  void signalStructureHasOneRowPerSignalAndOneColumnPerState() {
    String text = render(CalibratedReports.exampleCOptimum());
    // pi(s | w) derived in CalibratedReports.exampleCOptimum: s1 = (1/2, 0), s2 = (1/2, 1).
    assertThat(text)
        .contains("Signal structure pi(signal | state)\n")
        .containsPattern("signal +probability +state 0 +state 1\n")
        .containsPattern("s1 +0.25 +0.5 +0\n")
        .containsPattern("s2 +0.75 +0.5 +1\n");
  }

  @Test
  void eachSignalShowsItsPosteriorAndItsRulePerType() {
    String text = render(CalibratedReports.exampleCOptimum());
    // Posterior 0 on state 1: price 3, only t0 buys; posterior 2/3: both types pay 5/3 (docs/THEORY.md, Calibrated
    // examples, example C).
    assertThat(text)
        .contains("Signal s1: probability 0.25, posterior over (0, 1) = (1, 0)\n")
        .containsPattern("t0 +buyer: 1 +3\n")
        .containsPattern("t1 +none: 1 +0\n")
        .contains("Signal s2: probability 0.75, posterior over (0, 1) = (1/3, 2/3)\n")
        .containsPattern("t1 +buyer: 1 +1.666667\n")
        .doesNotContain("none: 0")
        .doesNotContain("-0");
  }

  @Test
  void aGridValueIsCalledALowerBoundAndTheGapIsPositive() {
    CalibratedReport report =
        CalibratedReports.exampleCOptimum(
            CalibratedReports.exampleC(), false, "lower bound: the best two-stage mechanism over 31 candidates");
    CalibratedReport lower = withObjective(report, 1.6);
    String text = render(lower);
    // Gap = standard bound 1.625 - value 1.6.
    assertThat(text)
        .containsPattern("objective +1.6 \\(lower bound\\), maximize revenue\n")
        .containsPattern("this answer \\(lower bound\\) +1.6\n")
        .containsPattern("gap to the standard BIC optimum +0.025\n");
  }

  @Test
  void whenMinimizingTheStandardOptimumIsALowerBound() {
    Problem problem =
        CalibratedReports.exampleC(
            CalibrationSpec.optimal(), new Objective(false, Map.of(ObjectiveTerm.REVENUE, BigFraction.ONE)), true);
    CalibratedReport report = withObjective(CalibratedReports.exampleCOptimum(problem, false, "upper bound"), 1.7);
    String text = render(report);
    // Minimizing, the gap is value - standard bound = 1.7 - 1.625.
    assertThat(text)
        .containsPattern("objective +1.7 \\(upper bound\\), minimize revenue\n")
        .containsPattern("standard BIC optimum \\(lower bound, docs/THEORY.md P4\\) +1.625\n")
        .containsPattern("gap to the standard BIC optimum +0.075\n");
  }

  @Test
  void everyDisclosureModeIsDescribed() {
    BigFraction half = new BigFraction(1, 2);
    String[][] cases = {
      {"FULL", "full transparency \\(the state is revealed\\)"},
      {"NONE", "none \\(one rule for the prior\\)"},
      {"FIXED", "fixed signal structure \\(signals low, high\\)"}
    };
    for (String[] c : cases) {
      CalibrationSpec.Disclosure disclosure = CalibrationSpec.Disclosure.valueOf(c[0]);
      CalibrationSpec spec =
          disclosure == CalibrationSpec.Disclosure.FIXED
              ? mode(disclosure, List.of("low", "high"), List.of(List.of(half, half), List.of(half, half)))
              : mode(disclosure, List.of(), List.of());
      Problem problem = CalibratedReports.exampleC(spec, REVENUE, true);
      String text = render(CalibratedReports.exampleCOptimum(problem, true, "exact for the given mode"));
      assertThat(text).as(c[0]).containsPattern("disclosure +" + c[1] + "\n");
    }
  }

  @Test
  void withoutTransfersThereIsNoPaymentColumn() {
    Problem problem = CalibratedReports.exampleC(CalibrationSpec.optimal(), REVENUE, false);
    String text = render(CalibratedReports.exampleCOptimum(problem, true, "exact"));
    assertThat(text).doesNotContain("pays").containsPattern("t0 +buyer: 1\n");
  }

  @Test
  void anInfeasibleSolvePrintsDashesAndNoSignals() {
    String text = render(CalibratedReports.infeasible(CalibratedReports.exampleC()));
    assertThat(text)
        .containsPattern("status +INFEASIBLE\n")
        .containsPattern("objective +- \\(maximize revenue\\)\n")
        .containsPattern("this answer +-\n")
        .containsPattern("full transparency +-\n")
        .containsPattern("gap to the standard BIC optimum +-\n")
        .containsPattern("posteriors +31 candidates, 0 used\n")
        .doesNotContain("Signal structure")
        .doesNotContain("verification");
  }

  @Test
  void maxRowsCapsSignalsAndTypes() {
    String text = new CalibratedTextReport(1).render(CalibratedReports.exampleCOptimum());
    assertThat(text)
        .contains("Signal s1:")
        .doesNotContain("Signal s2:")
        .contains("... and 1 more signals")
        .contains("... and 1 more types");
  }

  private static CalibratedReport withObjective(CalibratedReport r, double objective) {
    return new CalibratedReport(
        r.problem(),
        r.status(),
        objective,
        r.exact(),
        r.exactness(),
        r.signals(),
        r.signalStructure(),
        r.fullTransparency(),
        r.noDisclosure(),
        r.standardBound(),
        r.size(),
        r.candidatePosteriors(),
        r.verification(),
        r.solverName(),
        r.compileNanos(),
        r.solveNanos(),
        r.verifyNanos(),
        r.message());
  }
}
