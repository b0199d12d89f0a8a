package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** solve, check and validate on multi-period problems, and bad input (exit 2, path named, nothing written). */
class DynamicCommandTest {
  private static String instance(String name) {
    return Path.of(CliRun.instance("x")).getParent().resolve("dynamic").resolve(name + ".json").toString();
  }

  private static String proposal(String name) {
    return Path.of(CliRun.instance("x")).getParent().getParent().resolve("proposals/dynamic/" + name + ".json")
        .toString();
  }

  @Test
  void solveSolvesVerifiesAndChecksTheAuction() {
    CliRun r = CliRun.run("solve", instance("liu-winner-pay-auction"));
    assertThat(r.exitCode()).isEqualTo(ExitCodes.YES);
    assertThat(r.out()).contains("8 solved and verified exactly").contains("Check of the solved mechanism: passed");
  }

  @Test
  void checkListsTheProfitableDeviationWithItsGain() {
    CliRun r = CliRun.run("check", instance("liu-winner-pay-auction"), "--mechanism", proposal("second-price-gamma-two"));
    assertThat(r.exitCode()).isEqualTo(ExitCodes.NO);
    assertThat(r.out()).contains("b2 at profile hi,lo gains 1 by reporting hi");
  }

  @Test
  void badTransitionDiscountAndActionAreRefusedWithTheirPaths(@TempDir Path dir) throws Exception {
    String text = Files.readString(Path.of(instance("a2-violated")))
        .replace("\"discount\": 1", "\"discount\": 2")
        .replace("\"a\": \"1/3\"", "\"a\": \"1/4\"")
        .replace("\"a\": {\"go\": 1, \"stop\": 0}", "\"a\": {\"go\": 1, \"stop\": 0, \"jump\": 3}");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, text);
    Path out = dir.resolve("out.json");
    CliRun r = CliRun.run("solve", bad.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("periods.discount: discount 2 is outside (0, 1]")
        .contains("transition.product.a: the row at profile lo,lo sums to 3/4, not exactly 1")
        .contains("utilities.a.jump: undeclared action");
    assertThat(out).doesNotExist();
  }

  @Test
  void infiniteHorizonWithPerPeriodDataIsRefused(@TempDir Path dir) throws Exception {
    String text = Files.readString(Path.of(instance("liu-winner-pay-auction")))
        .replace("\"initial\": \"uniform\",", "\"initial\": \"uniform\", \"by_period\": [{\"period\": 1}],");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, text);
    CliRun r = CliRun.run("validate", bad.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("by_period: the horizon is infinite, so the data must be stationary");
  }

  @Test
  void undeclaredSignalsInTablesAreRefusedWithTheirPaths(@TempDir Path dir) throws Exception {
    // The auction's signals are lo and hi: "mid" is declared nowhere.
    String text = Files.readString(Path.of(instance("liu-winner-pay-auction")))
        .replace("\"initial\": \"uniform\"", "\"initial\": {\"lo,mid\": 1}");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, text);
    Path out = dir.resolve("out.json");
    CliRun r = CliRun.run("solve", bad.toString(), "--out", out.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("initial.lo,mid: undeclared signal profile \"lo,mid\"");
    assertThat(out).doesNotExist();
  }

  @Test
  void batchSolvesDynamicFilesAndReportsAMismatchedExpectation(@TempDir Path dir) throws Exception {
    // E[W_1] = 142/15 is the auction's expectation (an independent exact solve); 143/15 must be a mismatch.
    Path wrong = dir.resolve("wrong-welfare.json");
    Files.writeString(wrong, Files.readString(Path.of(instance("liu-winner-pay-auction")))
        .replace("\"welfare\": \"142/15\"", "\"welfare\": \"143/15\""));
    CliRun ok = CliRun.run("batch", instance("liu-winner-pay-auction"), instance("a2-violated"),
        instance("repeated-second-price-gamma-half"));
    assertThat(ok.exitCode()).isEqualTo(0);
    assertThat(ok.out()).contains("3 problems: 3 ok").contains("E[W_1] = 142/15, check passed")
        .contains("a2-violated: INFEASIBLE");
    CliRun mismatch = CliRun.run("batch", wrong.toString());
    assertThat(mismatch.exitCode()).isNotEqualTo(0);
    assertThat(mismatch.out()).contains("MISMATCH").contains("expected E[W_1] = 143/15 exactly, got 142/15");
  }

  @Test
  void dynamicJsonReportsValidateAgainstTheirSchema(@TempDir Path dir) throws Exception {
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    com.networknt.schema.JsonSchema schema = com.networknt.schema.JsonSchemaFactory
        .getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012)
        .getSchema(mapper.readTree(ReportSchemaTest.repo().resolve("schema/mechlp-dynamic-report-1.schema.json")
            .toFile()));
    java.util.List<String[]> commands = java.util.List.of(
        new String[] {"solve", instance("liu-winner-pay-auction"), "--format", "json"},
        new String[] {"solve", instance("a2-violated"), "--format", "json"},
        new String[] {"check", instance("liu-winner-pay-auction"), "--mechanism", proposal("second-price-gamma-two"),
            "--format", "json"});
    for (String[] command : commands) {
      CliRun r = CliRun.run(command);
      assertThat(schema.validate(mapper.readTree(r.out()))).as(String.join(" ", command)).isEmpty();
    }
    // The schema is not vacuous: a report without its blocks is refused.
    assertThat(schema.validate(mapper.readTree("{\"format\": \"mechlp-dynamic-report/1\", \"kind\":"
        + " \"dynamic-solve\", \"problem\": \"x\", \"status\": \"solved\"}"))).isNotEmpty();
  }
}
