package org.mechlp.cli.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where an {@code expect.mechanism} file may be: a regular file inside the problem file's folder tree, named by a
 * relative path. A problem file comes from whoever wrote it, and batch reports echo what they read, so a path out of
 * the tree ({@code /proc/self/environ}, {@code ../../.ssh/id_rsa}) is refused by name, without reading it. Symbolic
 * links inside the tree are followed: the folder's owner placed them (the shipped {@code instances/proposals} is one).
 */
final class MechanismFiles {
  /** Mechanism files are small JSON objects; anything larger than this is not one. */
  static final long MAX_BYTES = 64L * 1024 * 1024;

  private MechanismFiles() {}

  /** The mechanism file {@code name} of {@code problemFile}, or why it may not be read. */
  static Resolved resolve(Path problemFile, String name) {
    Path folder = problemFile.toAbsolutePath().normalize().getParent();
    Path given;
    try {
      given = Path.of(name);
    } catch (RuntimeException e) {
      return Resolved.refused("expect.mechanism: not a file name");
    }
    if (given.isAbsolute()) {
      return Resolved.refused(
          "expect.mechanism " + name + ": must be a path relative to the problem file's folder, not absolute");
    }
    Path file = folder.resolve(given).normalize();
    if (!file.startsWith(folder)) {
      return Resolved.refused("expect.mechanism " + name + ": leaves the problem file's folder; name a file inside it");
    }
    try {
      // Links inside the folder were put there by its owner, not by the problem file, so they are followed.
      Path real = file.toRealPath();
      if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
        return Resolved.refused("expect.mechanism " + name + ": not a regular file");
      }
      if (Files.size(real) > MAX_BYTES) {
        return Resolved.refused(
            "expect.mechanism " + name + ": larger than " + MAX_BYTES / (1024 * 1024) + " MB, not a mechanism file");
      }
      return new Resolved(Optional.of(real), "");
    } catch (IOException e) {
      return Resolved.refused("expect.mechanism " + name + ": no such file");
    }
  }

  /**
   * A mechanism file that may be read, or the reason it may not.
   *
   * @param file the file, when it may be read
   * @param refusal why not, naming the option and the path as written (never the file's content)
   */
  record Resolved(Optional<Path> file, String refusal) {
    static Resolved refused(String why) {
      return new Resolved(Optional.empty(), why);
    }
  }
}
