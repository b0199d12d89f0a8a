package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code solve --exact} and {@code verify-certificate} on the shipped calibrated instances. Expected values are MATH.md
 * 1.4's (verified there with an independent LP, and derived in each instance's description): example A calibrated
 * 7/6 = full transparency, no disclosure 1, standard bound 3/2; example C calibrated 13/8 = (1/4) V(0) + (3/4) V(2/3)
 * = standard bound, full transparency 5/4, no disclosure 3/2.
 */
class CalibratedExactCommandTest {
  @TempDir Path dir;

  record Run(int exitCode, String out, String err) {}

  private static Run run(String... args) {
    CommandLine cmd = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    return new Run(cmd.execute(args), out.toString(), err.toString());
  }

  private static String instance(String name) {
    return Path.of(System.getProperty("instances.dir"), name + ".json").toString();
  }

  @Test
  void textReportSaysWhatIsCertified() {
    Run r = run("solve", instance("calibrated-example-c"), "--exact");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .containsPattern("\ncertified optimal over the \\d+ candidate posteriors: 13/8\n")
        .contains("\ncalibrated optimum: 13/8 (the certified grid value equals the certified standard BIC bound")
        .contains("Certified values (exact")
        .containsPattern("standard BIC optimum \\(upper bound, MATH.md P4\\) +13/8\n")
        .containsPattern("full transparency +5/4\n")
        .containsPattern("no disclosure +3/2\n");
  }

  @Test
  void jsonReportCarriesTheCertificateObject() throws Exception {
    Run a = run("solve", instance("calibrated-example-a"), "--exact", "--format", "json");
    Run c = run("solve", instance("calibrated-example-c"), "--exact", "--format", "json");

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
    Run solved = run("solve", instance("calibrated-example-c"), "--exact", "--certificate", cert.toString());
    Run verified = run("verify-certificate", instance("calibrated-example-c"), cert.toString());

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
        Files.readString(Path.of(instance("calibrated-example-c")))
            .replace("\"disclosure\": \"optimal\"", "\"disclosure\": \"full\"")
            .replace("\"objective\": \"13/8\"", "\"objective\": \"5/4\""));
    Path cert = dir.resolve("cert.json");

    Run solved = run("solve", problem.toString(), "--exact", "--certificate", cert.toString());
    Run verified = run("verify-certificate", problem.toString(), cert.toString());

    assertThat(solved.exitCode()).as(solved.err()).isZero();
    assertThat(solved.out()).contains("certified optimal (p2-full-transparency LP): 5/4\n");
    assertThat(new ObjectMapper().readTree(cert.toFile()).has("posteriors")).isFalse();
    assertThat(verified.exitCode()).as(verified.err()).isZero();
    assertThat(verified.out()).startsWith("certificate valid: the p2-full-transparency LP has optimal value 5/4 (");
  }

  @Test
  void tamperedCalibratedCertificatesAreRejected() throws IOException {
    Path cert = dir.resolve("cert.json");
    String problem = instance("calibrated-example-c");
    run("solve", problem, "--exact", "--certificate", cert.toString());
    String text = Files.readString(cert);

    // A wrong claimed value: the checker recomputes 13/8 at the point.
    Files.writeString(cert, text.replace("\"objective\" : \"13/8\"", "\"objective\" : \"27/16\""));
    Run wrongValue = run("verify-certificate", problem, cert.toString());
    // The used posterior 2/3 (weight 3/4) moved to 7/10: the weights no longer average to the prior (Bayes
    // plausibility), so the rebuilt LP's rows fail at the certificate's point: for state 0, 1/4 * 1 + 3/4 * 3/10 =
    // 19/40 against the prior 1/2, short by 1/40.
    Files.writeString(
        cert,
        text.replaceFirst(
            "\"0\" : \"1/3\",(\\s*)\"1\" : \"2/3\"", "\"0\" : \"3/10\",$1\"1\" : \"7/10\""));
    Run movedPosterior = run("verify-certificate", problem, cert.toString());
    // A posterior that is not a distribution, and a certificate that does not say which LP it is for.
    Files.writeString(cert, text.replaceFirst("\"0\" : \"1/3\"", "\"0\" : \"1/2\""));
    Run notADistribution = run("verify-certificate", problem, cert.toString());
    Files.writeString(cert, text.replace("\"lp\" : \"p1-grid\",", ""));
    Run noLp = run("verify-certificate", problem, cert.toString());

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
    run("solve", instance("calibrated-example-c"), "--exact", "--certificate", cert.toString());
    List<URL> urls = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      urls.add(Path.of(entry).toUri().toURL());
    }
    try (Probe probe = new Probe(urls.toArray(URL[]::new))) {
      Object cmd = probe.loadClass("org.mechlp.cli.Main").getMethod("commandLine").invoke(null);
      Method execute = cmd.getClass().getMethod("execute", String[].class);
      Object code =
          execute.invoke(
              cmd, (Object) new String[] {"verify-certificate", instance("calibrated-example-c"), cert.toString()});

      assertThat(code).isEqualTo(0);
      assertThat(probe.loaded("org.mechlp.solver.calibrated.CalibratedSolver")).isTrue();
      assertThat(probe.loaded("com.google.ortools.Loader")).isFalse();
      assertThat(probe.loaded("org.mechlp.solver.ortools.OrToolsLpSolver")).isFalse();
    }
  }
}
