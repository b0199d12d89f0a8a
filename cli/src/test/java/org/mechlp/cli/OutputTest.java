package org.mechlp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mechlp.cli.io.AtomicFiles;

class OutputTest {
  @TempDir Path dir;

  @Test
  void replacesAnExistingFileAndLeavesNoTemporaryFile() throws Exception {
    Path target = dir.resolve("report.txt");
    Files.writeString(target, "old");
    Output.of(target, new PrintWriter(new StringWriter())).write("new report\n");
    assertThat(target).hasContent("new report");
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files).containsExactly(target);
    }
  }

  @Test
  void writesToStdoutWithoutAFile() throws Exception {
    StringWriter out = new StringWriter();
    Output.of(null, new PrintWriter(out)).write("text\n");
    assertThat(out).hasToString("text\n");
  }

  @Test
  void rejectsAMissingDirectoryBeforeAnyWork() {
    Path target = dir.resolve("missing").resolve("report.txt");
    assertThatThrownBy(() -> Output.of(target, new PrintWriter(new StringWriter())))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("does not exist");
  }

  @Test
  void writtenFilesAreReadableLikeOrdinaryFilesAndKeepReplacedPermissions() throws Exception {
    Path fresh = dir.resolve("fresh.json");
    AtomicFiles.write(fresh, "{}");
    // The temporary file is created rw-------; the report must not stay private.
    assertThat(java.nio.file.Files.getPosixFilePermissions(fresh))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));

    java.nio.file.Files.setPosixFilePermissions(
        fresh, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
    AtomicFiles.write(fresh, "{\"again\": true}");
    assertThat(java.nio.file.Files.getPosixFilePermissions(fresh))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
  }
}
