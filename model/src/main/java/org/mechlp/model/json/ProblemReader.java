package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Problem;
import org.mechlp.model.ProblemFile;
import org.mechlp.model.DataDrivenFile;

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
    JsonNode root = JsonInput.parse(json, sourceName);
    if (DataDrivenReader.isDataDriven(root)) {
      return new DataDrivenParser(sourceName, defaultName(sourceName)).parse((ObjectNode) root).problem().problem();
    }
    return new ProblemParser(sourceName, defaultName(sourceName)).parse(root);
  }

  /** Reads a problem file with its "expect" block (null when absent), for regression runs. */
  public static ProblemFile readFile(Path file) throws IOException, InvalidInputException {
    String json = StrictJson.readText(file);
    String source = file.toString();
    JsonNode root = JsonInput.parse(json, source);
    if (DataDrivenReader.isDataDriven(root)) {
      DataDrivenFile read = new DataDrivenParser(source, defaultName(source)).parse((ObjectNode) root);
      return new ProblemFile(read.problem().problem(), read.expectation());
    }
    ProblemParser parser = new ProblemParser(source, defaultName(source));
    Problem problem = parser.parse(root);
    return new ProblemFile(problem, parser.expectation());
  }

  /** The file name without its directory and its {@code .json} extension. */
  static String defaultName(String sourceName) {
    String name = sourceName.substring(Math.max(sourceName.lastIndexOf('/'), sourceName.lastIndexOf('\\')) + 1);
    return name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
  }
}
