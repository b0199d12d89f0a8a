package org.mechlp.solver.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.diagnose.InfeasibilityReport.ConflictFamily;
import org.mechlp.solver.diagnose.InfeasibilityReport.Relaxation;
import org.mechlp.solver.diagnose.InfeasibilityReport.RelaxationKind;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.options.DiagnoseOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;

/**
 * instances/bilateral-trade-ms.json (10-point grids, efficient trade, BIC + interim IR + ex ante budget) is
 * infeasible; the diagnosis names the three families, an irreducible row set, and the least subsidy 1/12.
 */
class MyersonSatterthwaiteDiagnosisTest {
  private static Problem problem;
  private static InfeasibilityReport report;

  @BeforeAll
  static void diagnose() throws Exception {
    problem = ProblemReader.read(Path.of(System.getProperty("instances.dir"), "bilateral-trade-ms.json"));
    report =
        InfeasibilityDiagnosis.diagnose(problem, SolveOptions.defaults(), DiagnoseOptions.defaults()).orElseThrow();
  }

  @Test
  void theConflictIsIcIrAndBudget() {
    // Myerson-Satterthwaite: each pair is compatible (drop BIC: the designer can charge the buyer his value;
    // drop IR: charge a large entry fee; drop the budget: the pivot mechanism), all three together are not.
    assertThat(report.families())
        .extracting(ConflictFamily::id)
        .containsExactly("ic-bic", "ir-interim", "budget-exante");
    assertThat(report.givenFamilies())
        .extracting(ConflictFamily::id)
        .containsExactly("feasibility", "fixed-allocation");
  }

  @Test
  void theLeastSubsidyIsOneTwelfth() {
    // Closed form in instances/bilateral-trade-subsidy.json: threshold payments give the largest budget surplus
    // (1/9) sum_{d=1..9} (10-d)(2-d) / 100 = -1/12 of an efficient BIC interim-IR mechanism, so the least expected
    // subsidy is 1/12 (docs/THEORY.md, Classical results: -1/12 on this 10-point grid).
    Relaxation budget =
        report.relaxations().stream().filter(r -> r.kind() == RelaxationKind.BUDGET).findFirst().orElseThrow();
    assertThat(budget.value()).isCloseTo(1.0 / 12, within(1e-9));
    assertThat(budget.exact()).isEqualTo(new BigFraction(1, 12));
    assertThat(budget.words()).startsWith("needs an expected subsidy of at least 1/12");
  }

  @Test
  void theRowSetIsIrreducibleAndReallyInfeasible() {
    assertThat(report.rowSet()).isEqualTo(InfeasibilityReport.RowSet.IRREDUCIBLE);
    assertThat(report.rows()).isNotEmpty();
    // The budget row must be among them (without it, transfers could be anything), and so must IR rows.
    assertThat(report.rows()).anyMatch(r -> r.family().equals("budget-exante"));
    assertThat(report.rows()).anyMatch(r -> r.family().equals("ir-interim"));
    // Re-solve: the named rows with the definition's rows are infeasible, and removing any one makes them feasible.
    LinearProgram lp = LpCompiler.compile(problem).lp();
    FeasibilityOracle oracle =
        new FeasibilityOracle(
            lp, new OrToolsLpSolver(), SolveOptions.defaults(), 2, System.nanoTime() + 60_000_000_000L);
    List<String> names = report.rows().stream().map(InfeasibilityReport.ConflictRow::name).toList();
    assertThat(oracle.test(RowsByName.select(lp, names))).isEqualTo(FeasibilityOracle.Verdict.INFEASIBLE);
    for (String dropped : names) {
      List<String> rest = new ArrayList<>(names);
      rest.remove(dropped);
      assertThat(oracle.test(RowsByName.select(lp, rest))).as("without %s", dropped)
          .isEqualTo(FeasibilityOracle.Verdict.FEASIBLE);
    }
  }

  @Test
  void theLeastIrShortfallIsOneTwentyFourth() {
    // Hand derivation from the subsidy 1/12: lowering every outside option by s lets each of the two agents pay s
    // more (add s to all its transfers: IC rows are unchanged, each IR row moves by exactly s), so the best budget
    // surplus becomes -1/12 + 2s; conversely subtracting s from each agent's transfers maps any mechanism feasible
    // with outside options -s to one feasible with 0, so the surplus cannot exceed -1/12 + 2s. Least s = 1/24.
    Relaxation ir =
        report.relaxations().stream().filter(r -> r.kind() == RelaxationKind.IR).findFirst().orElseThrow();
    assertThat(ir.value()).isCloseTo(1.0 / 24, within(1e-9));
    assertThat(ir.words()).startsWith("IR (interim) must be relaxed by at least 1/24 for every type");
  }

  @Test
  void relaxingIrOrIcAloneAlsoRestoresFeasibility() {
    assertThat(report.relaxations()).extracting(Relaxation::kind)
        .containsExactly(RelaxationKind.IC, RelaxationKind.IR, RelaxationKind.BUDGET);
    for (Relaxation r : report.relaxations()) {
      assertThat(r.value()).as(r.words()).isNotNull().isPositive();
    }
  }
}
