package org.mechlp.cli.batch;

import java.nio.file.Path;
import org.apache.commons.math3.fraction.BigFraction;

/**
 * The outcome of one problem file in a batch run.
 *
 * @param file the problem file
 * @param name the problem's name (the file name when it could not be read)
 * @param verdict OK, MISMATCH (the answer differs from the file's expectation), INVALID (bad input) or FAILED
 *     (solver failure, numerical failure or a limit, when no expectation asked for it, or an unexpected error) or
 *     NOT_RUN (the batch was interrupted before this problem finished)
 * @param status the solve status, or null when the file could not be solved
 * @param objective the optimal value, or null
 * @param rows LP rows (0 when not solved)
 * @param maxViolation the verifier's largest violation, or NaN
 * @param nanos wall time for this problem
 * @param detail what went wrong or what differed, or empty
 * @param certification with {@code batch --exact}: CERTIFIED or NOT_CERTIFIED; null without --exact
 * @param exactObjective with {@code batch --exact}: the certified optimal value, or null
 */
public record BatchResult(
    Path file,
    String name,
    Verdict verdict,
    String status,
    Double objective,
    long rows,
    double maxViolation,
    long nanos,
    String detail,
    String certification,
    BigFraction exactObjective) {
  /** The certification status of an answer proven in exact arithmetic. */
  public static final String CERTIFIED = "CERTIFIED";

  /** The certification status of an answer that {@code batch --exact} could not prove. */
  public static final String NOT_CERTIFIED = "NOT_CERTIFIED";

  /** A result of a run without {@code --exact}. */
  public BatchResult(
      Path file,
      String name,
      Verdict verdict,
      String status,
      Double objective,
      long rows,
      double maxViolation,
      long nanos,
      String detail) {
    this(file, name, verdict, status, objective, rows, maxViolation, nanos, detail, null, null);
  }

  /** How one problem fared. */
  public enum Verdict {
    OK,
    MISMATCH,
    INVALID,
    FAILED,
    /** Not solved: the batch was interrupted first (Ctrl-C, SIGTERM); the batch is incomplete. */
    NOT_RUN
  }
}
