package org.mechlp.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.StateMechanism;
import org.mechlp.model.datadriven.DataDrivenFile;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.model.datadriven.DataDrivenProblem;
import org.mechlp.model.json.DataDrivenMechanismJson;
import org.mechlp.model.json.DataDrivenReader;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.model.json.StateMechanismJson;

/** Reads the files named on the command line, naming them in messages as the user wrote them. */
final class Inputs {
  private Inputs() {}

  /** Reads and validates a problem file. */
  static Problem problem(Path file) throws BadInputException, InvalidInputException {
    requireReadable(file);
    if (isDataDriven(file)) {
      throw new BadInputException(file + ": a data-driven problem (it has an \"estimator\"): use solve, check, vcg,"
          + " sequence or validate");
    }
    try {
      return ProblemReader.read(file);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file.toString(), e.issues());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Whether the file is a data-driven problem (it has an "estimator" block). */
  static boolean isDataDriven(Path file) throws BadInputException {
    requireReadable(file);
    try {
      return DataDrivenReader.isDataDriven(file);
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Reads and validates a data-driven problem file with its expectations. */
  static DataDrivenFile dataDriven(Path file) throws BadInputException, InvalidInputException {
    requireReadable(file);
    try {
      return DataDrivenReader.readFile(file);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file.toString(), e.issues());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Reads a data-driven mechanism file for {@code problem}. */
  static DataDrivenMechanism dataDrivenMechanism(Path file, DataDrivenProblem problem)
      throws BadInputException, InvalidInputException {
    requireReadable(file);
    try {
      return DataDrivenMechanismJson.read(file, problem);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file.toString(), e.issues());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Reads a mechanism file for {@code problem}. */
  static Mechanism mechanism(Path file, Problem problem) throws BadInputException, InvalidInputException {
    requireReadable(file);
    try {
      return MechanismJson.read(file, problem);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file.toString(), e.issues());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  /** Reads a state-dependent mechanism file for a calibrated {@code problem}. */
  static StateMechanism stateMechanism(Path file, Problem problem)
      throws BadInputException, InvalidInputException {
    requireReadable(file);
    try {
      return StateMechanismJson.read(file, problem);
    } catch (InvalidInputException e) {
      throw new InvalidInputException(file.toString(), e.issues());
    } catch (IOException e) {
      throw unreadable(file, e);
    }
  }

  private static void requireReadable(Path file) throws BadInputException {
    if (Files.isDirectory(file)) {
      throw new BadInputException(file + ": is a directory, expected a JSON file");
    }
    if (!Files.exists(file)) {
      throw new BadInputException(file + ": no such file");
    }
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
