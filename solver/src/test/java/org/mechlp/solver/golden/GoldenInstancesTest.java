package org.mechlp.solver.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * Every shipped instance solves to the value derived independently of mechlp. Each case names its source: a closed
 * form, a hand derivation (written out in the instance's description), the literature, or an independent LP.
 */
class GoldenInstancesTest {
  /** One golden case: the instance, the expected status and objective, and where the number comes from. */
  record Golden(String instance, SolveStatus status, String objective, double tolerance, String source) {
    @Override
    public String toString() {
      return instance;
    }
  }

  static final List<Golden> CASES =
      List.of(
          new Golden(
              "myerson-two-bidders",
              SolveStatus.OPTIMAL,
              "2",
              1e-7,
              "closed form: E[max(phi_1, phi_2, 0)] with discrete virtual values (-1, 1, 3) = 18/9"),
          new Golden(
              "myerson-two-bidders-bic",
              SolveStatus.OPTIMAL,
              "2",
              1e-7,
              "revenue equivalence with independent types: BIC optimum = DSIC optimum = 2"),
          new Golden(
              "myerson-ironing",
              SolveStatus.OPTIMAL,
              "64/25",
              1e-7,
              "closed form: ironed virtual values (-1,-1,-1,4); 4 * (1 - 0.6^2) = 2.56 (MATH.md 4.2)"),
          new Golden(
              "public-project-pivot",
              SolveStatus.OPTIMAL,
              "8/9",
              1e-7,
              "hand derivation: critical-value (= Clarke pivot) payments sum to 8 over 9 profiles"),
          new Golden(
              "bilateral-trade-ms",
              SolveStatus.INFEASIBLE,
              null,
              0,
              "Myerson-Satterthwaite on a grid: the best efficient BIC+IR budget surplus is -1/12 < 0"),
          new Golden(
              "public-good-dsic-strong-bb",
              SolveStatus.INFEASIBLE,
              null,
              0,
              "Green-Laffont on a grid: an independent ojAlgo LP (PublicGoodDiagnosisTest) needs an expected "
                  + "subsidy of 7/90 > 0 for efficient DSIC transfers that never run a surplus"),
          new Golden(
              "bilateral-trade-subsidy",
              SolveStatus.OPTIMAL,
              "-1/12",
              1e-7,
              "closed form: (1/9) sum_{d=1..9} (10-d)(2-d) / 100 = -1/12 (threshold payments; MATH.md 4.2 "
                  + "reports the same value for BIC from an independent LP)"),
          new Golden(
              "bilateral-trade",
              SolveStatus.OPTIMAL,
              null,
              1e-7,
              "independent LP: the same second-best problem written out directly and solved with Commons Math "
                  + "SimplexSolver in SecondBestTradeCrossCheckTest"),
          new Golden(
              "cremer-mclean",
              SolveStatus.OPTIMAL,
              "5/3",
              1e-7,
              "Cremer-McLean 1988: full surplus E[max v] = 5/3 is extracted with BIC and interim IR"),
          new Golden(
              "cremer-mclean-independent",
              SolveStatus.OPTIMAL,
              "3/2",
              1e-7,
              "closed form: virtual values (0, 2); 2 * P(max = 2) = 2 * 3/4"),
          new Golden(
              "cremer-mclean-expost-ir",
              SolveStatus.OPTIMAL,
              "3/2",
              1e-7,
              "MATH.md 4.2 (independent LP): DSIC + ex post IR with the correlated prior gives 3/2"),
          new Golden(
              "lottery-two-items",
              SolveStatus.OPTIMAL,
              "9/5",
              1e-7,
              "hand derivation with a dual bound, written in the instance's description"),
          new Golden(
              "revenue-range",
              SolveStatus.OPTIMAL,
              "17/9",
              1e-7,
              "upper end of the revenue-equivalence interval [11/9, 17/9] (MATH.md 4.2, independent LP)"));

  static Path instancesDir() {
    String dir = System.getProperty("instances.dir");
    assertThat(dir).as("system property instances.dir (set by surefire)").isNotNull();
    return Path.of(dir);
  }

  static Stream<Golden> cases() {
    return CASES.stream();
  }

  static SolveReport solve(String instance) throws Exception {
    Problem problem = ProblemReader.read(instancesDir().resolve(instance + ".json"));
    return MechanismSolver.solve(problem, SolveOptions.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void solvesToTheIndependentlyDerivedValue(Golden golden) throws Exception {
    SolveReport report = solve(golden.instance());

    assertThat(report.status()).as(golden.source()).isEqualTo(golden.status());
    if (golden.status() == SolveStatus.OPTIMAL) {
      assertThat(report.verification().maxViolation()).isLessThanOrEqualTo(1e-9);
    }
    if (golden.objective() != null) {
      BigFraction expected = Fractions.parse(golden.objective()).orElseThrow();
      assertThat(report.objective())
          .as("%s: %s", golden.instance(), golden.source())
          .isCloseTo(expected.doubleValue(), within(golden.tolerance()));
    }
  }

  @Test
  void everyShippedInstanceHasAGoldenCase() throws IOException {
    Set<String> shipped;
    try (Stream<Path> files = Files.list(instancesDir())) {
      shipped =
          files
              .map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".json"))
              .map(n -> n.substring(0, n.length() - ".json".length()))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    Set<String> covered =
        CASES.stream().map(Golden::instance).collect(Collectors.toCollection(TreeSet::new));
    CalibratedGoldenTest.CASES.forEach(c -> covered.add(c.instance()));
    assertThat(shipped).isNotEmpty();
    List<String> missing = new ArrayList<>(shipped);
    missing.removeAll(covered);
    assertThat(missing).as("instances without a golden case").isEmpty();
    assertThat(covered).as("golden cases without an instance").isSubsetOf(shipped);
  }
}
