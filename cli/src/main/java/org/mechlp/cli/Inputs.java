package org.mechlp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.StateMechanism;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.model.json.StrictJson;
import org.mechlp.model.json.StateMechanismJson;

/**
 * Reads the files named on the command line, naming them in messages as the user wrote them. The name {@code -}
 * stands for standard input ({@code mechlp solve - < problem.json}); it is named {@code <stdin>} in messages.
 */
final class Inputs {
  /** The file name that means standard input. */
  static final String STDIN = "-";

  /** How standard input is named in messages. */
  static final String STDIN_NAME = "<stdin>";

  /**
   * Standard input can be read only once, but a command may need its bytes twice (parse the problem, then hash it
   * for a certificate): the bytes are kept, together with the stream they came from, so that a new System.in (a
   * test's) is read afresh.
   */
  private static InputStream stdinRead;

  private static byte[] stdinBytes;

  private Inputs() {}

  /** Whether {@code file} is {@code -}, standard input. */
  static boolean isStdin(Path file) {
    return file != null && file.toString().equals(STDIN);
  }

  /** The file's name in messages: as written, or {@code <stdin>}. */
  static String name(Path file) {
    return isStdin(file) ? STDIN_NAME : file.toString();
  }

  /** Reads and validates a problem file. */
  static Problem problem(Path file) throws BadInputException, InvalidInputException {
    String json = text(file);
    try {
      return ProblemReader.read(json, name(file));
    } catch (InvalidInputException e) {
      throw new InvalidInputException(name(file), e.issues());
    }
  }

  /** Reads a mechanism file for {@code problem}. */
  static Mechanism mechanism(Path file, Problem problem) throws BadInputException, InvalidInputException {
    String json = text(file);
    try {
      return MechanismJson.read(json, name(file), problem);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(name(file), e.issues());
    }
  }

  /** Reads a state-dependent mechanism file for a calibrated {@code problem}. */
  static StateMechanism stateMechanism(Path file, Problem problem)
      throws BadInputException, InvalidInputException {
    String json = text(file);
    try {
      return StateMechanismJson.read(json, name(file), problem);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(name(file), e.issues());
    }
  }

  /** The file's text, decoded as strict UTF-8 (the first bad byte is named by its offset). */
  static String text(Path file) throws BadInputException, InvalidInputException {
    return StrictJson.decode(bytes(file), name(file));
  }

  /**
   * The file's bytes, at most StrictJson.MAX_FILE_BYTES of them (so /dev/zero is refused, not read until memory
   * runs out); for {@code -}, all of standard input (the same bytes on every call).
   */
  static byte[] bytes(Path file) throws BadInputException, InvalidInputException {
    if (isStdin(file)) {
      return stdin();
    }
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + ": is a directory, expected a JSON file");
    }
    if (!Files.exists(file)) {
      throw new BadInputException(file + ": no such file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return StrictJson.readBytes(in, file.toString());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Refuses two inputs that are both {@code -}: standard input holds one file. */
  static void requireOneStdin(String what, Path first, Path second) throws BadInputException {
    if (isStdin(first) && isStdin(second)) {
      throw new BadInputException(what + ": standard input (-) holds one file; give the other as a file name");
    }
  }

  private static synchronized byte[] stdin() throws BadInputException, InvalidInputException {
    if (stdinRead != System.in) {
      try {
        stdinBytes = StrictJson.readBytes(System.in, STDIN_NAME);
      } catch (IOException e) {
        throw new BadInputException(STDIN_NAME + ": cannot read: " + e.getMessage());
      }
      stdinRead = System.in;
    }
    if (stdinBytes.length == 0) {
      throw new BadInputException(
          STDIN_NAME + ": empty; pipe or redirect a JSON file into mechlp (mechlp solve - < p.json)");
    }
    return stdinBytes;
  }

  private static BadInputException unreadable(Path file, IOException e) {
    if (e instanceof NoSuchFileException) {
      return new BadInputException(file + ": no such file");
    }
    if (e instanceof AccessDeniedException) {
      return new BadInputException(file + ": permission denied");
    }
    return new BadInputException(file + ": cannot read: " + e.getMessage());
  }
}
