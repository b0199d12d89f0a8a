package org.mechlp.solver.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mechlp.model.Expectation;
import org.mechlp.model.Problem;
import org.mechlp.model.ProblemFile;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * Every shipped instance solves to the value derived independently of mechlp. The golden value and where it comes
 * from (a closed form, a hand derivation written out in the instance's description, the literature, or an
 * independent LP) are the instance's {@code expect} block, read here, so that value and source live in one place.
 * Calibrated instances are solved by {@link CalibratedGoldenTest}.
 */
class GoldenInstancesTest {
  static Path instancesDir() {
    String dir = System.getProperty("instances.dir");
    assertThat(dir).as("system property instances.dir (set by surefire)").isNotNull();
    return Path.of(dir);
  }

  /** Every problem file in the instances folder, sorted by name. */
  static List<Path> instanceFiles() throws IOException {
    try (Stream<Path> files = Files.list(instancesDir())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  /** An instance file with its expect block, named by the instance for test display. */
  record Golden(String instance, Problem problem, Expectation expect) {
    @Override
    public String toString() {
      return instance;
    }
  }

  static Golden golden(Path file) throws Exception {
    ProblemFile read = ProblemReader.readFile(file);
    String name = file.getFileName().toString();
    return new Golden(name.substring(0, name.length() - ".json".length()), read.problem(), read.expectation());
  }

  static List<Golden> all() throws Exception {
    List<Golden> all = new java.util.ArrayList<>();
    for (Path file : instanceFiles()) {
      all.add(golden(file));
    }
    return all;
  }

  static Stream<Golden> standardCases() throws Exception {
    return all().stream().filter(g -> !g.problem().isCalibrated());
  }

  static SolveReport solve(String instance) throws Exception {
    Problem problem = ProblemReader.read(instancesDir().resolve(instance + ".json"));
    return MechanismSolver.solve(problem, SolveOptions.defaults());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("standardCases")
  void solvesToTheIndependentlyDerivedValue(Golden golden) {
    Expectation expect = golden.expect();
    SolveReport report = MechanismSolver.solve(golden.problem(), SolveOptions.defaults());

    assertThat(report.status()).as(expect.source()).isEqualTo(SolveStatus.valueOf(expect.status()));
    if (report.status() == SolveStatus.OPTIMAL) {
      assertThat(report.verification().maxViolation()).isLessThanOrEqualTo(1e-9);
      assertThat(expect.objective()).as("%s: an optimal instance states its value", golden.instance()).isNotNull();
      assertThat(report.objective())
          .as("%s: %s", golden.instance(), expect.source())
          .isCloseTo(expect.objective().doubleValue(), within(expect.tolerance()));
    }
  }

  @Test
  void everyShippedInstanceStatesItsAnswerAndWhereItComesFrom() throws Exception {
    List<Golden> all = all();
    assertThat(all).isNotEmpty();
    for (Golden g : all) {
      assertThat(g.expect()).as(g.instance() + ": expect block").isNotNull();
      assertThat(g.expect().source()).as(g.instance() + ": expect.source").isNotBlank();
    }
  }
}
