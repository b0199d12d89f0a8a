package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve} on an infeasible problem explains why: the "Why infeasible" section and the JSON key. */
class DiagnoseCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static String myersonSatterthwaite() {
    return ReportSchemaTest.repo().resolve("instances/bilateral-trade-ms.json").toString();
  }

  @Test
  void theTextReportSaysWhyAndExits3() {
    CliRun r = CliRun.run("solve", myersonSatterthwaite());
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    // Least subsidy 1/12: closed form in instances/bilateral-trade-subsidy.json's description.
    assertThat(r.out())
        .contains("Why infeasible")
        .contains("ic-bic + ir-interim + budget-exante cannot all hold")
        .contains("Conflicting rows (irreducible")
        .contains("budget-exante  needs an expected subsidy of at least 1/12");
  }

  @Test
  void theJsonReportHasTheInfeasibilityKey() throws IOException {
    CliRun r = CliRun.run("solve", myersonSatterthwaite(), "--format", "json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
    JsonNode d = JSON.readTree(r.out()).path("infeasibility");
    assertThat(d.isObject()).isTrue();
    assertThat(d.path("families").findValuesAsText("id")).containsExactly("ic-bic", "ir-interim", "budget-exante");
    assertThat(d.path("rowSet").asText()).isEqualTo("IRREDUCIBLE");
    JsonNode budget = d.path("relaxations").get(2);
    assertThat(budget.path("kind").asText()).isEqualTo("BUDGET");
    assertThat(budget.path("exact").asText()).isEqualTo("1/12");
    assertThat(budget.path("value").asDouble()).isCloseTo(1.0 / 12, within(1e-9));
  }

  @Test
  void noDiagnoseSkipsTheSection() {
    CliRun r = CliRun.run("solve", myersonSatterthwaite(), "--no-diagnose");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out()).contains("INFEASIBLE").doesNotContain("Why infeasible");
  }

  @Test
  void aSingleFamilyConflictNamesTheShortfall() throws IOException {
    // Problems.INFEASIBLE: every outcome is worth 0 to the only agent, there is no money, and the outside option is
    // 1, so ex post IR alone is infeasible and must be relaxed by exactly 1 - 0 = 1.
    Path problem = Files.writeString(dir.resolve("infeasible.json"), Problems.INFEASIBLE);
    CliRun r = CliRun.run("solve", problem.toString());
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.out())
        .contains("ir-expost cannot all hold")
        .contains("IR (ex post) must be relaxed by at least 1 for every type at every profile");
  }
}
