package org.mechlp.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.mechlp.cli.io.AtomicFiles;

/**
 * Where a command's report or another file goes: stdout, or a file written atomically ({@link AtomicFiles}), so a
 * reader never sees a partial file and a failed run leaves an existing file untouched.
 *
 * <p>Every file a command will write is checked before any work is done ({@link #check}), naming the option: its
 * directory must exist and be writable; an existing file must be a writable regular file and none of the command's
 * input files. A symbolic link is written through: its target is replaced atomically and the link stays. A FIFO, a
 * device or a socket is refused, because the rename would replace it with a regular file. Each file written is
 * announced on stderr as {@code wrote FILE} ({@code wrote LINK -> TARGET} through a link).
 */
public final class Output {
  private final Path file;
  private final PrintWriter stdout;
  private final PrintWriter err;

  private Output(Path file, PrintWriter stdout, PrintWriter err) {
    this.file = file;
    this.stdout = stdout;
    this.err = err;
  }

  /**
   * The output for an optional {@code --out} file, checked now (see {@link #check}); without an error stream, so
   * nothing announces the file.
   *
   * @throws BadInputException when the file cannot be written
   */
  public static Output of(Path file, PrintWriter stdout) throws BadInputException {
    check("--out", file, List.of());
    return new Output(file, stdout, null);
  }

  /**
   * The output for {@code option} naming {@code file} (stdout when null), checked now, that says {@code wrote FILE}
   * on {@code err} once it has written the file.
   *
   * @param inputs the command's input files, which the output must not replace (nulls are skipped)
   * @throws BadInputException when the file cannot be written, naming {@code option}
   */
  public static Output of(String option, Path file, PrintWriter stdout, PrintWriter err, Path... inputs)
      throws BadInputException {
    check(option, file, Arrays.asList(inputs));
    return new Output(file, stdout, err);
  }

  /**
   * Checks before any work that {@code file}, named by {@code option}, can be written: its directory exists and is
   * writable; if it exists it is a regular file (or a link to one) that is writable and is none of {@code inputs}.
   * Does nothing when {@code file} is null.
   *
   * @throws BadInputException saying what is wrong, starting with the option and the file
   */
  public static void check(String option, Path file, Collection<Path> inputs) throws BadInputException {
    if (file == null) {
      return;
    }
    String named = option + " " + file;
    if (Files.isDirectory(file)) {
      throw new BadInputException(named + ": is a directory, expected a file name");
    }
    Path target = file;
    if (Files.isSymbolicLink(file)) {
      try {
        target = file.toRealPath();
      } catch (IOException e) {
        throw new BadInputException(
            named + ": is a symbolic link to a missing file; name the file itself (mechlp writes through links"
                + " to existing files only)");
      }
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
        throw new BadInputException(
            named + ": is not a regular file (a FIFO, a device or a socket); mechlp writes regular files only,"
                + " name one");
      }
      if (readOnly(target)) {
        throw new BadInputException(named + ": is read-only; mechlp does not replace a read-only file");
      }
      for (Path input : inputs) {
        if (input != null && sameFile(input, target)) {
          throw new BadInputException(
              named + ": is the input file " + input + "; mechlp never overwrites its input, name another file");
        }
      }
    }
    Path dir = directoryOf(target);
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(named + ": directory " + dir + " does not exist");
    }
    if (readOnly(dir)) {
      throw new BadInputException(named + ": directory " + dir + " is not writable");
    }
  }

  /**
   * Checks before any work that {@code dir}, named by {@code option}, is a writable directory.
   *
   * @throws BadInputException saying what is wrong, starting with the option and the directory
   */
  public static void checkDirectory(String option, Path dir) throws BadInputException {
    if (!Files.isDirectory(dir)) {
      throw new BadInputException(option + " " + dir + ": no such directory");
    }
    if (readOnly(dir)) {
      throw new BadInputException(option + " " + dir + ": directory is not writable");
    }
  }

  /** Writes the whole report: to stdout, or atomically replacing the file (then says so on stderr). */
  public void write(String text) throws IOException {
    write(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code content}: to stdout as UTF-8 text, or atomically replacing the file (then says so on stderr). */
  public void write(byte[] content) throws IOException {
    if (file == null) {
      stdout.print(new String(content, StandardCharsets.UTF_8));
      stdout.flush();
      return;
    }
    Path written = AtomicFiles.write(file, content);
    if (err != null) {
      err.println(wrote(file, written));
      err.flush();
    }
  }

  /** True when the report goes to a file rather than stdout. */
  public boolean toFile() {
    return file != null;
  }

  /** {@code wrote FILE}, or {@code wrote LINK -> TARGET} when {@code written} is a link's target. */
  public static String wrote(Path file, Path written) {
    return written.equals(file) ? "wrote " + file : "wrote " + file + " -> " + written;
  }

  /**
   * Whether {@code path} may not be written: the system says so, or (as the superuser may write anything) no one
   * has write permission on it.
   */
  private static boolean readOnly(Path path) {
    if (!Files.isWritable(path)) {
      return true;
    }
    try {
      Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
      return !permissions.contains(PosixFilePermission.OWNER_WRITE)
          && !permissions.contains(PosixFilePermission.GROUP_WRITE)
          && !permissions.contains(PosixFilePermission.OTHERS_WRITE);
    } catch (UnsupportedOperationException | IOException e) {
      return false;
    }
  }

  private static boolean sameFile(Path input, Path target) {
    try {
      return Files.exists(input) && Files.isSameFile(input, target);
    } catch (IOException e) {
      return Objects.equals(input.toAbsolutePath().normalize(), target.toAbsolutePath().normalize());
    }
  }

  private static Path directoryOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? file.toAbsolutePath().getRoot() : parent;
  }
}
