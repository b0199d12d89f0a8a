package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The round trip {@code solve --exact --certificate} then {@code verify-certificate}, on the two-bidder Myerson
 * problem whose optimum 2 is E[max(phi_1, phi_2, 0)] with virtual values (-1, 1, 3) (docs/THEORY.md, Classical
 * results), and the ways a certificate file can be wrong.
 */
class VerifyCertificateCommandTest {
  @TempDir Path dir;
  private Path problem;
  private Path cert;

  @BeforeEach
  void writeProblem() throws IOException {
    problem = Files.writeString(dir.resolve("myerson.json"), Problems.MYERSON_TWO_BIDDERS);
    cert = dir.resolve("cert.json");
  }

  private CliRun solveWithCertificate() {
    return CliRun.run("solve", problem.toString(), "--exact", "--certificate", cert.toString());
  }

  @Test
  void aCertificateWrittenBySolveVerifies() {
    CliRun solved = solveWithCertificate();
    CliRun verified = CliRun.run("verify-certificate", problem.toString(), cert.toString());

    assertThat(solved.exitCode()).as(solved.err()).isZero();
    assertThat(solved.out()).contains("certified optimal: 2\n");
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.out()).startsWith("certificate valid: optimal value 2 (");
  }

  @Test
  void jsonReportCarriesTheCertificateObject() {
    CliRun solved = CliRun.run("solve", problem.toString(), "--exact", "--format", "json");

    assertThat(solved.exitCode()).as(solved.err()).isZero();
    assertThat(solved.out()).contains("\"certificate\": {").contains("\"status\": \"CERTIFIED\"")
        .contains("\"objective\": \"2\"");
  }

  @Test
  void aTamperedPrimalIsRejected() throws IOException {
    solveWithCertificate();
    // Every allocation value is 0 or 1 here, so raising the first "1" to 1001/1000 breaks a feasibility row.
    String text = Files.readString(cert);
    Files.writeString(cert, text.replaceFirst(": \"1\"", ": \"1001/1000\""));

    CliRun verified = CliRun.run("verify-certificate", problem.toString(), cert.toString());

    assertThat(verified.exitCode()).isEqualTo(ExitCodes.NO);
    assertThat(verified.out()).startsWith("certificate rejected: ").contains("violated by 1/1000");
  }

  @Test
  void aWrongObjectiveIsRejected() throws IOException {
    solveWithCertificate();
    Files.writeString(cert, Files.readString(cert).replace("\"objective\" : \"2\"", "\"objective\" : \"9/4\""));

    CliRun verified = CliRun.run("verify-certificate", problem.toString(), cert.toString());

    assertThat(verified.exitCode()).isEqualTo(ExitCodes.NO);
    assertThat(verified.out()).contains("claimed objective 9/4");
  }

  @Test
  void anEditedProblemFileIsRefusedUnlessTheHashIsIgnored() throws IOException {
    solveWithCertificate();
    Files.writeString(problem, Problems.MYERSON_TWO_BIDDERS + "\n");

    CliRun refused = CliRun.run("verify-certificate", problem.toString(), cert.toString());
    CliRun ignored = CliRun.run("verify-certificate", problem.toString(), cert.toString(), "--ignore-hash");

    assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(refused.err()).contains("$.problemSha256");
    assertThat(ignored.exitCode()).isZero();
  }

  @Test
  void anotherProblemsCertificateIsRefusedBeforeAnythingElse() throws IOException {
    solveWithCertificate();
    // A different problem whose LP has other rows: without the hash check first, the certificate's row names would
    // fail to resolve and the message would blame a row instead of the mix-up.
    Path other =
        Files.writeString(dir.resolve("other.json"), Files.readString(Path.of(CliRun.instance("bilateral-trade"))));

    CliRun r = CliRun.run("verify-certificate", other.toString(), cert.toString());

    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err().lines()).hasSize(1);
    assertThat(r.err())
        .startsWith("mechlp: " + cert + ": certificate is for a different problem (\"myerson-two-bidders\"): ")
        .contains("--ignore-hash");
  }

  @Test
  void theProblemAndTheCertificateCanComeFromStandardInput() throws IOException {
    solveWithCertificate();

    CliRun fromStdin =
        StdinRun.run(Files.readAllBytes(problem), "verify-certificate", "-", cert.toString());
    CliRun certFromStdin =
        StdinRun.run(Files.readAllBytes(cert), "verify-certificate", problem.toString(), "-");

    assertThat(fromStdin.exitCode()).as(fromStdin.err()).isZero();
    assertThat(certFromStdin.exitCode()).as(certFromStdin.err()).isZero();
    assertThat(fromStdin.out()).startsWith("certificate valid: optimal value 2 (");
  }

  @Test
  void anUnparsableFractionIsBadInputWithItsPath() throws IOException {
    solveWithCertificate();
    Files.writeString(cert, Files.readString(cert).replace("\"objective\" : \"2\"", "\"objective\" : \"two\""));

    CliRun verified = CliRun.run("verify-certificate", problem.toString(), cert.toString());

    assertThat(verified.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(verified.err()).contains("$.objective");
  }

  /** A class loader that can tell whether a class was loaded through it. */
  private static final class Probe extends URLClassLoader {
    Probe(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    boolean loaded(String name) {
      return findLoadedClass(name) != null;
    }
  }

  @Test
  void verifyingLoadsNoLpSolver() throws Exception {
    solveWithCertificate();
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (Probe probe = new Probe(urls.toArray(URL[]::new))) {
      Class<?> main = probe.loadClass("org.mechlp.cli.Main");
      Method commandLine = main.getMethod("commandLine");
      Object cmd = commandLine.invoke(null);
      // The report goes to a string, not to the build's output.
      java.io.StringWriter out = new java.io.StringWriter();
      cmd.getClass().getMethod("setOut", java.io.PrintWriter.class).invoke(cmd, new java.io.PrintWriter(out));
      Method execute = cmd.getClass().getMethod("execute", String[].class);
      Object code = execute.invoke(cmd, (Object) new String[] {"verify-certificate", problem.toString(),
          cert.toString()});

      assertThat(code).isEqualTo(0);
      assertThat(out.toString()).startsWith("certificate valid: optimal value 2 (");
      assertThat(probe.loaded("org.mechlp.cli.VerifyCertificateCommand")).isTrue();
      assertThat(probe.loaded("com.google.ortools.Loader")).isFalse();
      assertThat(probe.loaded("org.mechlp.solver.ortools.OrToolsLpSolver")).isFalse();
    }
  }
}
