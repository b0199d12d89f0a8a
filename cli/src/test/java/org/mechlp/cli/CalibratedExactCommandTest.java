package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code solve --exact} and {@code verify-certificate} on the shipped calibrated instances. Expected values are
 * docs/THEORY.md 1.4's (verified there with an independent LP, and derived in each instance's description): example A
 * calibrated 7/6 = full transparency, no disclosure 1, standard bound 3/2; example C calibrated 13/8 = (1/4) V(0) +
 * (3/4) V(2/3) = standard bound, full transparency 5/4, no disclosure 3/2.
 */
class CalibratedExactCommandTest {
  @TempDir Path dir;

  @Test
  void textReportSaysWhatIsCertified() {
    CliRun r = CliRun.run("solve", CliRun.instance("calibrated-example-c"), "--exact");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("\ncertified optimal over the \\d+ candidate posteriors: 13/8\n")
        .contains("\ncalibrated optimum: 13/8 (the certified grid value equals the certified standard BIC bound")
        .contains("Certified values (exact")
        .containsPattern("standard BIC optimum \\(upper bound, docs/THEORY.md P4\\) +13/8\n")
        .containsPattern("full transparency +5/4\n")
        .containsPattern("no disclosure +3/2\n");
  }

  @Test
  void jsonReportCarriesTheCertificateObject() throws Exception {
    CliRun a = CliRun.run("solve", CliRun.instance("calibrated-example-a"), "--exact", "--format", "json");
    CliRun c = CliRun.run("solve", CliRun.instance("calibrated-example-c"), "--exact", "--format", "json");

    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(c.exitCode()).as(c.err()).isZero();
    JsonNode certA = new ObjectMapper().readTree(a.out()).get("certificate");
    JsonNode certC = new ObjectMapper().readTree(c.out()).get("certificate");
    assertThat(certA.get("status").asText()).isEqualTo("CERTIFIED");
    assertThat(certA.get("lp").asText()).isEqualTo("p1-grid");
    assertThat(certA.get("objective").asText()).isEqualTo("7/6");
    assertThat(certA.get("calibratedOptimum").asText()).isEqualTo("7/6");
    assertThat(certA.get("benchmarks").get("fullTransparency").get("objective").asText()).isEqualTo("7/6");
    assertThat(certA.get("benchmarks").get("noDisclosure").get("objective").asText()).isEqualTo("1");
    assertThat(certA.get("benchmarks").get("standardBound").get("objective").asText()).isEqualTo("3/2");
    assertThat(certC.get("objective").asText()).isEqualTo("13/8");
    assertThat(certC.get("calibratedOptimum").asText()).isEqualTo("13/8");
    assertThat(certC.get("benchmarks").get("fullTransparency").get("objective").asText()).isEqualTo("5/4");
    assertThat(certC.get("benchmarks").get("noDisclosure").get("objective").asText()).isEqualTo("3/2");
    assertThat(certC.get("benchmarks").get("standardBound").get("objective").asText()).isEqualTo("13/8");
  }

  @Test
  void aGridCertificateRoundTrips() throws Exception {
    Path cert = dir.resolve("cert.json");
    CliRun solved = CliRun.run("solve", CliRun.instance("calibrated-example-c"), "--exact", "--certificate", cert.toString());
    CliRun verified = CliRun.run("verify-certificate", CliRun.instance("calibrated-example-c"), cert.toString());

    assertThat(solved.exitCode()).as(solved.err()).isZero();
    JsonNode file = new ObjectMapper().readTree(cert.toFile());
    assertThat(file.get("lp").asText()).isEqualTo("p1-grid");
    assertThat(file.get("posteriors").isArray()).isTrue();
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.out())
        .containsPattern(
            "^certificate valid: the p1-grid LP over \\d+ candidate posteriors has optimal value 13/8 \\(");
  }

  @Test
  void aFullTransparencyCertificateNeedsNoPosteriors() throws Exception {
    // Example C with the state revealed: (1/2) V(0) + (1/2) V(1) = 3/4 + 1/2 = 5/4.
    Path problem = dir.resolve("c-full.json");
    Files.writeString(
        problem,
        Files.readString(Path.of(CliRun.instance("calibrated-example-c")))
            .replace("\"disclosure\": \"optimal\"", "\"disclosure\": \"full\"")
            .replace("\"objective\": \"13/8\"", "\"objective\": \"5/4\""));
    Path cert = dir.resolve("cert.json");

    CliRun solved = CliRun.run("solve", problem.toString(), "--exact", "--certificate", cert.toString());
    CliRun verified = CliRun.run("verify-certificate", problem.toString(), cert.toString());

    assertThat(solved.exitCode()).as(solved.err()).isZero();
    assertThat(solved.out()).contains("certified optimal (p2-full-transparency LP): 5/4\n");
    assertThat(new ObjectMapper().readTree(cert.toFile()).has("posteriors")).isFalse();
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.out()).startsWith("certificate valid: the p2-full-transparency LP has optimal value 5/4 (");
  }

  @Test
  void tamperedCalibratedCertificatesAreRejected() throws IOException {
    Path cert = dir.resolve("cert.json");
    String problem = CliRun.instance("calibrated-example-c");
    CliRun.run("solve", problem, "--exact", "--certificate", cert.toString());
    String text = Files.readString(cert);

    // A wrong claimed value: the checker recomputes 13/8 at the point.
    Files.writeString(cert, text.replace("\"objective\" : \"13/8\"", "\"objective\" : \"27/16\""));
    CliRun wrongValue = CliRun.run("verify-certificate", problem, cert.toString());
    // The used posterior 2/3 (weight 3/4) moved to 7/10: the weights no longer average to the prior (Bayes
    // plausibility), so the rebuilt LP's rows fail at the certificate's point: for state 0, 1/4 * 1 + 3/4 * 3/10 =
    // 19/40 against the prior 1/2, short by 1/40.
    Files.writeString(
        cert,
        text.replaceFirst(
            "\"0\" : \"1/3\",(\\s*)\"1\" : \"2/3\"", "\"0\" : \"3/10\",$1\"1\" : \"7/10\""));
    CliRun movedPosterior = CliRun.run("verify-certificate", problem, cert.toString());
    // A posterior that is not a distribution, and a certificate that does not say which LP it is for.
    Files.writeString(cert, text.replaceFirst("\"0\" : \"1/3\"", "\"0\" : \"1/2\""));
    CliRun notADistribution = CliRun.run("verify-certificate", problem, cert.toString());
    Files.writeString(cert, text.replace("\"lp\" : \"p1-grid\",", ""));
    CliRun noLp = CliRun.run("verify-certificate", problem, cert.toString());

    assertThat(wrongValue.exitCode()).isEqualTo(ExitCodes.NO);
    assertThat(wrongValue.out()).contains("claimed objective 27/16");
    assertThat(movedPosterior.exitCode()).isEqualTo(ExitCodes.NO);
    assertThat(movedPosterior.out()).startsWith("certificate rejected: bayes[0]: violated by 1/40");
    assertThat(notADistribution.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(notADistribution.err()).contains("$.posteriors").contains("sums to 7/6");
    assertThat(noLp.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(noLp.err()).contains("$.lp");
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
  void verifyingACalibratedCertificateLoadsNoLpSolver() throws Exception {
    Path cert = dir.resolve("cert.json");
    CliRun.run("solve", CliRun.instance("calibrated-example-c"), "--exact", "--certificate", cert.toString());
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (Probe probe = new Probe(urls.toArray(URL[]::new))) {
      Object cmd = probe.loadClass("org.mechlp.cli.Main").getMethod("commandLine").invoke(null);
      // The report goes to a string, not to the build's output.
      java.io.StringWriter out = new java.io.StringWriter();
      cmd.getClass().getMethod("setOut", java.io.PrintWriter.class).invoke(cmd, new java.io.PrintWriter(out));
      Method execute = cmd.getClass().getMethod("execute", String[].class);
      Object code =
          execute.invoke(
              cmd, (Object) new String[] {"verify-certificate", CliRun.instance("calibrated-example-c"), cert.toString()});

      assertThat(code).isEqualTo(0);
      assertThat(out.toString()).startsWith("certificate valid: ");
      assertThat(probe.loaded("org.mechlp.solver.calibrated.CalibratedSolver")).isTrue();
      assertThat(probe.loaded("com.google.ortools.Loader")).isFalse();
      assertThat(probe.loaded("org.mechlp.solver.ortools.OrToolsLpSolver")).isFalse();
    }
  }
}
