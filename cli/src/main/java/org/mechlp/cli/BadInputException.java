package org.mechlp.cli;

/** Input the user can fix (a missing file, an unusable --out path); reported on stderr with exit code 2. */
public final class BadInputException extends Exception {
  private static final long serialVersionUID = 1L;

  /** A bad-input error with a message that says what to fix. */
  public BadInputException(String message) {
    super(message);
  }
}
