package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code solve --exact} on instances/bilateral-trade-ms.json (Myerson-Satterthwaite on the 10-point grid:
 * efficient trade, BIC, interim IR and ex ante budget balance cannot hold together) proves the problem infeasible
 * with a Farkas certificate, writes it, and {@code verify-certificate} accepts it (exit 0: the certificate is
 * valid, whatever it proves) and rejects tampered copies (exit 3) or a certificate naming an unknown row (exit 2).
 * The least subsidy 1/12 is the closed form in instances/bilateral-trade-subsidy.json's description.
 */
class InfeasibilityCertificateCommandTest {
  @TempDir Path dir;
  private Path problem;
  private Path cert;

  @BeforeEach
  void copyProblem() throws IOException {
    problem =
        Files.copy(
            Path.of(System.getProperty("instances.dir"), "bilateral-trade-ms.json"), dir.resolve("ms.json"));
    cert = dir.resolve("cert.json");
  }

  private CliRun solveWithCertificate() {
    return CliRun.run("solve", problem.toString(), "--exact", "--certificate", cert.toString());
  }

  private CliRun verify() {
    return CliRun.run("verify-certificate", problem.toString(), cert.toString());
  }

  @Test
  void solveExactCertifiesInfeasibilityAndTheLeastRelaxations() throws IOException {
    CliRun solved = solveWithCertificate();

    assertThat(solved.exitCode()).as(solved.err()).isEqualTo(ExitCodes.NO);
    assertThat(solved.out())
        .containsPattern("certified infeasible: a Farkas certificate with \\d+ non-zero multipliers")
        .contains("Why infeasible")
        .contains("needs an expected subsidy of at least 1/12 (certified)")
        .contains("IR (interim) must be relaxed by at least 1/24 (certified)");
    assertThat(Files.readString(cert)).contains("\"kind\" : \"infeasibility\"").contains("\"farkas\" : {");
  }

  @Test
  void theWrittenCertificateVerifies() {
    solveWithCertificate();

    CliRun verified = verify();

    assertThat(verified.exitCode()).as(verified.err()).isEqualTo(ExitCodes.YES);
    assertThat(verified.out()).startsWith("certificate valid: the problem is infeasible (");
  }

  @Test
  void aMultiplierWithTheWrongSignIsRejected() throws IOException {
    solveWithCertificate();
    // Negate the first multiplier of an IC row: IC rows are inequalities, so a negated non-zero one has the wrong
    // sign (the checker also needs the contradiction, but the sign check names the row first).
    String text = Files.readString(cert);
    Matcher m = Pattern.compile("\"(ic-bic\\[[^\"]*)\" : \"(-?)([^\"]*)\"").matcher(text);
    assertThat(m.find()).isTrue();
    String flipped = "\"" + m.group(1) + "\" : \"" + (m.group(2).isEmpty() ? "-" : "") + m.group(3) + "\"";
    Files.writeString(cert, text.substring(0, m.start()) + flipped + text.substring(m.end()));

    CliRun verified = verify();

    assertThat(verified.exitCode()).isEqualTo(ExitCodes.NO);
    assertThat(verified.out()).startsWith("certificate rejected: " + m.group(1) + ": multiplier")
        .contains("wrong sign");
  }

  @Test
  void anEmptyCertificateProvesNothing() throws IOException {
    solveWithCertificate();
    // No multipliers at all combine into 0 <= 0, which every point satisfies: no contradiction.
    String text = Files.readString(cert);
    Files.writeString(cert, text.replaceAll("(?s)\"farkas\" : \\{.*\\}", "\"farkas\" : { }\n}"));

    CliRun verified = verify();

    assertThat(verified.exitCode()).isEqualTo(ExitCodes.NO);
    assertThat(verified.out()).startsWith("certificate rejected: no contradiction");
  }

  @Test
  void anUnknownRowIsBadInput() throws IOException {
    solveWithCertificate();
    String text = Files.readString(cert);
    Files.writeString(cert, text.replaceFirst("\"farkas\" : \\{", "\"farkas\" : {\n    \"no-such-row\" : \"1\","));

    CliRun verified = verify();

    assertThat(verified.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(verified.err()).contains("$.farkas.no-such-row: no row of the problem has this name");
  }

  @Test
  void jsonReportCarriesTheInfeasibilityCertificateAndTheDiagnosis() {
    CliRun solved = CliRun.run("solve", problem.toString(), "--exact", "--format", "json");

    assertThat(solved.exitCode()).as(solved.err()).isEqualTo(ExitCodes.NO);
    assertThat(solved.out()).contains("\"kind\": \"infeasibility\"").contains("\"status\": \"CERTIFIED\"")
        .contains("\"totalViolation\": \"").contains("\"infeasibility\": {")
        .contains("\"certification\": \"certified\"");
  }
}
