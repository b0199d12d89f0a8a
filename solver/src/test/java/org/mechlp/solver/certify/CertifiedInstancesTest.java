package org.mechlp.solver.certify;

import org.mechlp.solver.exact.CalibratedExactSolver;
import org.mechlp.solver.exact.ExactSolver;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveStatus;

/**
 * Every shipped instance solves with exact certification to its golden value as a fraction (a calibrated one
 * through {@link CalibratedExactSolver}): the instance's {@code expect} block, whose sources GoldenInstancesTest lists
 * (closed forms, hand derivations, the literature, independent LPs).
 */
class CertifiedInstancesTest {
  static Stream<Path> instances() throws IOException {
    Path dir = Path.of(System.getProperty("instances.dir"));
    return Files.list(dir).filter(p -> p.toString().endsWith(".json")).sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("instances")
  void certifiesTheGoldenValue(Path file) throws Exception {
    Problem problem = ProblemReader.read(file);
    JsonNode expect = new ObjectMapper().readTree(file.toFile()).get("expect");
    if (problem.isCalibrated()) {
      certifiesTheCalibratedGoldenValue(problem, expect);
      return;
    }
    SolveStatus status = SolveStatus.valueOf(expect.get("status").asText());

    ExactSolver.ExactSolveReport exact = ExactSolver.solve(problem, SolveOptions.defaults());

    assertThat(exact.report().status()).as(exact.report().message()).isEqualTo(status);
    if (status != SolveStatus.OPTIMAL) {
      assertThat(exact.certification().status()).isEqualTo(Certification.Status.NOT_APPLICABLE);
      if (status == SolveStatus.INFEASIBLE) {
        assertThat(exact.infeasibility().certified()).as(exact.infeasibility().reason()).isTrue();
      }
      return;
    }
    assertThat(exact.certification().certified()).as(exact.certification().reason()).isTrue();
    assertThat(exact.report().mechanism().isExact()).isTrue();
    BigFraction golden = Fractions.parse(expect.get("objective").asText()).orElseThrow();
    // bilateral-trade's golden 21/125 comes from an independent ojAlgo LP (SecondBestTradeCrossCheckTest, to 1e-7);
    // certification confirms it exactly.
    assertThat(exact.certification().objective()).isEqualTo(golden);
    CertificateCheck again = CertificateChecker.check(exact.compiled().lp(), exact.certification().certificate());
    assertThat(again.valid()).isTrue();
  }

  /**
   * A calibrated instance: the main LP's certified optimum is the golden value and, as the report's exactness
   * argument holds, the calibrated optimum itself; its bracketing LPs are certified to the values of docs/THEORY.md,
   * Calibrated examples (the instance descriptions derive them: A full 7/6, none 1, standard 3/2; C full 5/4, none 3/2,
   * standard 13/8; two bidders full 14/9, none 31/18, standard 31/18).
   */
  private static void certifiesTheCalibratedGoldenValue(Problem problem, JsonNode expect) {
    CalibratedExactSolver.CalibratedExactReport exact = CalibratedExactSolver.solve(problem, SolveOptions.defaults());
    BigFraction golden = Fractions.parse(expect.get("objective").asText()).orElseThrow();

    assertThat(exact.main().certified()).as(exact.main().certification().reason()).isTrue();
    assertThat(exact.report().status()).isEqualTo(SolveStatus.valueOf(expect.get("status").asText()));
    assertThat(exact.main().value()).isEqualTo(golden);
    assertThat(exact.calibratedOptimum()).isEqualTo(golden);
    BigFraction[] brackets =
        switch (problem.name()) {
          case "calibrated-example-a" -> new BigFraction[] {
            new BigFraction(7, 6), BigFraction.ONE, new BigFraction(3, 2)};
          case "calibrated-example-c" -> new BigFraction[] {
            new BigFraction(5, 4), new BigFraction(3, 2), new BigFraction(13, 8)};
          // The instance's description: Myerson per state (4/3, 16/9), the full surplus 31/18 for the others.
          case "calibrated-two-bidders" -> new BigFraction[] {
            new BigFraction(14, 9), new BigFraction(31, 18), new BigFraction(31, 18)};
          default -> throw new AssertionError("no bracket values recorded for " + problem.name());
        };
    assertThat(exact.full().value()).isEqualTo(brackets[0]);
    assertThat(exact.none().value()).isEqualTo(brackets[1]);
    assertThat(exact.standard().value()).isEqualTo(brackets[2]);
  }
}
