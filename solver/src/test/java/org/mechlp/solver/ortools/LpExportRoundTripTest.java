package org.mechlp.solver.ortools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.ortools.modelbuilder.ModelBuilder;
import com.google.ortools.modelbuilder.ModelSolver;
import com.google.ortools.modelbuilder.SolveStatus;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mechlp.model.ProblemFile;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.lp.export.LpFormat;
import org.mechlp.solver.lp.export.MpsFormat;

/**
 * mechlp's LP and MPS files describe the LP mechlp solves: each is read back (MPS with OR-Tools' own importer; LP,
 * whose CPLEX syntax OR-Tools cannot import, with a strict reader of the format written for this test), solved with
 * GLOP, and must reach the instance's golden optimum (the {@code expect} block's exact value) within 1e-12.
 * (OR-Tools' own exporter writes 6 significant digits, 1/9 as 0.111111: a different LP, off by up to 5e-7 relative
 * in each coefficient.)
 */
class LpExportRoundTripTest {
  @BeforeAll
  static void load() {
    OrToolsLpSolver.loadNativeLibraries();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "myerson-two-bidders",
        "myerson-ironing",
        "bilateral-trade",
        "bilateral-trade-subsidy",
        "cremer-mclean",
        "public-project-pivot",
        "myerson-two-bidders-bic"
      })
  void shippedInstancesReimportToTheirGoldenOptimum(String instance) throws Exception {
    ProblemFile file =
        ProblemReader.readFile(Path.of(System.getProperty("instances.dir"), instance + ".json"));
    LinearProgram lp = LpCompiler.compile(file.problem()).lp();
    double golden = file.expectation().objective().doubleValue();

    double fromLp = reimportAndSolve(LpFormat.write(lp, instance), false);
    double fromMps = reimportAndSolve(MpsFormat.write(lp, instance), true);

    assertThat(fromLp).as("LP file of %s", instance).isCloseTo(golden, within(1e-12));
    assertThat(fromMps).as("MPS file of %s", instance).isCloseTo(golden, within(1e-12));
  }

  /**
   * Free, negative, fixed and bounded columns, all three senses, fractions without a terminating decimal and an
   * objective constant. By hand: maximize x0/3 - x1 + x2 + 5/7 subject to x0 + x1 <= 10/3, x0 - x2 >= -1/3,
   * x1 + x2 = 1, x0 free, -2 <= x1 <= 1, 0 <= x2 <= 4, x3 = 2 (in no row). With x2 = 1 - x1 the objective is
   * x0/3 - 2 x1 + 12/7 with 2/3 - x1 <= x0 <= 10/3 - x1; so x0 = 10/3 - x1, the objective 10/9 - 7/3 x1 + 12/7
   * falls in x1, and x1 = -2 (x2 = 3 <= 4): x0 = 16/3 and the optimum is 10/9 + 14/3 + 12/7 = 472/63.
   */
  @Test
  void everyKindOfBoundAndSenseAndAConstantSurviveTheRoundTrip() throws Exception {
    HandFamily rows =
        new HandFamily()
            .row(new long[] {3, 3, 0, 0}, Sense.LE, 10)
            .row(new long[] {3, 0, -3, 0}, Sense.GE, -1)
            .row(new long[] {0, 1, 1, 0}, Sense.EQ, 1);
    LinearProgram lp =
        new LinearProgram(
            List.of(
                ColumnBounds.FREE,
                new ColumnBounds(new BigFraction(-2), BigFraction.ONE),
                new ColumnBounds(BigFraction.ZERO, new BigFraction(4)),
                new ColumnBounds(new BigFraction(2), new BigFraction(2))),
            j -> "x" + j,
            new LinearObjective(
                true,
                new BigFraction[] {new BigFraction(1, 3), BigFraction.MINUS_ONE, BigFraction.ONE, BigFraction.ZERO},
                new BigFraction(5, 7)),
            List.of(rows));
    double expected = new BigFraction(472, 63).doubleValue();

    assertThat(reimportAndSolve(LpFormat.write(lp, "hand"), false)).isCloseTo(expected, within(1e-12));
    assertThat(reimportAndSolve(MpsFormat.write(lp, "hand"), true)).isCloseTo(expected, within(1e-12));
  }

  private static double reimportAndSolve(String text, boolean mps) {
    ModelBuilder model;
    if (mps) {
      model = new ModelBuilder();
      assertThat(model.importFromMpsString(text))
          .as("OR-Tools reads the file:%n%s", text.length() > 2000 ? text.substring(0, 2000) : text)
          .isTrue();
    } else {
      model = CplexLpReader.read(text);
    }
    ModelSolver solver = new ModelSolver("glop");
    SolveStatus status = solver.solve(model);
    assertThat(status).isEqualTo(SolveStatus.OPTIMAL);
    return solver.getObjectiveValue();
  }
}
