package org.mechlp.solver.custom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mechlp.model.Problem;
import org.mechlp.model.ProblemFile;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.diagnose.InfeasibilityDiagnosis;
import org.mechlp.solver.diagnose.InfeasibilityReport;
import org.mechlp.solver.diagnose.InfeasibilityReport.ConflictFamily;
import org.mechlp.solver.diagnose.InfeasibilityReport.ConflictRow;
import org.mechlp.solver.diagnose.InfeasibilityReport.Relaxation;
import org.mechlp.solver.diagnose.InfeasibilityReport.RelaxationKind;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.exact.ExactSolver.ExactSolveReport;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.options.DiagnoseOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.Explanation;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * The shipped custom-constraint instances (instances/constraints): each solves to its hand-derived expectation, the
 * binding custom row carries its hand-derived shadow price (also exactly, with --exact), why-infeasible names the
 * custom row and its least relaxation, check evaluates the custom row, and every strategy either honours the row
 * or refuses.
 */
class CustomConstraintInstancesTest {
  private static final Path DIR = Path.of(System.getProperty("instances.dir"), "constraints");

  static List<Path> instances() throws IOException {
    try (Stream<Path> files = Files.list(DIR)) {
      List<Path> list = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertThat(list).as("instances in %s", DIR).isNotEmpty();
      return list;
    }
  }

  private static Problem read(String name) throws Exception {
    return ProblemReader.read(DIR.resolve(name + ".json"));
  }

  @ParameterizedTest
  @MethodSource("instances")
  void solvesToItsExpectation(Path file) throws Exception {
    ProblemFile read = ProblemReader.readFile(file);
    assertThat(read.problem().mechanism().constraints()).isNotEmpty();
    SolveReport report = MechanismSolver.solve(read.problem(), SolveOptions.defaults());
    assertThat(report.status()).as(read.expectation().source())
        .isEqualTo(SolveStatus.valueOf(read.expectation().status()));
    if (read.expectation().objective() != null) {
      assertThat(report.objective()).as(read.expectation().source())
          .isCloseTo(read.expectation().objective().doubleValue(), within(read.expectation().tolerance()));
    }
  }

  /**
   * sell-often: revenue 2 + b for the cap b on P(unsold) in [0, 1/4] (the instance's description, from Myerson's
   * virtual values -1 and 3), so at b = 1/8 the custom row binds with the unique dual d revenue / d b = 1.
   */
  @Test
  void theBindingCustomRowHasItsHandDerivedShadowPrice() throws Exception {
    Problem problem = read("sell-often");
    SolveReport report = MechanismSolver.solve(problem, SolveOptions.defaults());
    assertThat(report.objective()).isCloseTo(17.0 / 8, within(1e-9));
    assertThat(report.verification().bindingCountByFamily()).containsEntry("custom", 1L);
    RowCheck row = report.verification().binding().stream()
        .filter(r -> r.rowName().equals("custom[sell-often]")).findFirst().orElseThrow();
    assertThat(row.dual()).isCloseTo(1.0, within(1e-9));
    assertThat(row.relaxationEffect()).isCloseTo(1.0, within(1e-9));
    Explanation explanation = Explanation.of(problem, report.verification());
    assertThat(explanation.summary()).contains("custom constraints [custom]: 1 row binds");
    assertThat(explanation.shadowPrices()).anySatisfy(p -> {
      assertThat(p.row().rowName()).isEqualTo("custom[sell-often]");
      assertThat(p.sentence()).isEqualTo("loosening this constraint's constant by 1 raises revenue by 1");
    });
  }

  @Test
  void exactCertificationProvesTheValueAndTheDual() throws Exception {
    ExactSolveReport exact = ExactSolver.solve(read("sell-often"), SolveOptions.defaults());
    assertThat(exact.certification().certified()).as(exact.certification().reason()).isTrue();
    assertThat(exact.certification().objective()).isEqualTo(new BigFraction(17, 8));
    BigFraction[] duals = exact.certification().certificate().duals();
    // The custom family comes last in the LP and has one row.
    assertThat(exact.compiled().lp().families()).last().extracting(f -> f.id()).isEqualTo("custom");
    assertThat(duals[duals.length - 1]).isEqualTo(BigFraction.ONE);
  }

  /** revenue-target: the instance's description derives the least IR shortfall, custom loosening (1/4) and IC epsilon (1). */
  @Test
  void whyInfeasibleNamesTheCustomRowAndItsLeastLoosening() throws Exception {
    InfeasibilityReport report = InfeasibilityDiagnosis.diagnoseExact(
        read("revenue-target"), SolveOptions.defaults(), DiagnoseOptions.defaults()).orElseThrow();
    assertThat(report.families()).extracting(ConflictFamily::id)
        .containsExactlyInAnyOrder("ic-dsic", "ir-expost", "custom");
    assertThat(report.rows()).extracting(ConflictRow::name).contains("custom[revenue-target]");
    Relaxation custom = relaxation(report, RelaxationKind.CUSTOM);
    assertThat(custom.certified()).as(custom.words()).isTrue();
    assertThat(custom.exact()).isEqualTo(new BigFraction(1, 4));
    assertThat(custom.words()).startsWith("the custom constraints' constants must move by at least 0.25 (certified)");
    assertThat(relaxation(report, RelaxationKind.IR).exact()).isEqualTo(new BigFraction(1, 4));
    assertThat(relaxation(report, RelaxationKind.IC).exact()).isEqualTo(BigFraction.ONE);
  }

  private static Relaxation relaxation(InfeasibilityReport report, RelaxationKind kind) {
    return report.relaxations().stream().filter(r -> r.kind() == kind).findFirst().orElseThrow();
  }

  /** The unconstrained Myerson auction leaves the item unsold with probability 1/4: 1/8 over the cap, exactly. */
  @Test
  void checkEvaluatesTheCustomRow() throws Exception {
    Problem problem = read("sell-often");
    CheckReport report = MechanismChecker.check(problem,
        MechanismJson.read(DIR.resolve("proposals/sell-often-myerson.json"), problem), CheckOptions.defaults());
    assertThat(report.passed()).isFalse();
    assertThat(report.exactObjective()).isEqualTo(new BigFraction(9, 4));
    assertThat(report.verification().violations()).singleElement().satisfies(v -> {
      assertThat(v.rowName()).isEqualTo("custom[sell-often]");
      assertThat(v.exactAmount()).isEqualTo(new BigFraction(1, 8));
    });
  }

  /** Lazy and symmetric solves keep the custom row (it is never lazy); the reduced form refuses it. */
  @Test
  void everyStrategyHonoursTheRowOrRefuses() throws Exception {
    Problem problem = read("sell-often");
    for (Strategy s : List.of(Strategy.FULL, Strategy.LAZY, Strategy.SYMMETRIC)) {
      SolveReport report = MechanismSolver.solve(problem, SolveOptions.defaults().withStrategy(s));
      assertThat(report.objective()).as(s.name()).isCloseTo(17.0 / 8, within(1e-9));
    }
    String bic = Files.readString(DIR.resolve("sell-often.json"))
        .replace("\"ic\": \"dsic\"", "\"ic\": \"bic\"").replace("\"ir\": \"expost\"", "\"ir\": \"interim\"");
    Problem reducible = ProblemReader.read(bic, "sell-often-bic.json");
    assertThatThrownBy(() -> MechanismSolver.solve(reducible, SolveOptions.defaults().withStrategy(Strategy.REDUCED)))
        .hasMessageContaining("custom constraints (mechanism.constraints) are not expressed in the reduced form");
    // Under auto the reduced form is never picked for it, whatever its size.
    assertThat(org.mechlp.solver.reduced.ReducedForm.whyNot(reducible)).isPresent();
  }

  /** A custom row on one agent breaks the agents' symmetry: the symmetric strategy falls back to the full LP. */
  @Test
  void anAsymmetricCustomRowMakesTheSymmetricStrategyFallBack() throws Exception {
    String json = Files.readString(DIR.resolve("sell-often.json")).replace(
        "{\"probability\": {\"outcome\": \"none\"}}",
        "{\"allocation\": {\"agent\": \"bidder1\", \"type\": \"low\", \"outcome\": \"none\"}}");
    Problem problem = ProblemReader.read(json, "asymmetric.json");
    SolveReport symmetric = MechanismSolver.solve(problem, SolveOptions.defaults().withStrategy(Strategy.SYMMETRIC));
    SolveReport full = MechanismSolver.solve(problem, SolveOptions.defaults());
    assertThat(symmetric.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(symmetric.objective()).isCloseTo(full.objective(), within(1e-9));
    assertThat(symmetric.strategy().reason()).contains("no interchangeable agents");
  }
}
