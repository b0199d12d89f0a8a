package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code solve --export-lp}: the compiled LP in LP or MPS format with readable row names. */
class ExportLpTest {
  @TempDir Path dir;

  @Test
  void writesLpAndMpsWithReadableNames() throws Exception {
    String problem = Path.of(System.getProperty("instances.dir"), "cremer-mclean.json").toString();
    Path lp = dir.resolve("cm.lp");
    Path mps = dir.resolve("cm.mps");

    CliRun a = CliRun.run("solve", problem, "--export-lp", lp.toString());
    CliRun b = CliRun.run("solve", problem, "--export-lp", mps.toString());

    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(b.exitCode()).as(b.err()).isZero();
    // 4 feasibility, 4 BIC and 4 interim IR rows (2 agents x 2 types), named after mechlp's rows.
    assertThat(Files.readString(lp))
        .contains("Maximize", "Subject To", " ic_bic(bidder1.v2_v1):", " ir_interim(bidder2.v1):")
        .contains("12 rows, 20 columns");
    assertThat(Files.readString(mps)).contains("ROWS", "COLUMNS", " G ic_bic(bidder1.v2_v1)", "12 rows, 20 columns");
  }

  @Test
  void calibratedProblemsCannotBeExported() {
    String problem = Path.of(System.getProperty("instances.dir"), "calibrated-example-c.json").toString();

    CliRun r =
        CliRun.run("solve", problem, "--export-lp", dir.resolve("c.lp").toString());

    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(dir.resolve("c.lp")).doesNotExist();
  }

  @Test
  void writesTheMechanismAsCsvAndLatex() {
    String problem = Path.of(System.getProperty("instances.dir"), "myerson-two-bidders.json").toString();

    CliRun csv = CliRun.run("solve", problem, "--format", "csv");
    CliRun latex = CliRun.run("solve", problem, "--format", "latex");

    assertThat(csv.exitCode()).as(csv.err()).isZero();
    // Header plus 9 profiles; at (v3, v3) bidder1 gets the item and pays 3 (Myerson: the tie goes to one bidder at
    // price 3 since both virtual values are 3).
    assertThat(csv.out().lines()).hasSize(10).first().asString().startsWith("bidder1,bidder2,\"P(none)\"");
    assertThat(latex.exitCode()).as(latex.err()).isZero();
    assertThat(latex.out()).contains("\\toprule", "P(bidder1) & P(bidder2) & bidder1 pays", "\\bottomrule");
  }
}
