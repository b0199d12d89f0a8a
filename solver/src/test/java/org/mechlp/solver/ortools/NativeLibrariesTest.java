package org.mechlp.solver.ortools;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.jar.JarEntry;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-user cache of OR-Tools' native libraries: extracted once, reused, never half-written or stale. */
class NativeLibrariesTest {

  @Test
  void extractsOnceAndReusesTheSameFolder(@TempDir Path root) throws IOException {
    Path first = NativeLibraries.cachedCopy(root).orElseThrow();
    Path jni = first.resolve(System.mapLibraryName("jniortools"));
    assertThat(jni).isRegularFile();
    FileTime written = Files.getLastModifiedTime(jni);

    Path second = NativeLibraries.cachedCopy(root).orElseThrow();

    assertThat(second).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(jni)).isEqualTo(written);
    try (Stream<Path> children = Files.list(root)) {
      // Only the finished copy: no staging folder is left behind.
      assertThat(children.toList()).containsExactly(first);
    }
  }

  @Test
  void aTruncatedLibraryIsNotUsed(@TempDir Path root) throws IOException {
    Path folder = NativeLibraries.cachedCopy(root).orElseThrow();
    Files.write(folder.resolve(System.mapLibraryName("jniortools")), new byte[] {1, 2, 3});

    assertThat(NativeLibraries.cachedCopy(root)).isEmpty();
  }

  @Test
  void concurrentFirstRunsAgreeOnOneIntactCopy(@TempDir Path root) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Callable<Optional<Path>> run = () -> NativeLibraries.cachedCopy(root);
      List<Future<Optional<Path>>> runs = pool.invokeAll(List.of(run, run, run));
      Path expected = runs.get(0).get().orElseThrow();
      for (Future<Optional<Path>> each : runs) {
        assertThat(each.get()).contains(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    try (Stream<Path> children = Files.list(root)) {
      assertThat(children.toList()).containsExactly(NativeLibraries.cachedCopy(root).orElseThrow());
    }
  }

  @Test
  void theFingerprintChangesWithAnyEntrysSizeOrChecksum() {
    JarEntry a = entry("ortools-linux-x86-64/libx.so", 10, 7);
    JarEntry b = entry("ortools-linux-x86-64/liby.so", 20, 9);
    String base = NativeLibraries.fingerprint(List.of(a, b));

    assertThat(NativeLibraries.fingerprint(List.of(a, b))).isEqualTo(base);
    assertThat(NativeLibraries.fingerprint(List.of(a, entry("ortools-linux-x86-64/liby.so", 21, 9))))
        .isNotEqualTo(base);
    assertThat(NativeLibraries.fingerprint(List.of(a, entry("ortools-linux-x86-64/liby.so", 20, 8))))
        .isNotEqualTo(base);
    assertThat(NativeLibraries.fingerprint(List.of(a))).isNotEqualTo(base);
  }

  private static JarEntry entry(String name, long size, long crc) {
    JarEntry entry = new JarEntry(name);
    entry.setSize(size);
    entry.setCrc(crc);
    return entry;
  }
}
