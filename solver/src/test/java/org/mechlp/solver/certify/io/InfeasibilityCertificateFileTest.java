package org.mechlp.solver.certify.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mechlp.solver.certify.FarkasChecker;
import org.mechlp.solver.certify.InfeasibilityCertificate;
import org.mechlp.solver.certify.TextbookLp;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.ortools.HandFamily;

/**
 * The {@code "kind": "infeasibility"} certificate file: written and read back by row name, and kept apart from
 * optimality certificates (a file without {@code kind} is an optimality certificate).
 */
class InfeasibilityCertificateFileTest {
  /** x <= 1, x >= 2, x free: y = (1, -1) proves it infeasible (derivation in FarkasCheckerTest). */
  private static LinearProgram tiny() {
    return new HandFamily()
        .row(new long[] {1}, Sense.LE, 1)
        .row(new long[] {1}, Sense.GE, 2)
        .program(List.of(ColumnBounds.FREE), new long[] {0}, false);
  }

  private static String written() {
    return CertificateFile.writeInfeasibility(
        "tiny", "x".getBytes(StandardCharsets.UTF_8), tiny(),
        new InfeasibilityCertificate(TextbookLp.fractions("1", "-1")));
  }

  @Test
  void roundTripsByRowName() throws Exception {
    String text = written();

    assertThat(CertificateFile.kind(text)).isEqualTo(CertificateFile.KIND_INFEASIBILITY);
    assertThat(text).contains("\"hand[0]\" : \"1\"").contains("\"hand[1]\" : \"-1\"");
    CertificateFile.ParsedInfeasibility parsed = CertificateFile.readInfeasibility(text, tiny());
    assertThat(parsed.problem()).isEqualTo("tiny");
    assertThat(parsed.certificate().multipliers()).containsExactly(TextbookLp.fractions("1", "-1"));
    assertThat(FarkasChecker.check(tiny(), parsed.certificate()).valid()).isTrue();
  }

  @Test
  void aFileWithoutKindIsAnOptimalityCertificate() throws Exception {
    String optimality =
        CertificateFile.write("textbook", new byte[0], TextbookLp.program(true), TextbookLp.optimal(true));

    assertThat(CertificateFile.kind(optimality)).isEqualTo(CertificateFile.KIND_OPTIMALITY);
    assertThatThrownBy(() -> CertificateFile.readInfeasibility(optimality, TextbookLp.program(true)))
        .hasMessageContaining("$.kind");
  }

  @Test
  void theKindsAreNotMixedUp() {
    assertThatThrownBy(() -> CertificateFile.read(written(), tiny())).hasMessageContaining("$.kind");
    assertThatThrownBy(() -> CertificateFile.kind(written().replace("infeasibility", "magic")))
        .hasMessageContaining("$.kind: expected");
  }

  @Test
  void anUnknownRowIsRejected() {
    String text = written().replace("hand[1]", "hand[7]");

    assertThatThrownBy(() -> CertificateFile.readInfeasibility(text, tiny()))
        .hasMessageContaining("$.farkas.hand[7]: no row of the problem has this name");
  }
}
