package org.mechlp.cli;

/** The process exit codes, the same for every command. */
public final class ExitCodes {
  /** The command answered yes: optimal, feasible, check passed, every file valid. */
  public static final int YES = 0;
  /** Anything unexpected (a bug or an environment problem); the message is on stderr. */
  public static final int UNEXPECTED = 1;
  /** Bad input or usage: an invalid problem or mechanism file, a missing file, a bad option. */
  public static final int BAD_INPUT = 2;
  /** The command answered no: infeasible or unbounded, or the check found violations. */
  public static final int NO = 3;
  /** The solver failed, hit a numerical problem, or a limit was reached. */
  public static final int SOLVER_FAILURE = 4;
  /** A batch summary is incomplete: some problems were not run (the batch was interrupted). */
  public static final int INCOMPLETE = 5;

  /** The help footer listing the exit codes, shared by every command. */
  public static final String FOOTER =
      "%nExit codes:%n"
          + "  0  answered yes: optimal, feasible, check passed, all files valid%n"
          + "  1  unexpected error (message on stderr; stack trace with --stacktrace)%n"
          + "  2  bad input or usage: invalid file, missing file, bad option; no output%n"
          + "     file is written%n"
          + "  3  answered no: infeasible or unbounded, or the check found violations;%n"
          + "     the report is written%n"
          + "  4  solver failure, numerical failure or a limit reached (LP size, time,%n"
          + "     memory)%n"
          + "  5  incomplete: merge found problems a batch did not run (it was%n"
          + "     interrupted; an interrupted batch itself exits 130 or 143)%n";

  private ExitCodes() {}
}
