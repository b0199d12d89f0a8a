package org.mechlp.cli.render;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mechlp.cli.render.json.CompareJson;
import org.mechlp.model.Problem;
import org.mechlp.solver.compare.Comparison;
import org.mechlp.solver.compare.ComparisonRow;
import org.mechlp.solver.compare.Gap;
import org.mechlp.solver.compare.Metrics;
import org.mechlp.solver.compare.Quantity;
import org.mechlp.solver.compare.RowKind;
import org.mechlp.solver.compare.RowStatus;
import org.mechlp.solver.compare.Violations;

/** The text, CSV and JSON reports of {@code mechlp compare} (docs/OUTPUT.md, "compare"). */
public final class CompareReports {
  /** The format tag of the JSON report. */
  public static final String FORMAT = "mechlp-compare/1";

  /** Exact values print as fractions up to this many characters ("22/9"), longer ones as decimals. */
  private static final int SHORT_FRACTION = 12;

  private CompareReports() {}

  /** The text report: the table, the named gaps, and the notes of rows without values. */
  public static String text(Comparison comparison) {
    Problem problem = comparison.problem();
    StringBuilder sb = new StringBuilder();
    sb.append("compare: ").append(problem.name()).append(" (").append(Describe.objective(problem.objective()))
        .append("; the problem's own constraints: ").append(Describe.constraints(problem.mechanism()))
        .append(")\n\n");
    List<String> headers = new ArrayList<>(List.of("row", "status", ">objective", ">revenue", ">welfare"));
    for (var agent : problem.agents()) {
      headers.add(">U(" + agent.name() + ")");
    }
    headers.add(">budget");
    boolean builtIns = comparison.rows().stream().anyMatch(r -> r.violations() != null);
    if (builtIns) {
      headers.add("violations (IC/IR/budget/other, largest)");
    }
    if (comparison.exact()) {
      headers.add("certification");
    }
    TextTable table = new TextTable(headers);
    List<String> notes = new ArrayList<>();
    for (ComparisonRow row : comparison.rows()) {
      if (row.status() == RowStatus.NOT_APPLICABLE && row.kind() == RowKind.BUILT_IN) {
        notes.add(row.label() + ": does not apply: " + row.note());
        continue;
      }
      List<String> cells = new ArrayList<>();
      cells.add((row.own() ? "* " : "  ") + row.label());
      cells.add(status(row));
      cells.add(cell(row.objective()));
      Metrics m = row.metrics();
      cells.add(m == null ? "-" : cell(m.revenue()));
      cells.add(m == null ? "-" : cell(m.welfare()));
      for (int i = 0; i < problem.agentCount(); i++) {
        cells.add(m == null ? "-" : cell(m.utilities().get(i)));
      }
      cells.add(m == null ? "-" : cell(m.budget()));
      if (builtIns) {
        cells.add(violations(row.violations()));
      }
      if (comparison.exact()) {
        cells.add(row.certification() == null ? "-" : row.certification());
      }
      table.add(cells);
      if (!row.note().isEmpty()) {
        notes.add(row.label() + ": " + row.note());
      }
    }
    sb.append(table.render());
    sb.append("  * the problem's own constraints (what 'mechlp solve' answers)\n");
    if (!comparison.gaps().isEmpty()) {
      sb.append("\nGaps\n");
      for (Gap gap : comparison.gaps()) {
        sb.append("  ").append(gap.name()).append(": ").append(cell(gap.value()))
            .append(gap.measure().equals("revenue") ? " (revenue)" : "").append('\n');
      }
    }
    if (!notes.isEmpty()) {
      sb.append("\nNotes\n");
      for (String note : notes) {
        sb.append("  ").append(note).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * The CSV report: one line per row (values as decimals, exact ones also as fractions), then one line per gap
   * (kind {@code gap}, its value in the objective column).
   */
  public static String csv(Comparison comparison) {
    Problem problem = comparison.problem();
    List<String> header =
        new ArrayList<>(List.of("kind", "id", "label", "own", "status", "objective", "objective_exact", "revenue",
            "revenue_exact", "welfare", "welfare_exact"));
    for (var agent : problem.agents()) {
      header.add("utility_" + agent.name());
      header.add("utility_" + agent.name() + "_exact");
    }
    header.addAll(List.of("budget", "budget_exact", "ic_violations", "ir_violations", "budget_violations",
        "other_violations", "largest_violation", "certification", "note"));
    StringBuilder sb = new StringBuilder();
    line(sb, header);
    for (ComparisonRow row : comparison.rows()) {
      List<String> cells = new ArrayList<>(List.of(row.kind().json(), row.id(), row.label(),
          String.valueOf(row.own()), row.status().name()));
      quantity(cells, row.objective());
      Metrics m = row.metrics();
      quantity(cells, m == null ? null : m.revenue());
      quantity(cells, m == null ? null : m.welfare());
      for (int i = 0; i < problem.agentCount(); i++) {
        quantity(cells, m == null ? null : m.utilities().get(i));
      }
      quantity(cells, m == null ? null : m.budget());
      Violations v = row.violations();
      cells.addAll(v == null
          ? List.of("", "", "", "", "")
          : List.of(String.valueOf(v.ic()), String.valueOf(v.ir()), String.valueOf(v.budget()),
              String.valueOf(v.other()), decimal(v.largest())));
      cells.add(row.certification() == null ? "" : row.certification());
      cells.add(row.note());
      line(sb, cells);
    }
    for (Gap gap : comparison.gaps()) {
      List<String> cells = new ArrayList<>(List.of("gap", gap.id(), gap.name(), "false", ""));
      quantity(cells, gap.value());
      while (cells.size() < header.size() - 1) {
        cells.add("");
      }
      cells.add(gap.measure() + ": " + gap.better() + " minus " + gap.worse());
      line(sb, cells);
    }
    return sb.toString();
  }

  /** The {@code mechlp-compare/1} JSON report. */
  public static String json(Comparison comparison) {
    Problem problem = comparison.problem();
    List<CompareJson.Row> rows = new ArrayList<>();
    for (ComparisonRow row : comparison.rows()) {
      Metrics m = row.metrics();
      Map<String, CompareJson.Quantity> utilities = null;
      if (m != null) {
        utilities = new LinkedHashMap<>();
        for (int i = 0; i < problem.agentCount(); i++) {
          utilities.put(problem.agents().get(i).name(), json(m.utilities().get(i)));
        }
      }
      Violations v = row.violations();
      rows.add(new CompareJson.Row(
          row.id(), row.label(), row.kind().json(), row.ic() == null ? null : row.ic().json(),
          row.ir() == null ? null : row.ir().json(), row.own(), row.status().name(),
          row.solveStatus() == null ? null : row.solveStatus().name(), json(row.objective()),
          m == null ? null : json(m.revenue()), m == null ? null : json(m.welfare()), utilities,
          m == null ? null : json(m.budget()),
          v == null ? null
              : new CompareJson.Violations(v.ic(), v.ir(), v.budget(), v.other(), json(v.largest()), v.worstRow()),
          row.certification(), row.note(), Numbers.millisValue(row.nanos())));
    }
    List<CompareJson.Gap> gaps = new ArrayList<>();
    for (Gap gap : comparison.gaps()) {
      gaps.add(new CompareJson.Gap(gap.id(), gap.name(), gap.measure(), gap.better(), gap.worse(),
          json(gap.value())));
    }
    return JsonReport.write(new CompareJson(FORMAT, "compare", problem.name(), Describe.objective(problem.objective()),
        problem.objective().maximize() ? "maximize" : "minimize", Describe.constraints(problem.mechanism()),
        comparison.exact(), problem.agents().stream().map(a -> a.name()).toList(), comparison.exitCode(), rows,
        gaps));
  }

  private static String status(ComparisonRow row) {
    return switch (row.status()) {
      case SAME -> "same";
      case NOT_APPLICABLE -> "n/a";
      case PASSES -> "passes";
      case VIOLATES -> "violates";
      default -> row.status().name();
    };
  }

  private static String violations(Violations v) {
    if (v == null) {
      return "-";
    }
    if (v.total() == 0) {
      return "none";
    }
    return v.ic() + "/" + v.ir() + "/" + v.budget() + "/" + v.other() + ", " + cell(v.largest());
  }

  /** A table cell: a short exact fraction, else the decimal; "-" when missing. */
  static String cell(Quantity q) {
    if (q == null) {
      return "-";
    }
    if (q.exact() != null) {
      String fraction = Numbers.exact(q.exact());
      if (fraction.length() <= SHORT_FRACTION) {
        return fraction;
      }
    }
    return Numbers.format(q.value());
  }

  private static String decimal(Quantity q) {
    Double value = q == null ? null : JsonReport.number(q.value());
    return value == null ? "" : String.valueOf(value);
  }

  private static void quantity(List<String> cells, Quantity q) {
    cells.add(decimal(q));
    cells.add(q == null || q.exact() == null ? "" : Numbers.exact(q.exact()));
  }

  private static CompareJson.Quantity json(Quantity q) {
    if (q == null) {
      return null;
    }
    return new CompareJson.Quantity(
        JsonReport.number(q.value()), q.exact() == null ? null : Numbers.exact(q.exact()));
  }

  /** One CSV line; a cell with a comma, a quote or a line break is quoted (RFC 4180). */
  private static void line(StringBuilder sb, List<String> cells) {
    for (int c = 0; c < cells.size(); c++) {
      if (c > 0) {
        sb.append(',');
      }
      String cell = cells.get(c);
      if (cell.contains(",") || cell.contains("\"") || cell.contains("\n")) {
        sb.append('"').append(cell.replace("\"", "\"\"")).append('"');
      } else {
        sb.append(cell);
      }
    }
    sb.append('\n');
  }
}
