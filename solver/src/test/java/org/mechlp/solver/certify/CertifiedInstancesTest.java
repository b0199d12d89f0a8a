package org.mechlp.solver.certify;

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
import org.mechlp.solver.SolveOptions;
import org.mechlp.solver.report.SolveStatus;

/**
 * Every shipped standard (not calibrated) instance solves with exact certification to its golden value as a
 * fraction: the instance's {@code expect} block, whose sources GoldenInstancesTest lists (closed forms, hand
 * derivations, the literature, independent LPs).
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
    if (problem.isCalibrated()) {
      return; // several LPs per solve: --exact refuses them (tested in the CLI)
    }
    JsonNode expect = new ObjectMapper().readTree(file.toFile()).get("expect");
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
    // bilateral-trade's "0.168" is exact too: the certified optimum is 21/125; GoldenInstancesTest cross-checks it
    // against an independent Commons Math simplex (SecondBestTradeCrossCheckTest).
    assertThat(exact.certification().objective()).isEqualTo(golden);
    CertificateCheck again = CertificateChecker.check(exact.compiled().lp(), exact.certification().certificate());
    assertThat(again.valid()).isTrue();
  }
}
