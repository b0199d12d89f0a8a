package org.mechlp.model.json;

import java.util.ArrayList;
import java.util.List;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Issue;

/** Collects every issue of one input file, and builds the user-facing paths they point at. */
final class Issues {
  private final String source;
  private final List<Issue> issues = new ArrayList<>();

  Issues(String source) {
    this.source = source;
  }

  /** Records an issue without a hint. */
  void add(String path, String message) {
    issues.add(Issue.of(path, message));
  }

  /** Records an issue with a hint (printed after "Maybe"). */
  void add(String path, String message, String hint) {
    issues.add(new Issue(path, message, hint));
  }

  /** Number of issues so far; callers compare counts to tell whether a section added any. */
  int count() {
    return issues.size();
  }

  /** Throws when any issue was recorded. */
  void throwIfAny() throws InvalidInputException {
    if (!issues.isEmpty()) {
      throw new InvalidInputException(source, issues);
    }
  }

  /** The path of a field of the object at {@code path}: {@code agents[0]} + {@code name}. */
  static String field(String path, String name) {
    String shown = JsonInput.echo(name);
    return path.isEmpty() ? shown : path + "." + shown;
  }

  /** The path of an array element: {@code agents} + 1 gives {@code agents[1]}. */
  static String index(String path, int i) {
    return path + "[" + i + "]";
  }
}
