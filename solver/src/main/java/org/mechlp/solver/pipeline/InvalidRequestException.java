package org.mechlp.solver.pipeline;

/**
 * A request the pipeline cannot run as asked (a mode that does not fit the problem, an option a mode does not
 * take): the user can fix it, so the command line reports it as bad input (exit code 2) without writing any file.
 */
public final class InvalidRequestException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** An invalid request with a message that says what to change. */
  public InvalidRequestException(String message) {
    super(message);
  }
}
