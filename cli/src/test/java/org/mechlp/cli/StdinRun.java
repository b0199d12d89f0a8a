package org.mechlp.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

/** Runs {@code mechlp args...} in this JVM with {@code stdin} as standard input (restored afterwards). */
final class StdinRun {
  private StdinRun() {}

  static CliRun run(byte[] stdin, String... args) {
    InputStream saved = System.in;
    System.setIn(new ByteArrayInputStream(stdin));
    try {
      return CliRun.run(args);
    } finally {
      System.setIn(saved);
    }
  }
}
