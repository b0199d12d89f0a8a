package org.mechlp.model.json;

import java.io.IOException;
import java.nio.file.Path;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.ProblemFile;

/**
 * Reads and validates problem files (format {@code mechlp/1}, described in docs/FORMAT.md and
 * schema/mechlp-1.schema.json). Every issue in a file is reported at once, each with the JSON path it concerns.
 */
public final class ProblemReader {
  private ProblemReader() {}

  /** Reads, validates and indexes a problem file, reporting every issue at once. */
  public static Problem read(Path file) throws IOException, InvalidInputException {
    String json = StrictJson.readText(file);
    return read(json, file.toString());
  }

  /** Reads a problem from JSON text; {@code sourceName} names it in messages and is the default problem name. */
  public static Problem read(String json, String sourceName) throws InvalidInputException {
    return new ProblemParser(sourceName, defaultName(sourceName)).parse(JsonInput.parse(json, sourceName));
  }

  /** Reads a problem file with its "expect" block (null when absent), for regression runs. */
  public static ProblemFile readFile(Path file) throws IOException, InvalidInputException {
    String json = StrictJson.readText(file);
    String source = file.toString();
    ProblemParser parser = new ProblemParser(source, defaultName(source));
    Problem problem = parser.parse(JsonInput.parse(json, source));
    return new ProblemFile(problem, parser.expectation());
  }

  /** The file name without its directory and its {@code .json} extension. */
  static String defaultName(String sourceName) {
    String name = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
    return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
  }
}
