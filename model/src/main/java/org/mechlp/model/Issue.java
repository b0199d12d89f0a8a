package org.mechlp.model;

import java.util.Objects;

/**
 * One thing wrong with an input file.
 *
 * @param pointer the JSON path of the offending value, as users write it: {@code agents[1].prior}
 * @param message what is wrong, with the offending value
 * @param hint a suggestion, or null
 */
public record Issue(String pointer, String message, String hint) {
  public Issue {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(message, "message");
  }

  /** An issue without a hint. */
  public static Issue of(String pointer, String message) {
    return new Issue(pointer, message, null);
  }

  @Override
  public String toString() {
    String head = (pointer.isEmpty() ? "(top level)" : pointer) + ": " + message;
    return hint == null ? head : head + "\n  Maybe " + hint;
  }
}
