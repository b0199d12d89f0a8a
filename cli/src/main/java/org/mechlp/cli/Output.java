package org.mechlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mechlp.cli.io.AtomicFiles;

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
    AtomicFiles.write(file, text);
  }

  /** True when the report goes to a file rather than stdout. */
  public boolean toFile() {
    return file != null;
  }

  private static Path directoryOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? file.toAbsolutePath().getRoot() : parent;
  }
}
