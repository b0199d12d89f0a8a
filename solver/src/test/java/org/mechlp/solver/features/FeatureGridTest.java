package org.mechlp.solver.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.mechlp.model.Problem;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.testing.Grids;

class FeatureGridTest {
  @Test
  void autoSolvesTheTwoItemGridOverFeaturesWithTheFullLpsOptimum() {
    // 20 x 20 grid of values 1..20, BIC and interim IR: the full LP's optimum is 12 (README, Strategies for large
    // problems, measured with --strategy full).
    Problem grid = Grids.twoItems(20, "bic", "interim");
    SolveReport report = MechanismSolver.solve(grid, SolveOptions.defaults());
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.strategy().strategy()).isEqualTo("features");
    assertThat(report.objective()).isCloseTo(12, within(1e-9));
    assertThat(report.verification().rowsChecked()).isGreaterThanOrEqualTo(159_600);
    assertThat(report.verification().optimality().verified()).isTrue();
  }

  @Test
  void pdlpOnTheFeatureLpIsVerifiedLikeGlop() {
    // The path large feature LPs take (PDLP to 1e-8), forced on the 20 x 20 grid: the same optimum as GLOP's within
    // the tolerance, every row of the full problem checked, optimality shown from the mapped duals.
    FeatureForm form = FeatureForm.of(LpCompiler.compile(Grids.twoItems(20, "dsic", "expost"))).form();
    FeatureSolver.Result glop =
        FeatureSolver.solve(form, FeatureSeeds.downward(form.structure()), SolveOptions.defaults(), "test",
            org.mechlp.solver.lp.Backend.GLOP);
    FeatureSolver.Result pdlp =
        FeatureSolver.solve(form, FeatureSeeds.downward(form.structure()), SolveOptions.defaults(), "test",
            org.mechlp.solver.lp.Backend.PDLP);
    assertThat(glop.verified().status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(pdlp.verified().status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(pdlp.verified().objective()).isCloseTo(glop.verified().objective(), within(1e-6));
    assertThat(pdlp.verified().verification().maxViolation()).isLessThanOrEqualTo(1e-6);
    assertThat(pdlp.strategy().reason()).contains("solved by PDLP");
  }

  @Test
  void smallGridsStayOnTheFullLpUnderAuto() {
    SolveReport report = MechanismSolver.solve(Grids.twoItems(5, "dsic", "expost"), SolveOptions.defaults());
    assertThat(report.strategy().strategy()).isEqualTo("full");
  }

  @Test
  void theFeatureFormSaysWhyItDoesNotApply() throws Exception {
    // The bundle is worth a + b + 1: complements, not additive.
    String json =
        "{\"format\": \"mechlp/1\", \"name\": \"complements\", \"agents\": [{\"name\": \"buyer\", \"types\":"
            + " [{\"name\": \"lo\", \"a\": 1, \"b\": 2}, {\"name\": \"hi\", \"a\": 3, \"b\": 2}],"
            + " \"prior\": [\"1/2\", \"1/2\"]}],"
            + " \"outcomes\": [\"none\", \"A\", \"B\", \"AB\"],"
            + " \"valuations\": {\"buyer\": {\"expression\": {\"A\": \"a\", \"B\": \"b\", \"AB\": \"a + b + 1\"}}},"
            + " \"mechanism\": {\"ic\": \"dsic\", \"ir\": \"expost\"}, \"objective\": \"revenue\"}";
    Problem complements = org.mechlp.model.json.ProblemReader.read(json, "complements");
    FeatureForm.Result result = FeatureForm.of(LpCompiler.compile(complements));
    assertThat(result.applies()).isFalse();
    assertThat(result.whyNot()).contains("not additive");
    assertThat(FeatureForm.of(LpCompiler.compile(Grids.twoItems(3, "dsic", "none"))).applies()).isTrue();
  }

  @Test
  void requestingFeaturesWhereTheyDoNotApplyIsAnError() {
    Problem grid = Grids.twoItems(3, "none", "expost");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> MechanismSolver.solve(grid, SolveOptions.defaults().withStrategy(Strategy.FEATURES)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no IC rows");
  }
}
