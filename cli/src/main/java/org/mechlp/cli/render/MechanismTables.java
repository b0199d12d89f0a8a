package org.mechlp.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mechlp.model.Agent;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;

/**
 * The mechanism as a table, one row per reported profile: the types, the probability of every outcome and every
 * agent's payment. CSV is for spreadsheets (12 significant digits); LaTeX is a booktabs table for papers.
 */
public final class MechanismTables {
  private MechanismTables() {}

  private static List<String> header(Problem problem) {
    List<String> header = new ArrayList<>();
    for (Agent a : problem.agents()) {
      header.add(a.name());
    }
    for (var o : problem.outcomes()) {
      header.add("P(" + o.name() + ")");
    }
    if (problem.mechanism().transfers().allowed()) {
      for (Agent a : problem.agents()) {
        header.add(a.name() + " pays");
      }
    }
    return header;
  }

  private static List<List<String>> rows(Problem problem, Mechanism m, boolean full) {
    TypeProfiles profiles = problem.profiles();
    List<List<String>> rows = new ArrayList<>();
    for (int p = 0; p < profiles.count(); p++) {
      List<String> row = new ArrayList<>();
      for (int i = 0; i < problem.agentCount(); i++) {
        row.add(problem.agents().get(i).types().get(profiles.typeOf(p, i)).name());
      }
      for (int o = 0; o < problem.outcomeCount(); o++) {
        row.add(full ? precise(m.allocation(p, o)) : Numbers.format(m.allocation(p, o)));
      }
      if (problem.mechanism().transfers().allowed()) {
        for (int i = 0; i < problem.agentCount(); i++) {
          row.add(full ? precise(m.transfer(p, i)) : Numbers.format(m.transfer(p, i)));
        }
      }
      rows.add(row);
    }
    return rows;
  }

  /**
   * Twelve significant digits, plain notation: enough for any spreadsheet, without the solver's last-bit noise
   * (2.0000000000000004 prints as 2); values below 1e-12 print as 0, never -0.
   */
  static String precise(double x) {
    if (Math.abs(x) < 1e-12) {
      return "0";
    }
    return new java.math.BigDecimal(x)
        .round(new java.math.MathContext(12))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** RFC 4180 CSV with a header row. */
  public static String csv(Problem problem, Mechanism mechanism) {
    StringBuilder sb = new StringBuilder();
    sb.append(String.join(",", header(problem).stream().map(MechanismTables::quote).toList())).append('\n');
    for (List<String> row : rows(problem, mechanism, true)) {
      sb.append(String.join(",", row.stream().map(MechanismTables::quote).toList())).append('\n');
    }
    return sb.toString();
  }

  private static String quote(String s) {
    return s.matches("[A-Za-z0-9_.+-]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }

  /** A booktabs table (needs \\usepackage{booktabs}); names are escaped for LaTeX. */
  public static String latex(Problem problem, Mechanism mechanism, double objective) {
    List<String> header = header(problem);
    int agents = problem.agentCount();
    StringBuilder sb = new StringBuilder();
    sb.append("% mechlp: ").append(escape(problem.name())).append('\n');
    sb.append("\\begin{tabular}{").append("l".repeat(agents)).append("r".repeat(header.size() - agents)).append("}\n");
    sb.append("\\toprule\n");
    sb.append(String.join(" & ", header.stream().map(MechanismTables::escape).toList())).append(" \\\\\n");
    sb.append("\\midrule\n");
    for (List<String> row : rows(problem, mechanism, false)) {
      sb.append(String.join(" & ", row.stream().map(MechanismTables::escape).toList())).append(" \\\\\n");
    }
    sb.append("\\bottomrule\n");
    sb.append("\\end{tabular}\n");
    sb.append(String.format(Locale.ROOT, "%% objective: %s%n", Numbers.format(objective)));
    return sb.toString();
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '\\' -> sb.append("\\textbackslash{}");
        case '&', '%', '$', '#', '_', '{', '}' -> sb.append('\\').append(ch);
        case '~' -> sb.append("\\textasciitilde{}");
        case '^' -> sb.append("\\textasciicircum{}");
        default -> sb.append(ch);
      }
    }
    return sb.toString();
  }
}
