package org.mechlp.model;

import java.util.List;
import java.util.stream.Collectors;

/** A problem or mechanism file is not valid; carries every issue found, not only the first. */
public final class InvalidInputException extends Exception {
  private static final long serialVersionUID = 1L;
  private final String source;
  private final transient List<Issue> issues;

  /** An invalid file {@code source} with its issues. */
  public InvalidInputException(String source, List<Issue> issues) {
    super(
        issues.stream()
            .map(i -> source + ": " + i)
            .collect(Collectors.joining("\n")));
    this.source = source;
    this.issues = List.copyOf(issues);
  }

  /** The file (or other source) that was read. */
  public String source() {
    return source;
  }

  /** Every issue found. */
  public List<Issue> issues() {
    return issues;
  }
}
