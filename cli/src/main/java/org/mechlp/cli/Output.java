package org.mechlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Where a command's report goes: stdout, or a file written atomically (a temporary file in the same directory, then
 * an atomic rename), so a reader never sees a partial report and a failed run leaves an existing file untouched.
 */
public final class Output {
  private final Path file;
  private final PrintWriter stdout;

  private Output(Path file, PrintWriter stdout) {
    this.file = file;
    this.stdout = stdout;
  }

  /**
   * The output for an optional {@code --out} file; checks before any work is done that its directory exists, so a
   * long solve does not end with an unwritable path.
   *
   * @throws BadInputException when the directory of {@code file} does not exist or {@code file} is a directory
   */
  public static Output of(Path file, PrintWriter stdout) throws BadInputException {
    if (file != null) {
      Path dir = directoryOf(file);
      if (!Files.isDirectory(dir)) {
        throw new BadInputException("--out " + file + ": directory " + dir + " does not exist");
      }
      if (Files.isDirectory(file)) {
        throw new BadInputException("--out " + file + ": is a directory, expected a file name");
      }
    }
    return new Output(file, stdout);
  }

  /** Writes the whole report: to stdout, or atomically replacing the file. */
  public void write(String text) throws IOException {
    if (file == null) {
      stdout.print(text);
      stdout.flush();
      return;
    }
    writeAtomically(file, text);
  }

  /** True when the report goes to a file rather than stdout. */
  public boolean toFile() {
    return file != null;
  }

  /** Writes {@code text} to {@code target} through a temporary sibling and an atomic rename. */
  public static void writeAtomically(Path target, String text) throws IOException {
    writeAtomically(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code content} to {@code target} through a temporary sibling and an atomic rename. */
  public static void writeAtomically(Path target, byte[] content) throws IOException {
    Path dir = directoryOf(target);
    Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
    // Ctrl-C skips the finally block below but runs the JVM's exit hooks.
    temp.toFile().deleteOnExit();
    try {
      Files.write(temp, content);
      // Temporary files are created private (rw-------); a report is an ordinary file: keep the permissions of
      // the file it replaces, or use rw-r--r--.
      if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(
            temp,
            Files.exists(target)
                ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Path directoryOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? file.toAbsolutePath().getRoot() : parent;
  }
}
