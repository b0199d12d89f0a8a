package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10, files: every file a command writes is checked before any work, under the name of its option; read-only
 * files, FIFOs, devices and the input itself are refused (exit 2, nothing written), symbolic links are written
 * through, and every written file is announced as {@code wrote FILE} on stderr.
 */
class Issue10FilesTest {
  @TempDir Path dir;

  private Path problem() throws Exception {
    Path problem = dir.resolve("posted-price.json");
    Files.writeString(problem, Problems.POSTED_PRICE);
    return problem;
  }

  @Test
  void aReadOnlyOutFileIsRefusedAndKept() throws Exception {
    Path problem = problem();
    Path out = dir.resolve("report.txt");
    Files.writeString(out, "keep me");
    Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r--r--r--"));

    CliRun run = CliRun.run("solve", problem.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("--out " + out + ": is read-only");
    assertThat(out).hasContent("keep me");
  }

  @Test
  void theProblemFileIsNeverOverwritten() throws Exception {
    Path problem = problem();

    CliRun run = CliRun.run("solve", problem.toString(), "--out", problem.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("--out " + problem + ": is the input file");
    assertThat(problem).hasContent(Problems.POSTED_PRICE);
  }

  @Test
  void aLinkToTheProblemFileIsRefusedToo() throws Exception {
    Path problem = problem();
    Path link = Files.createSymbolicLink(dir.resolve("link.json"), problem);

    CliRun run = CliRun.run("solve", problem.toString(), "--format", "json", "--out", link.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("is the input file");
    assertThat(problem).hasContent(Problems.POSTED_PRICE);
  }

  @Test
  void aSymbolicLinkIsWrittenThroughAndStaysALink() throws Exception {
    Path problem = problem();
    Path target = dir.resolve("real-report.txt");
    Files.writeString(target, "old");
    Path link = Files.createSymbolicLink(dir.resolve("report.txt"), target);

    CliRun run = CliRun.run("solve", problem.toString(), "--out", link.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.YES);
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).contains("status        OPTIMAL");
    assertThat(run.err()).contains("wrote " + link + " -> " + target.toRealPath());
  }

  @Test
  void aFifoOrADeviceIsRefusedAndLeftAlone() throws Exception {
    Path problem = problem();
    Path fifo = dir.resolve("pipe");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();

    CliRun toFifo = CliRun.run("solve", problem.toString(), "--out", fifo.toString());
    CliRun toDevice = CliRun.run("solve", problem.toString(), "--out", "/dev/null");

    assertThat(toFifo.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(toFifo.err()).contains("--out " + fifo + ": is not a regular file");
    assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).isFalse();
    assertThat(Files.exists(fifo, LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(toDevice.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(toDevice.err()).contains("--out /dev/null: is not a regular file");
  }

  @Test
  void aReadOnlyDirectoryIsRefusedBeforeSolving() throws Exception {
    Path problem = problem();
    Path locked = Files.createDirectory(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      CliRun run = CliRun.run("solve", problem.toString(), "--out", locked.resolve("r.txt").toString());

      assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(run.err()).contains("--out " + locked.resolve("r.txt") + ": directory " + locked + " is not writable");
      assertThat(run.out()).isEmpty();
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void aMissingDirectoryIsReportedUnderItsOwnOption() throws Exception {
    Path problem = problem();
    String missing = dir.resolve("missing").resolve("f").toString();

    CliRun certificate = CliRun.run("solve", problem.toString(), "--exact", "--certificate", missing);
    CliRun exportLp = CliRun.run("solve", problem.toString(), "--export-lp", missing + ".lp");
    CliRun curve =
        CliRun.run("solve", CliRun.instance("calibrated-example-c"), "--curve", missing + ".csv");
    CliRun summary = CliRun.run("batch", problem.toString(), "--summary", missing + ".jsonl");
    CliRun junit = CliRun.run("batch", problem.toString(), "--junit", missing + ".xml");

    assertThat(certificate.err()).contains("--certificate " + missing + ": directory");
    assertThat(exportLp.err()).contains("--export-lp " + missing + ".lp: directory");
    assertThat(curve.err()).contains("--curve " + missing + ".csv: directory");
    assertThat(summary.err()).contains("--summary " + missing + ".jsonl: directory");
    assertThat(junit.err()).contains("--junit " + missing + ".xml: directory");
    for (CliRun run : new CliRun[] {certificate, exportLp, curve, summary, junit}) {
      assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }
  }

  @Test
  void everyWrittenFileIsAnnouncedTheSameWay() throws Exception {
    Path problem = problem();
    Path report = dir.resolve("report.json");
    Path certificate = dir.resolve("cert.json");
    Path lp = dir.resolve("model.lp");
    Path summary = dir.resolve("summary.jsonl");
    Path junit = dir.resolve("junit.xml");

    CliRun solve =
        CliRun.run(
            "solve", problem.toString(), "--format", "json", "--out", report.toString(), "--exact",
            "--certificate", certificate.toString(), "--export-lp", lp.toString());
    CliRun batch =
        CliRun.run("batch", problem.toString(), "--summary", summary.toString(), "--junit", junit.toString());

    assertThat(solve.exitCode()).as(solve.err()).isEqualTo(ExitCodes.YES);
    assertThat(solve.err()).contains("wrote " + report, "wrote " + certificate, "wrote " + lp);
    assertThat(batch.err()).contains("wrote " + summary, "wrote " + junit);
    assertThat(report).exists();
    assertThat(certificate).exists();
    assertThat(lp).exists();
  }

  @Test
  void batchReportsNeverReplaceTheProblemFiles() throws Exception {
    Path problem = problem();

    CliRun run = CliRun.run("batch", dir.toString(), "--out", dir.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(run.err()).contains("is the input file");
    assertThat(problem).hasContent(Problems.POSTED_PRICE);
  }
}
