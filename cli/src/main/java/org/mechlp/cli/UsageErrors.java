package org.mechlp.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a usage error as one line, a "did you mean" line for a mistyped option or command, and where the help is,
 * instead of picocli's default of the whole usage text (over a hundred lines for solve). Exit code 2.
 */
final class UsageErrors implements IParameterExceptionHandler {
  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cmd = ex.getCommandLine();
    PrintWriter err = cmd.getErr();
    CommandSpec spec = cmd.getCommandSpec();
    String command = spec.qualifiedName();
    String message = ex.getMessage();
    List<String> suggestions = List.of();
    if (ex instanceof UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
      String first = unmatched.getUnmatched().get(0);
      boolean option = first.startsWith("-") && !first.equals(Inputs.STDIN);
      boolean commands = !option && !cmd.getSubcommands().isEmpty();
      String what = option ? "unknown option" : commands ? "unknown command" : "unexpected argument";
      message = what + " '" + first + "'";
      String typed = option && first.contains("=") ? first.substring(0, first.indexOf('=')) : first;
      if (option) {
        suggestions = closest(typed, optionNames(spec));
      } else if (commands) {
        suggestions = closest(typed, cmd.getSubcommands().keySet());
      }
    } else if (ex instanceof UnknownNameException unknown) {
      suggestions = closest(unknown.typed(), unknown.candidates());
    }
    err.println(command + ": " + message);
    if (!suggestions.isEmpty()) {
      List<String> shown = new ArrayList<>();
      for (String s : suggestions) {
        shown.add(s.startsWith("-") || ex instanceof UnknownNameException ? s : command + " " + s);
      }
      err.println("did you mean " + String.join(" or ", shown) + "?");
    }
    err.println("'" + command + " --help' lists the " + (cmd.getSubcommands().isEmpty() ? "options" : "commands")
        + " and examples");
    err.flush();
    return ExitCodes.BAD_INPUT;
  }

  private static List<String> optionNames(CommandSpec spec) {
    List<String> names = new ArrayList<>();
    for (OptionSpec o : spec.options()) {
      for (String name : o.names()) {
        if (name.startsWith("--")) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /**
   * The candidates nearest to what was typed: those it is a prefix of, else those within a small edit distance
   * (adjacent transpositions count as one edit, so "slove" is one edit from "solve"), nearest first.
   */
  static List<String> closest(String typed, Collection<String> candidates) {
    String t = typed.toLowerCase(Locale.ROOT);
    List<String> prefixed = candidates.stream().filter(c -> c.startsWith(t) && t.length() >= 3).sorted().toList();
    if (!prefixed.isEmpty()) {
      return prefixed.size() <= 3 ? prefixed : List.of();
    }
    int allowed = Math.max(1, Math.min(3, t.replaceFirst("^-+", "").length() / 3));
    int best = Integer.MAX_VALUE;
    List<String> nearest = new ArrayList<>();
    for (String c : candidates.stream().sorted().toList()) {
      int d = distance(t, c);
      if (d > allowed || d > best) {
        continue;
      }
      if (d < best) {
        best = d;
        nearest.clear();
      }
      nearest.add(c);
    }
    return nearest;
  }

  /** The optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
