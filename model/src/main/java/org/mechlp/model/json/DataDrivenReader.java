package org.mechlp.model.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.DataDrivenFile;
import org.mechlp.model.DataDrivenProblem;

/**
 * Reads data-driven problem files: standard problem files (format {@code mechlp/1}) with an {@code "estimator"}
 * block and an optional {@code "equilibrium"} (docs/FORMAT.md, Data-driven mechanisms). The standard part is read
 * and validated by the standard parser; the estimator is then validated against its states and outcomes, every issue
 * with its JSON path.
 */
public final class DataDrivenReader {
  /** The field whose presence makes a problem file data-driven. */
  public static final String ESTIMATOR = "estimator";

  private DataDrivenReader() {}

  /** Whether the file at {@code file} has an {@code "estimator"} block (false when it is not a JSON object). */
  public static boolean isDataDriven(Path file) throws IOException {
    try {
      return isDataDriven(JsonInput.parse(Files.readString(file, StandardCharsets.UTF_8), file.toString()));
    } catch (InvalidInputException e) {
      return false;
    }
  }

  /** Whether the JSON text has an {@code "estimator"} block (false when it is not a JSON object). */
  public static boolean isDataDriven(String json) {
    try {
      return isDataDriven(JsonInput.parse(json, ""));
    } catch (InvalidInputException e) {
      return false;
    }
  }

  static boolean isDataDriven(JsonNode root) {
    return root.isObject() && root.has(ESTIMATOR);
  }

  /** Reads and validates a data-driven problem file. */
  public static DataDrivenProblem read(Path file) throws IOException, InvalidInputException {
    return readFile(file).problem();
  }

  /** Reads a data-driven problem from JSON text; {@code sourceName} names it in messages. */
  public static DataDrivenProblem read(String json, String sourceName) throws InvalidInputException {
    return parse(json, sourceName).problem();
  }

  /** Reads a data-driven problem file with its expectations. */
  public static DataDrivenFile readFile(Path file) throws IOException, InvalidInputException {
    return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
  }

  private static DataDrivenFile parse(String json, String source) throws InvalidInputException {
    JsonNode root = JsonInput.parse(json, source);
    if (!isDataDriven(root)) {
      throw new InvalidInputException(
          source, java.util.List.of(org.mechlp.model.Issue.of(ESTIMATOR, "missing: a data-driven problem needs an"
              + " \"estimator\" block")));
    }
    return new DataDrivenParser(source, ProblemReader.defaultName(source)).parse((ObjectNode) root);
  }
}
