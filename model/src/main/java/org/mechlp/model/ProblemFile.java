package org.mechlp.model;

import java.util.Objects;

/** A problem as read from a file, with the file's expectation of its answer (null when the file states none). */
public record ProblemFile(Problem problem, Expectation expectation) {
  public ProblemFile {
    Objects.requireNonNull(problem, "problem");
  }
}
