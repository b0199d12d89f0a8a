package org.mechlp.model.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;

/** Writes and reads mechanisms in the {@code mechlp-mechanism/1} JSON shape. */
public final class MechanismJson {
  private MechanismJson() {}

  /** The mechanism as the JSON object written by {@code solve --format json}. */
  public static ObjectNode toJson(Problem problem, Mechanism mechanism) {
    throw new UnsupportedOperationException("being written");
  }

  /** Reads a mechanism file for {@code problem}, reporting every issue at once. */
  public static Mechanism read(Path file, Problem problem) throws IOException, InvalidInputException {
    throw new UnsupportedOperationException("being written");
  }

  /** Reads a mechanism from JSON text; {@code sourceName} names it in messages. */
  public static Mechanism read(String json, String sourceName, Problem problem)
      throws InvalidInputException {
    throw new UnsupportedOperationException("being written");
  }
}
