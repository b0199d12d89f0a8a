package org.mechlp.cli.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files written through a temporary sibling and an atomic rename, so that a reader never sees a partial file and a
 * failed run leaves an existing file untouched.
 */
public final class AtomicFiles {
  private AtomicFiles() {}

  /**
   * Writes {@code text} to {@code target} through a temporary sibling and an atomic rename.
   *
   * @return the file replaced: {@code target}, or the file it links to
   */
  public static Path write(Path target, String text) throws IOException {
    return write(target, text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Writes {@code content} to {@code target} through a temporary sibling and an atomic rename; a symbolic link is
   * followed, so its target is replaced and the link stays.
   *
   * @return the file replaced: {@code target}, or the file it links to
   */
  public static Path write(Path target, byte[] content) throws IOException {
    Path real = Files.isSymbolicLink(target) ? target.toRealPath() : target;
    Path dir = directoryOf(real);
    Path temp = Files.createTempFile(dir, "." + real.getFileName() + ".", ".tmp");
    // Ctrl-C skips the finally block below but runs the JVM's exit hooks.
    temp.toFile().deleteOnExit();
    try {
      Files.write(temp, content);
      // Temporary files are created private (rw-------); a report is an ordinary file: keep the permissions of
      // the file it replaces, or use rw-r--r--.
      if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
        Files.setPosixFilePermissions(
            temp,
            Files.exists(real)
                ? Files.getPosixFilePermissions(real)
                : PosixFilePermissions.fromString("rw-r--r--"));
      }
      Files.move(temp, real, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temp);
    }
    return real;
  }

  private static Path directoryOf(Path file) {
    Path parent = file.toAbsolutePath().getParent();
    return parent == null ? file.toAbsolutePath().getRoot() : parent;
  }
}
