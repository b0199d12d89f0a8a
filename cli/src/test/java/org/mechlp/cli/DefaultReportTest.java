package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default solve report: certified fractions where cheap, says which arithmetic it used, short where it can be. */
class DefaultReportTest {
  @TempDir Path dir;

  @Test
  void aSmallProblemIsCertifiedAndPrintedAsFractionsWithoutExact() {
    CliRun r = CliRun.run("solve", CliRun.instance("myerson-ironing"));

    // 64/25 is the certified optimum README's "Exact, certified optima" section prints with --exact.
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("certified optimal: 64/25")
        .containsPattern("objective +64/25 \\(maximize revenue\\)")
        .containsPattern("arithmetic +exact: certified in rational arithmetic")
        .doesNotContain("0.0000000");
  }

  @Test
  void anotherStrategyGivesAFloatingPointAnswerAndSaysSo() {
    CliRun r = CliRun.run("solve", CliRun.instance("myerson-ironing"), "--strategy", "lazy");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).doesNotContain("certified").containsPattern("arithmetic +floating point, verified within 1e-6");
  }

  @Test
  void aFeasibleFeasibilityProblemSaysFeasible() throws Exception {
    Path problem = dir.resolve("posted-price-feasibility.json");
    Files.writeString(
        problem,
        """
        {"format": "mechlp/1", "name": "posted-price-feasibility",
         "agents": [{"name": "buyer", "types": [{"name": "low", "value": 1}, {"name": "high", "value": 2}],
                     "prior": ["1/2", "1/2"]}],
         "outcomes": {"shortcut": "single-item"},
         "mechanism": {"ic": "dsic", "ir": "expost"},
         "objective": "feasibility"}
        """);

    CliRun r = CliRun.run("solve", problem.toString());

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("certified feasible")
        .containsPattern("objective +feasible\\n")
        .doesNotContain("(feasibility (no objective))");
  }
}
