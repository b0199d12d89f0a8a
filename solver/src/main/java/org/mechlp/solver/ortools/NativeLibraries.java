package org.mechlp.solver.ortools;

import com.google.ortools.Loader;
import com.sun.jna.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Loads OR-Tools' native libraries from a per-user cache, extracting them from the jar only on the first run.
 *
 * <p>OR-Tools' own {@link Loader} copies its whole native directory (about 65 MB, 113 files) into a fresh temporary
 * directory on every start, which was measured at about half the CPU time of a small solve. The cache holds one
 * copy per distinct set of libraries: its folder name is a fingerprint of every entry's name, size and CRC-32 from
 * the jar's central directory (read without inflating anything), so a different OR-Tools version gets its own folder
 * and a stale one is never reused. The folder is filled under a temporary name and renamed into place atomically,
 * so concurrent first runs (a CI matrix, parallel batch scripts) never load a half-written copy. Each file's size
 * is checked against the jar before loading.
 *
 * <p>The cache lives in {@code $MECHLP_NATIVE_CACHE}, else {@code $XDG_CACHE_HOME/mechlp/natives}, else
 * {@code ~/.cache/mechlp/natives}; {@code MECHLP_NATIVE_CACHE=none} turns it off. When anything goes wrong (no
 * writable home, libraries not inside a jar, a load failure) mechlp falls back to OR-Tools' own loader, which is
 * slower but always works.
 */
final class NativeLibraries {
  static final String CACHE_ENVIRONMENT_VARIABLE = "MECHLP_NATIVE_CACHE";
  private static final String RESOURCE_DIRECTORY = "ortools-" + Platform.RESOURCE_PREFIX + "/";
  private static final String JNI_LIBRARY = System.mapLibraryName("jniortools");

  private NativeLibraries() {}

  /** Loads the libraries, from the cache when possible. Not thread-safe: call once, from a class initializer. */
  static void load() {
    Optional<Path> cached = Optional.empty();
    try {
      Optional<Path> root = cacheRoot();
      if (root.isPresent()) {
        cached = cachedCopy(root.get());
      }
    } catch (IOException | UncheckedIOException | SecurityException e) {
      // Falls back to OR-Tools' loader below; the cache is an optimization, never a requirement.
    }
    if (cached.isPresent()) {
      try {
        System.load(cached.get().resolve(JNI_LIBRARY).toString());
        return;
      } catch (UnsatisfiedLinkError e) {
        // For example a cache on a file system mounted noexec: OR-Tools' loader tries the temporary directory.
      }
    }
    Loader.loadNativeLibraries();
  }

  /** The cache's root folder, or empty when it is switched off or no home folder is known. */
  static Optional<Path> cacheRoot() {
    String explicit = System.getenv(CACHE_ENVIRONMENT_VARIABLE);
    if (explicit != null && !explicit.isBlank()) {
      return explicit.strip().toLowerCase(Locale.ROOT).equals("none")
          ? Optional.empty()
          : Optional.of(Path.of(explicit.strip()));
    }
    String xdg = System.getenv("XDG_CACHE_HOME");
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return Optional.of(Path.of(xdg, "mechlp", "natives"));
    }
    String home = System.getProperty("user.home");
    if (home == null || home.isBlank() || home.equals("?")) {
      return Optional.empty();
    }
    return Optional.of(Path.of(home, ".cache", "mechlp", "natives"));
  }

  /**
   * The folder holding an intact copy of the jar's native libraries under {@code root}, extracted now if missing;
   * empty when the libraries are not inside a jar.
   */
  static Optional<Path> cachedCopy(Path root) throws IOException {
    URL resource = Loader.class.getClassLoader().getResource(RESOURCE_DIRECTORY);
    if (resource == null || !"jar".equals(resource.getProtocol())) {
      return Optional.empty();
    }
    JarURLConnection connection = (JarURLConnection) resource.openConnection();
    connection.setUseCaches(false);
    try (JarFile jar = new JarFile(jarPath(connection).toFile())) {
      List<JarEntry> entries = nativeEntries(jar);
      if (entries.stream().noneMatch(e -> e.getName().equals(RESOURCE_DIRECTORY + JNI_LIBRARY))) {
        return Optional.empty();
      }
      Path folder = root.resolve(RESOURCE_DIRECTORY.replace("/", "") + "-" + fingerprint(entries));
      if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        return intact(folder, entries) ? Optional.of(folder) : Optional.empty();
      }
      extract(jar, entries, root, folder);
      return intact(folder, entries) ? Optional.of(folder) : Optional.empty();
    }
  }

  private static Path jarPath(JarURLConnection connection) throws IOException {
    try {
      return Path.of(connection.getJarFileURL().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IOException("cannot locate the jar of " + connection.getURL(), e);
    }
  }

  private static List<JarEntry> nativeEntries(JarFile jar) {
    List<JarEntry> entries = new ArrayList<>();
    jar.stream()
        .filter(e -> !e.isDirectory() && e.getName().startsWith(RESOURCE_DIRECTORY))
        .filter(e -> e.getName().indexOf('/', RESOURCE_DIRECTORY.length()) < 0)
        .forEach(entries::add);
    entries.sort(Comparator.comparing(JarEntry::getName));
    return entries;
  }

  /** 64 bits of FNV-1a over every entry's name, size and CRC-32: enough to tell library sets apart. */
  static String fingerprint(List<JarEntry> entries) {
    long hash = 0xcbf29ce484222325L;
    for (JarEntry entry : entries) {
      String key = entry.getName() + ':' + entry.getSize() + ':' + entry.getCrc() + ';';
      for (int i = 0; i < key.length(); i++) {
        hash ^= key.charAt(i);
        hash *= 0x100000001b3L;
      }
    }
    return String.format(Locale.ROOT, "%016x", hash);
  }

  private static boolean intact(Path folder, List<JarEntry> entries) throws IOException {
    for (JarEntry entry : entries) {
      Path file = folder.resolve(fileName(entry));
      if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) != entry.getSize()) {
        return false;
      }
    }
    return true;
  }

  private static void extract(JarFile jar, List<JarEntry> entries, Path root, Path folder)
      throws IOException {
    createPrivateDirectories(root);
    Path staging = Files.createTempDirectory(root, ".extracting-");
    try {
      for (JarEntry entry : entries) {
        try (InputStream in = jar.getInputStream(entry)) {
          Files.copy(in, staging.resolve(fileName(entry)));
        }
      }
      Files.move(staging, folder, StandardCopyOption.ATOMIC_MOVE);
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
      // Another process finished first (its copy is checked by the caller), or the rename cannot be atomic.
    } catch (IOException e) {
      if (!Files.isDirectory(folder)) {
        throw e;
      }
      // A concurrent run renamed its copy into place first ("directory not empty"): use that one.
    } finally {
      deleteRecursively(staging);
    }
  }

  private static void createPrivateDirectories(Path root) throws IOException {
    if (Files.isDirectory(root)) {
      return;
    }
    try {
      Files.createDirectories(
          root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      Files.createDirectories(root);
    }
  }

  private static String fileName(JarEntry entry) {
    return entry.getName().substring(RESOURCE_DIRECTORY.length());
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
