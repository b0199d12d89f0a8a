package org.mechlp.solver.classic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.mechlp.model.BuiltinExpectation;
import org.mechlp.model.Expectation;
import org.mechlp.model.ProblemFile;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.exact.ExactSolver;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.CheckReport;

/**
 * Every instance in instances/classic: its certified LP optimum and every built-in of its {@code expect.builtins}
 * (built, checked exactly with no tolerance) match the values derived by hand in the file (its description and each
 * entry's {@code source}).
 */
class ClassicGoldenTest {
  static List<Path> files() throws IOException {
    Path dir = ClassicMechanismsTest.instances().resolve("classic");
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> found = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
      assertThat(found).as("instances in %s", dir).isNotEmpty();
      return found;
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void theLpOptimumAndEveryBuiltinMatchTheHandDerivedValues(Path file) throws Exception {
    ProblemFile read = ProblemReader.readFile(file);
    Expectation expect = read.expectation();
    assertThat(expect).as("expect block").isNotNull();
    assertThat(expect.source()).as("expect.source").isNotBlank();
    assertThat(expect.builtins()).as("expect.builtins").isNotEmpty();

    ExactSolver.ExactSolveReport lp = ExactSolver.solve(read.problem(), SolveOptions.defaults());
    assertThat(lp.report().status().name()).isEqualTo(expect.status());
    assertThat(lp.certification().certified()).as(lp.certification().reason()).isTrue();
    assertThat(lp.certification().objective()).as(expect.source()).isEqualTo(expect.objective());

    for (BuiltinExpectation e : expect.builtins()) {
      BuiltMechanism built = ClassicMechanisms.build(e.name(), read.problem(), ClassicExpectations.options(e));
      CheckReport report = MechanismChecker.check(read.problem(), built.mechanism(), new CheckOptions(0, 0));
      String what = e.name() + " (" + e.source() + ")";
      assertThat(report.passed() ? "pass" : "fail").as(what).isEqualTo(e.verdict());
      if (e.objective() != null) {
        assertThat(report.exactObjective()).as(what).isEqualTo(e.objective());
      }
      if (e.violation() != null) {
        assertThat(report.verification().exactMaxViolation()).as(what).isEqualTo(e.violation());
      }
    }
  }
}
