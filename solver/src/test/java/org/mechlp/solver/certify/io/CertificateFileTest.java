package org.mechlp.solver.certify.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.solver.certify.CertificateChecker;
import org.mechlp.solver.certify.TextbookLp;
import org.mechlp.solver.lp.LinearProgram;

/** The certificate file: a round trip keeps every exact value; bad names and numbers are named by JSON path. */
class CertificateFileTest {
  private final LinearProgram lp = TextbookLp.program(true);

  @Test
  void roundTripsTheTextbookCertificate() throws Exception {
    byte[] problemBytes = "{}".getBytes(StandardCharsets.UTF_8);
    String text = CertificateFile.write("textbook", problemBytes, lp, TextbookLp.optimal(true));

    CertificateFile.Parsed parsed = CertificateFile.read(text, lp);

    assertThat(text).contains("\"objective\" : \"5\"").contains("\"hand[0]\" : \"1/2\"");
    // SHA-256 of the two bytes "{}", as printed by `printf '{}' | sha256sum`.
    assertThat(parsed.problemSha256())
        .isEqualTo("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a");
    assertThat(parsed.certificate().primal()).containsExactly(TextbookLp.fractions("3", "1", "0"));
    assertThat(parsed.certificate().duals()).containsExactly(TextbookLp.fractions("1/2", "1/2"));
    assertThat(parsed.certificate().objective()).isEqualTo(new BigFraction(5));
    assertThat(CertificateChecker.check(lp, parsed.certificate()).valid()).isTrue();
  }

  @Test
  void rejectsAnUnknownRowAndABadFraction() throws Exception {
    String text = CertificateFile.write("textbook", new byte[0], lp, TextbookLp.optimal(true));

    assertThatThrownBy(() -> CertificateFile.read(text.replace("hand[1]", "hand[7]"), lp))
        .isInstanceOf(CertificateFile.FormatException.class)
        .hasMessageStartingWith("$.duals.hand[7]: no row");
    assertThatThrownBy(() -> CertificateFile.read(text.replace("\"3\"", "\"three\""), lp))
        .isInstanceOf(CertificateFile.FormatException.class)
        .hasMessageStartingWith("$.primal.x0: expected an exact number");
  }
}
