package org.mechlp.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DocumentationTool;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.solver.pipeline.ExactSolve;
import org.mechlp.solver.pipeline.SolveOutcome;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.SolveStatus;

/** The Java API as the README shows it: read, solve, check, build a problem in code; and its javadoc builds. */
class MechlpTest {
  @TempDir Path dir;

  @Test
  void theReadmeExampleReadsSolvesAndChecks() throws Exception {
    Problem problem = Mechlp.read(Path.of(System.getProperty("instances.dir"), "myerson-two-bidders.json"));
    SolveOutcome outcome = Mechlp.solve(problem);
    Mechanism mechanism = Mechlp.mechanism(outcome).orElseThrow();
    CheckReport check = Mechlp.check(problem, mechanism, 0);

    // Revenue 2 = E[max(phi_1, phi_2, 0)] with virtual values (-1, 1, 3), derived in the instance's description.
    assertThat(outcome.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(((ExactSolve) outcome).exact().certification().objective()).isEqualTo(new BigFraction(2));
    assertThat(check.passed()).isTrue();
    assertThat(check.exactObjective()).isEqualTo(new BigFraction(2));
  }

  @Test
  void aBuiltProblemSolvesLikeItsFile() throws Exception {
    Problem postedPrice =
        Mechlp.problem("posted-price")
            .agent("buyer", List.of("low", "high"), List.of(1, 2), List.of("1/2", "1/2"))
            .singleItem()
            .mechanism("dsic", "expost")
            .objective("revenue")
            .build();

    SolveOutcome outcome = Mechlp.solve(postedPrice);

    // By hand: one buyer, values 1 and 2 with probability 1/2 each. Price 1 sells always (revenue 1), price 2 sells
    // half the time (revenue 1), and no lottery beats the best posted price (Riley and Zeckhauser), so 1.
    assertThat(((ExactSolve) outcome).exact().certification().objective()).isEqualTo(BigFraction.ONE);
    String json = Mechlp.mechanismJson(postedPrice, Mechlp.mechanism(outcome).orElseThrow());
    Mechanism back = Mechlp.parseMechanism(postedPrice, json, "posted-price-mechanism.json");
    assertThat(Mechlp.check(postedPrice, back, 0).passed()).isTrue();
  }

  @Test
  void aMistakeInABuiltProblemNamesItsJsonPath() {
    ProblemBuilder wrongPrior =
        Mechlp.problem("bad")
            .agent("buyer", List.of("low", "high"), List.of(1, 2), List.of("1/2", "1/3"))
            .singleItem()
            .mechanism("dsic", "expost")
            .objective("revenue");

    assertThatThrownBy(wrongPrior::build)
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("agents[0].prior");
  }

  @Test
  void theApiAndPipelineJavadocBuildsWithoutErrorsOrBrokenLinks() throws Exception {
    DocumentationTool javadoc = ToolProvider.getSystemDocumentationTool();
    Path sources = Path.of(System.getProperty("instances.dir")).getParent().resolve("solver/src/main/java");
    List<Path> files = new ArrayList<>();
    for (String pkg : List.of("org/mechlp/api", "org/mechlp/solver/pipeline")) {
      try (Stream<Path> list = Files.list(sources.resolve(pkg))) {
        list.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
      }
    }
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager fm = javadoc.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
      List<String> options =
          List.of("-d", dir.toString(), "-classpath", System.getProperty("java.class.path"), "-Xdoclint:all,-missing",
              "-Werror", "-quiet");
      boolean ok = javadoc.getTask(messages, fm, null, null, options, units).call();

      assertThat(ok).as(messages.toString()).isTrue();
    }
    assertThat(dir.resolve("org/mechlp/api/Mechlp.html")).exists();
  }
}
