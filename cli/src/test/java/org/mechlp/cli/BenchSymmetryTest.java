package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bench --symmetry --quick}: the smoke run of the symmetry benchmark (no timing assertions). */
class BenchSymmetryTest {
  @TempDir Path dir;

  @Test
  void quickSymmetryBenchComparesFullAndReducedLps() throws IOException {
    Path out = dir.resolve("symmetry.md");
    CommandLine cmd = Main.commandLine();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(new StringWriter()));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute("bench", "--symmetry", "--quick", "--out", out.toString());
    assertThat(code).as(err.toString()).isEqualTo(0);
    assertThat(err.toString()).contains("bench: solving auction-n2-k10 (full LP)", "(symmetry)");
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).hasSize(2 + 2);
    // auction-n2-k10: group S_2 (order 2); full LP 2100 rows (2*9*100 DSIC + 2*100 IR + 100 feasibility) and 500
    // columns (100 profiles * (3 outcomes + 2 transfers)). Reduced columns: allocation orbits are the 10 diagonal
    // profiles' {none} and {b1,b2 swap-paired} (10 * 2) plus 45 off-diagonal pairs * 3 outcomes, i.e. 20 + 135 = 155,
    // and transfer orbits 10 + 90 = 100: 255. Revenue 0.49 = E[max(phi1, phi2, 0)] (CommandsTest's derivation).
    assertThat(lines.get(2)).startsWith("| auction-n2-k10 | 2 | 2100 | 500 | ");
    assertThat(lines.get(2)).contains("| 255 |").contains("| 0.49 | 0.49 | ").endsWith("| OPTIMAL |");
    // auction-n3-k5: group S_3 (order 6).
    assertThat(lines.get(3)).startsWith("| auction-n3-k5 | 6 | ").endsWith("| OPTIMAL |");
  }
}
