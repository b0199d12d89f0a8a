package org.mechlp.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * A name on the command line that names nothing known (a built-in mechanism, ...): a usage error that {@link
 * UsageErrors} prints with a "did you mean" line picked among {@link #candidates()}.
 */
final class UnknownNameException extends ParameterException {
  private static final long serialVersionUID = 1L;
  private final String typed;
  private final transient List<String> candidates;

  UnknownNameException(CommandLine commandLine, String message, String typed, List<String> candidates) {
    super(commandLine, message);
    this.typed = typed;
    this.candidates = List.copyOf(candidates);
  }

  /** What the user typed. */
  String typed() {
    return typed;
  }

  /** The known names. */
  List<String> candidates() {
    return candidates;
  }
}
