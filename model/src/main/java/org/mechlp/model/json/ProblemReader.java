package org.mechlp.model.json;

import java.io.IOException;
import java.nio.file.Path;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;

/** Reads and validates problem files (format {@code mechlp/1}). */
public final class ProblemReader {
  private ProblemReader() {}

  /** Reads, validates and indexes a problem file, reporting every issue at once. */
  public static Problem read(Path file) throws IOException, InvalidInputException {
    throw new UnsupportedOperationException("being written in issue #2");
  }

  /** Reads a problem from JSON text; {@code sourceName} names it in messages and is the default problem name. */
  public static Problem read(String json, String sourceName) throws InvalidInputException {
    throw new UnsupportedOperationException("being written in issue #2");
  }
}
