package org.mechlp.solver.classic;

/** A built-in mechanism does not apply to a problem; the message says why, in the problem's terms. */
public final class NotApplicableException extends Exception {
  private static final long serialVersionUID = 1L;

  /** The built-in {@code name} does not apply, because {@code reason}. */
  public NotApplicableException(String name, String reason) {
    super(name + " does not apply: " + reason);
  }
}
