package org.mechlp.solver.ortools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the native solvers write to file descriptor 1, which Java's {@code System.setOut} cannot capture: each probe
 * runs {@link NativeOutputProbe} in a child JVM and reads the child's standard output.
 */
class NativeOutputIT {
  @TempDir Path dir;

  private String stdoutOf(String... backends) throws IOException, InterruptedException {
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, NativeOutputProbe.class.getName()));
    command.addAll(List.of(backends));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process process =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(err, StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(stderr).isZero();
    for (String backend : backends) {
      assertThat(stderr).contains(backend + " OPTIMAL");
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void glopClpPdlpAndScipKeepStandardOutputClean() throws Exception {
    assertThat(stdoutOf("GLOP", "CLP", "PDLP", "SCIP")).isEmpty();
  }

  @Test
  void highsStillPrintsItsBannerOnStandardOutput() throws Exception {
    // A known defect of OR-Tools 9.14's HiGHS wrapper, documented on OrToolsLpSolver; the CLI's launcher moves
    // descriptor 1 away from the report for this reason. If this starts failing, the defect is fixed: update the docs.
    assertThat(stdoutOf("HIGHS")).startsWith("Running HiGHS");
  }
}
