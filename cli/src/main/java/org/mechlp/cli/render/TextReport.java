package org.mechlp.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.InfeasibilityCertification;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.diagnose.InfeasibilityReport;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.DeterministicReport;
import org.mechlp.solver.report.Explanation;
import org.mechlp.solver.report.InterimRow;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.RangeReport;
import org.mechlp.solver.report.RobustSummary;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.Optimality;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;

/** Renders solve and check reports as human-readable text tables. */
public final class TextReport {
  /** How many shadow prices the report spells out in sentences. */
  private static final int SENTENCES = 5;

  private final int maxRows;

  /** A renderer listing at most {@code maxRows} lines per table (profiles, binding rows, violations). */
  public TextReport(int maxRows) {
    this.maxRows = maxRows;
  }

  /** The text of a solve report. */
  public String solve(SolveReport report) {
    return solve(report, null);
  }

  /** The text of a solve report whose objective, when not null, is the certified {@code exactObjective}. */
  private String solve(SolveReport report, BigFraction exactObjective) {
    Problem problem = report.problem();
    StringBuilder sb = new StringBuilder();
    sb.append("mechlp solve: ").append(problem.name()).append('\n');
    List<String[]> header = new ArrayList<>();
    header.add(new String[] {"status", report.status().name()});
    header.add(new String[] {"objective", objectiveLine(report, exactObjective)});
    if (report.mechanism() != null) {
      header.add(new String[] {"arithmetic", arithmeticLine(report)});
    }
    header.add(new String[] {"constraints", Describe.constraints(problem.mechanism())});
    header.add(
        new String[] {"LP", lpLine(report.size())});
    header.add(
        new String[] {
          "times",
          timesLine(report.compileNanos(), report.solveNanos(), report.verifyNanos())
        });
    header.add(new String[] {"solver", report.solverName()});
    if (report.strategy() != null) {
      header.add(new String[] {"strategy", StrategyLine.of(report.strategy())});
    }
    Verification v = report.verification();
    if (v != null) {
      header.add(new String[] {"verification", verificationLine(v)});
    }
    if (report.message() != null && !report.message().isBlank()) {
      header.add(new String[] {"note", report.message()});
    }
    keyValues(sb, header);

    Mechanism mechanism = report.mechanism();
    if (mechanism != null) {
      sb.append('\n');
      mechanismTable(sb, problem, mechanism, mechanism.isExact());
    }
    if (!report.interim().isEmpty()) {
      sb.append('\n');
      interimTable(sb, problem, report.interim(), mechanism != null && mechanism.isExact());
    }
    RobustSummary robust = RobustSummary.of(problem, mechanism);
    if (robust != null) {
      RobustText.append(sb, robust, problem.priors().isSet() ? problem.priors().name(0) : null);
    }
    if (v != null && mechanism != null) {
      sb.append('\n');
      bindingSection(sb, problem, v);
    }
    return sb.toString();
  }

  /**
   * The objective line: the value and the objective in words, or "feasible" for a feasibility problem with a
   * mechanism; a certified value is a fraction.
   */
  private static String objectiveLine(SolveReport report, BigFraction exactObjective) {
    Problem problem = report.problem();
    if (problem.objective().isFeasibility()) {
      return report.status() == SolveStatus.OPTIMAL ? "feasible" : "-";
    }
    String value =
        exactObjective != null
            ? Ratios.ratio(exactObjective)
            : report.objective() == null ? "-" : Numbers.format(report.objective());
    return value + " (" + Describe.objective(problem) + ")";
  }

  /** Whether the numbers are certified fractions or verified floating point (and how the mechanism is written). */
  private static String arithmeticLine(SolveReport report) {
    Verification v = report.verification();
    if (v != null && v.exact() && report.mechanism().isExact()) {
      return "exact: certified in rational arithmetic";
    }
    String tolerance = v == null ? "" : " within " + Numbers.format(v.tolerance());
    return report.mechanism().isExact()
        ? "floating point, verified" + tolerance + "; the mechanism is written as fractions that satisfy every row"
            + " exactly"
        : "floating point, verified" + tolerance;
  }

  /**
   * The text of a deterministic solve: the deterministic mechanism's report, then a section comparing its optimum
   * with the randomized one.
   */
  public String deterministic(DeterministicReport report) {
    StringBuilder sb = new StringBuilder(solve(report.deterministic()));
    sb.append("\nDeterministic vs randomized\n");
    List<String[]> lines = new ArrayList<>();
    String proven = report.provenOptimal() ? " (proven optimal)" : " (not proven optimal)";
    lines.add(new String[] {"deterministic", optional(report.deterministic().objective()) + proven});
    SolveReport randomized = report.randomized();
    lines.add(
        new String[] {
          "randomized",
          optional(randomized.objective()) + " (" + randomized.status() + ", " + randomized.solverName() + ")"
        });
    lines.add(new String[] {"value of randomization", optional(report.valueOfRandomization())});
    lines.add(new String[] {"ratio", optional(report.ratio()) + " (randomized / deterministic)"});
    double bound = report.bestBound();
    lines.add(new String[] {"best bound", Double.isNaN(bound) ? "-" : Numbers.format(bound)});
    lines.add(new String[] {"MIP gap", optional(report.gap())});
    keyValues(sb, lines);
    return sb.toString();
  }

  /**
   * The text of a range solve: the report of the side the problem's own sense asks for, then the range with the
   * status of each end (an unbounded end is an answer).
   */
  public String range(RangeReport report) {
    StringBuilder sb = new StringBuilder(solve(report.ownSense()));
    sb.append("\nRange over all transfers with the fixed allocation\n");
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"minimum", end(report.minimum(), "-inf")});
    lines.add(new String[] {"maximum", end(report.maximum(), "+inf")});
    keyValues(sb, lines);
    return sb.toString();
  }

  private static String end(SolveReport side, String unbounded) {
    return switch (side.status()) {
      case OPTIMAL -> Numbers.format(side.objective());
      case UNBOUNDED -> unbounded + " (unbounded)";
      default -> "- (" + side.status() + ")";
    };
  }

  private static String optional(Double value) {
    return value == null ? "-" : Numbers.format(value);
  }

  /**
   * The text of a {@code solve --exact} report: the solve report with, after its title, "certified optimal: 9/4"
   * or "certification failed: reason", and how the optimum was certified.
   */
  public String solveExact(SolveReport report, Certification certification) {
    String text = solve(report, certification.certified() ? certification.objective() : null);
    int firstLine = text.indexOf('\n') + 1;
    String verdict =
        switch (certification.status()) {
          case CERTIFIED -> (report.problem().objective().isFeasibility()
                  ? "certified feasible\n"
                  : "certified optimal: " + Ratios.ratio(certification.objective()) + "\n")
              + "  (" + certification.reason() + "; basis dimension " + certification.basisDimension()
              + ", exact arithmetic " + Numbers.millis(certification.certifyNanos()) + " ms)\n";
          case FAILED -> "certification failed: " + certification.reason() + "\n";
          case NOT_APPLICABLE -> "not certified: " + certification.reason() + "\n";
        };
    return text.substring(0, firstLine) + verdict + text.substring(firstLine);
  }

  /**
   * The text of a {@code solve --exact} report of an LP found infeasible: after the title, "certified infeasible"
   * with the Farkas certificate's size, or why the infeasibility could not be certified. Without an infeasibility
   * attempt ({@code infeasibility} null) it is {@link #solveExact(SolveReport, Certification)}.
   */
  public String solveExact(
      SolveReport report, Certification certification, InfeasibilityCertification infeasibility) {
    if (infeasibility == null) {
      return solveExact(report, certification);
    }
    String text = solve(report);
    int firstLine = text.indexOf('\n') + 1;
    String verdict =
        infeasibility.certified()
            ? "certified infeasible: a Farkas certificate with " + infeasibility.nonZeros()
                + " non-zero multipliers\n  (" + infeasibility.reason() + "; exact arithmetic "
                + Numbers.millis(infeasibility.certifyNanos()) + " ms)\n"
            : "infeasibility not certified: " + infeasibility.reason() + "\n";
    return text.substring(0, firstLine) + verdict + text.substring(firstLine);
  }

  /** The text of a check report. */
  public String check(CheckReport report) {
    Problem problem = report.problem();
    Verification v = report.verification();
    StringBuilder sb = new StringBuilder();
    sb.append("mechlp check: ").append(problem.name()).append('\n');
    int violated = violationCount(v);
    sb.append(
        report.passed()
            ? "passes: no constraint violated\n"
            : "FAILS: " + violated + " violated constraint" + (violated == 1 ? "" : "s") + "\n");
    List<String[]> header = new ArrayList<>();
    header.add(
        new String[] {
          "arithmetic",
          report.exact()
              ? "checked in exact rational arithmetic"
              : "checked in floating point (tolerance " + Numbers.format(v.tolerance()) + ")"
        });
    header.add(new String[] {"constraints", Describe.constraints(problem.mechanism())});
    String objective =
        report.exactObjective() != null
            ? Numbers.exact(report.exactObjective())
            : Numbers.format(report.objective());
    header.add(
        new String[] {
          "objective", objective + " (" + Describe.objective(problem) + ")"
        });
    header.add(new String[] {"rows checked", String.valueOf(v.rowsChecked())});
    header.add(new String[] {"largest violation", largestViolation(v)});
    keyValues(sb, header);

    sb.append("\nLargest regret per agent (gain from the best misreport)\n");
    TextTable regrets = new TextTable(List.of("agent", ">regret"));
    double[] regret = report.largestRegretPerAgent();
    for (int i = 0; i < problem.agentCount(); i++) {
      regrets.add(List.of(problem.agents().get(i).name(), number(regret[i], report.exact())));
    }
    sb.append(regrets.render());

    if (!v.violations().isEmpty()) {
      sb.append("\nViolations (amount = gain from misreporting, IR shortfall or deficit)\n");
      TextTable table = new TextTable(List.of("family", "agent", ">amount", "constraint"));
      int shown = 0;
      for (RowCheck row : v.violations()) {
        if (shown++ == maxRows) {
          break;
        }
        table.add(
            List.of(
                row.family(),
                Describe.agentName(problem, row.agent()),
                amount(row),
                row.description()));
      }
      sb.append(table.render());
      int hidden = violated - table.size();
      if (hidden > 0) {
        sb.append("  ... and ").append(hidden).append(" more violated constraints\n");
      }
    }
    sb.append('\n');
    mechanismTable(sb, problem, report.mechanism(), report.exact());
    if (!report.interim().isEmpty()) {
      sb.append('\n');
      interimTable(sb, problem, report.interim(), report.exact());
    }
    return sb.toString();
  }

  private static int violationCount(Verification v) {
    return (int) Math.max(v.violationCount(), v.violations().size());
  }

  private static String amount(RowCheck row) {
    return row.exactAmount() != null ? Numbers.exact(row.exactAmount()) : Numbers.format(row.amount());
  }

  private static String largestViolation(Verification v) {
    String amount =
        v.exactMaxViolation() != null ? Numbers.exact(v.exactMaxViolation()) : Numbers.format(v.maxViolation());
    // Name the worst row only when its violation is visible in print.
    boolean visible = v.exactMaxViolation() != null ? v.exactMaxViolation().getNumerator().signum() != 0
        : !Numbers.format(v.maxViolation()).equals("0");
    return v.worstRow() == null || !visible ? amount : amount + " at " + v.worstRow();
  }

  static String verificationLine(Verification v) {
    return "largest violation "
        + largestViolation(v)
        + " over "
        + v.rowsChecked()
        + " rows (tolerance "
        + Numbers.format(v.tolerance())
        + ")"
        + optimalityText(v.optimality());
  }

  /** The optimality check after the feasibility one: how optimality was shown, or the gap left. */
  private static String optimalityText(Optimality o) {
    if (o == null) {
      return "";
    }
    return switch (o.method()) {
      case EXACT -> "; optimality certified in exact arithmetic";
      case NONE -> "; optimality not checked (" + o.note() + ")";
      case DUALS ->
          (o.verified() ? "; optimal from the duals: " : "; NOT shown optimal: ")
              + "largest dual violation "
              + Numbers.format(o.maxDualViolation())
              + ", gap "
              + Numbers.format(o.gap());
    };
  }

  static void keyValues(StringBuilder sb, List<String[]> lines) {
    int width = 0;
    for (String[] kv : lines) {
      width = Math.max(width, kv[0].length());
    }
    for (String[] kv : lines) {
      sb.append("  ").append(kv[0]).append(" ".repeat(width - kv[0].length() + 2)).append(kv[1]).append('\n');
    }
  }

  private void mechanismTable(StringBuilder sb, Problem problem, Mechanism mechanism, boolean exact) {
    sb.append("Mechanism (per reported type profile; payments are paid by the agent)\n");
    List<String> columns = new ArrayList<>();
    columns.add("profile");
    columns.add("lottery");
    boolean transfers = problem.mechanism().transfers().allowed();
    if (transfers) {
      for (var agent : problem.agents()) {
        columns.add(">" + agent.name() + " pays");
      }
    }
    TextTable table = new TextTable(columns);
    TypeProfiles profiles = problem.profiles();
    int shown = Math.min(profiles.count(), maxRows);
    for (int p = 0; p < shown; p++) {
      List<String> cells = new ArrayList<>();
      cells.add(problem.describeProfile(p, profiles));
      cells.add(exact ? Describe.exactLottery(problem, mechanism, p) : Describe.lottery(problem, mechanism, p));
      if (transfers) {
        for (int i = 0; i < problem.agentCount(); i++) {
          cells.add(
              exact
                  ? Numbers.exact(mechanism.exactTransfer(p, i))
                  : Numbers.format(mechanism.transfer(p, i)));
        }
      }
      table.add(cells);
    }
    sb.append(table.render());
    if (shown < profiles.count()) {
      sb.append("  ... and ")
          .append(profiles.count() - shown)
          .append(" more profiles (raise --max-rows or use --format json for all)\n");
    }
  }

  /**
   * The interim table in one number style: fractions for an exact mechanism (its interim values are rationals, read
   * back from their doubles), else decimals.
   */
  private void interimTable(StringBuilder sb, Problem problem, List<InterimRow> interim, boolean exact) {
    sb.append("Interim view (per agent and true type, truthful reports)\n");
    TextTable table =
        new TextTable(List.of("agent", "type", ">probability", "allocation", ">expected payment", ">expected utility"));
    int shown = 0;
    for (InterimRow row : interim) {
      if (shown++ == maxRows) {
        break;
      }
      table.add(
          List.of(
              problem.agents().get(row.agent()).name(),
              Describe.typeName(problem, row.agent(), row.type()),
              exact ? Numbers.exact(row.probability()) : Numbers.format(row.probability().doubleValue()),
              exact ? exactLottery(problem, row.outcomeProbabilities()) : Describe.lottery(problem,
                  row.outcomeProbabilities()),
              number(row.expectedTransfer(), exact),
              number(row.expectedUtility(), exact)));
    }
    sb.append(table.render());
    if (table.size() < interim.size()) {
      sb.append("  ... and ").append(interim.size() - table.size()).append(" more types\n");
    }
  }

  /** A value of an exact mechanism computed in doubles, printed as the fraction it is; else as a decimal. */
  private static String number(double value, boolean exact) {
    return exact && Double.isFinite(value) ? Numbers.exact(Fractions.rationalize(value)) : Numbers.format(value);
  }

  /** An interim lottery of an exact mechanism in fractions, zero outcomes left out. */
  private static String exactLottery(Problem problem, double[] probabilities) {
    List<String> parts = new ArrayList<>();
    for (int o = 0; o < probabilities.length; o++) {
      String p = number(probabilities[o], true);
      if (!p.equals("0")) {
        parts.add(problem.outcomes().get(o).name() + ": " + p);
      }
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  private void bindingSection(StringBuilder sb, Problem problem, Verification v) {
    Map<String, Long> counts = v.bindingCountByFamily();
    long total = counts.values().stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      sb.append("Binding constraints: none\n");
      return;
    }
    sb.append("Binding constraints (")
        .append(total)
        .append(" rows with slack within the tolerance)\n");
    Explanation explanation = Explanation.of(problem, v);
    for (String line : explanation.summary()) {
      sb.append("  ").append(line).append('\n');
    }
    List<RowCheck> rows = v.binding();
    if (rows.isEmpty()) {
      return;
    }
    boolean duals = rows.stream().anyMatch(r -> r.dual() != null);
    if (duals) {
      // Rows whose dual is 0 bind without pricing anything: the short report lists the priced ones only.
      List<RowCheck> priced = rows.stream().filter(TextReport::priced).toList();
      if (priced.isEmpty()) {
        sb.append("  ").append(total).append(total == 1 ? " row binds" : " rows bind").append(", none is priced\n");
        return;
      }
      if (priced.size() < rows.size()) {
        sb.append("  ").append(priced.size()).append(" of them priced (non-zero dual), listed below\n");
      }
      rows = priced;
    }
    List<String> columns = new ArrayList<>(List.of("row", "agent"));
    if (duals) {
      columns.add(">dual");
      columns.add(">relax by 1");
    }
    columns.add("constraint");
    TextTable table = new TextTable(columns);
    for (RowCheck row : rows) {
      if (table.size() == maxRows) {
        break;
      }
      List<String> cells = new ArrayList<>(List.of(row.rowName(), Describe.agentName(problem, row.agent())));
      if (duals) {
        cells.add(row.dual() == null ? "-" : number(row.dual(), v.exact()));
        Double effect = row.relaxationEffect();
        cells.add(effect == null ? "-" : signed(effect, v.exact()));
      }
      cells.add(row.description());
      table.add(cells);
    }
    sb.append('\n');
    if (duals) {
      sb.append("  dual = change of the optimal objective per unit increase of the row's right-hand side;\n")
          .append("  relax by 1 = its change, at the margin, when the row is relaxed by one unit (a misreport may\n")
          .append("  gain 1, an outside option is 1 lower, the budget gets 1 of subsidy)\n");
    }
    sb.append(table.render());
    if (table.size() < rows.size()) {
      sb.append("  ... and ")
          .append(rows.size() - table.size())
          .append(duals ? " more priced binding rows\n" : " more binding rows (counted per kind above)\n");
    }
    shadowPriceSentences(sb, explanation);
  }

  /** Whether a binding row has a non-zero dual (as printed: a dual that prints as 0 prices nothing). */
  private static boolean priced(RowCheck row) {
    return row.dual() != null && !Numbers.format(row.dual()).equals("0");
  }

  /** The largest shadow prices in sentences, so that a reader need not decode signs. */
  private static void shadowPriceSentences(StringBuilder sb, Explanation explanation) {
    List<Explanation.ShadowPrice> priced =
        explanation.shadowPrices().stream().filter(p -> p.effect() != 0).limit(SENTENCES).toList();
    if (priced.isEmpty()) {
      return;
    }
    sb.append("\nWhat the largest shadow prices mean\n");
    for (Explanation.ShadowPrice price : priced) {
      sb.append("  - ")
          .append(price.row().description())
          .append(":\n      ")
          .append(price.sentence())
          .append('\n');
    }
  }

  private static String signed(double value, boolean exact) {
    String text = number(value, exact);
    return value > 0 && !text.equals("0") ? "+" + text : text;
  }

  /**
   * The "Why infeasible" section of an infeasible solve: the conflicting families, the conflicting rows in words and
   * the least relaxations, so that an impossibility reads as numbers in the problem's units.
   */
  public String infeasibility(Problem problem, InfeasibilityReport d) {
    StringBuilder sb = new StringBuilder("\nWhy infeasible\n");
    List<String[]> lines = new ArrayList<>();
    String given = d.givenFamilies().stream().map(InfeasibilityReport.ConflictFamily::id).toList().toString();
    lines.add(
        new String[] {
          "conflict",
          d.families().isEmpty()
              ? "the problem's definition alone " + given + " is infeasible"
              : d.familySummary() + " cannot all hold (given " + given + "; each family listed is needed)"
        });
    for (InfeasibilityReport.ConflictFamily f : d.families()) {
      lines.add(new String[] {f.id(), f.title()});
    }
    lines.add(
        new String[] {
          "diagnosis",
          d.lpSolves()
              + " LP solves; families "
              + Numbers.millis(d.familyNanos())
              + " ms, rows "
              + Numbers.millis(d.rowNanos())
              + " ms, relaxations "
              + Numbers.millis(d.relaxationNanos())
              + " ms"
        });
    keyValues(sb, lines);
    if (d.rowSet() == InfeasibilityReport.RowSet.SKIPPED) {
      sb.append("\nConflicting rows: not computed (").append(d.rowNote()).append(")\n");
    } else {
      sb.append('\n')
          .append(
              d.rowSet() == InfeasibilityReport.RowSet.IRREDUCIBLE
                  ? "Conflicting rows (irreducible: together infeasible, without any one of them feasible), "
                  : "Conflicting rows (" + d.rowNote() + "), ")
          .append(d.rows().size())
          .append('\n');
      TextTable table = new TextTable(List.of("row", "agent", "constraint"));
      for (InfeasibilityReport.ConflictRow row : d.rows()) {
        if (table.size() == maxRows) {
          break;
        }
        table.add(List.of(row.name(), Describe.agentName(problem, row.agent()), row.words()));
      }
      sb.append(table.render());
      if (table.size() < d.rows().size()) {
        sb.append("  ... and ").append(d.rows().size() - table.size()).append(" more rows\n");
      }
    }
    if (!d.relaxations().isEmpty()) {
      sb.append("\nLeast relaxations (each alone, every other constraint kept)\n");
      TextTable table = new TextTable(List.of("family", "relaxation"));
      for (InfeasibilityReport.Relaxation r : d.relaxations()) {
        table.add(List.of(r.family(), r.words()));
      }
      sb.append(table.render());
    }
    return sb.toString();
  }

  /** The LP size line: rows, columns and non-zeros. */
  static String lpLine(LpSize size) {
    return size.rows() + " rows, " + size.columns() + " columns, " + size.nonZeros() + " non-zeros";
  }

  /** The times line: compile, solve and verify in milliseconds. */
  static String timesLine(long compileNanos, long solveNanos, long verifyNanos) {
    return "compile "
        + Numbers.millis(compileNanos)
        + " ms, solve "
        + Numbers.millis(solveNanos)
        + " ms, verify "
        + Numbers.millis(verifyNanos)
        + " ms";
  }
}
