package org.mechlp.cli.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import org.mechlp.cli.render.json.CalibratedCheckJson;
import org.mechlp.model.Problem;
import org.mechlp.solver.calibrated.CalibrationCheck;
import org.mechlp.solver.calibrated.Implementability;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.Verification;

/**
 * Renders the checks of a state-dependent mechanism against a calibrated problem (docs/THEORY.md, Checking a calibrated
 * mechanism): C1, what the agent learns (the cells of states it can tell apart) and every IC/IR violation within a
 * cell; the standard BIC check (a necessary condition); and C2, whether some calibrated mechanism produces the same
 * outcome.
 */
public final class CalibratedCheckReport {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private CalibratedCheckReport() {}

  /** The text report. */
  public static String text(
      Problem problem, CalibrationCheck c1, Implementability c2, int maxRows) {
    StringBuilder sb = new StringBuilder();
    sb.append("mechlp check (calibrated): ").append(problem.name()).append('\n');
    sb.append(
        c1.passed()
            ? "passes: calibrated (C1): IC and IR hold given what the mechanism reveals\n"
            : "FAILS: not calibrated (C1): " + c1.calibrated().violationCount()
                + " violated constraints given what the mechanism reveals\n");
    sb.append("  arithmetic       checked in exact rational arithmetic\n");
    sb.append("  agent learns     ").append(cells(c1.cells())).append('\n');
    sb.append("  standard BIC     ")
        .append(
            c1.standard().violationCount() == 0
                ? "passes (necessary for calibration)"
                : "fails: " + c1.standard().violationCount() + " violated constraints")
        .append('\n');
    sb.append("  implementable    ").append(c2.verdict()).append(" (C2): ").append(c2.reason()).append('\n');
    appendViolations(sb, "Violations given what the agent learns (C1)", c1.calibrated(), maxRows);
    appendViolations(sb, "Violations of standard BIC (the agent knows only its type)", c1.standard(), maxRows);
    return sb.toString();
  }

  private static String cells(List<List<String>> cells) {
    StringBuilder sb = new StringBuilder();
    for (List<String> cell : cells) {
      sb.append(sb.length() == 0 ? "" : " | ").append('{').append(String.join(", ", cell)).append('}');
    }
    return sb + (cells.size() == 1 ? "  (nothing about the state)" : "");
  }

  private static void appendViolations(StringBuilder sb, String title, Verification v, int maxRows) {
    if (v.violationCount() == 0) {
      return;
    }
    sb.append('\n').append(title).append('\n');
    TextTable table = new TextTable(List.of("row", "amount", "constraint"));
    int shown = 0;
    for (RowCheck r : v.violations()) {
      if (shown++ >= maxRows) {
        break;
      }
      table.add(
          List.of(
              r.rowName(),
              r.exactAmount() != null ? Numbers.exact(r.exactAmount()) : Numbers.format(r.amount()),
              r.description()));
    }
    sb.append(table.render());
    if (v.violationCount() > shown) {
      sb.append("  ... and ").append(v.violationCount() - shown).append(" more\n");
    }
  }

  /** The JSON report ({@code mechlp-report/1}, command {@code check}, with a {@code calibration} object). */
  public static String json(Problem problem, CalibrationCheck c1, Implementability c2) {
    CalibratedCheckJson report =
        new CalibratedCheckJson(
            "mechlp-report/1",
            "check",
            problem.name(),
            c1.passed(),
            true,
            new CalibratedCheckJson.Calibration(
                c1.cells().stream().map(List::copyOf).toList(),
                violations(c1.calibrated()),
                c1.calibrated().violationCount()),
            new CalibratedCheckJson.StandardBic(
                c1.standard().violationCount() == 0,
                c1.standard().violationCount(),
                violations(c1.standard())),
            new CalibratedCheckJson.Implementable(c2.verdict().name(), c2.reason()));
    try {
      return JSON.writeValueAsString(report) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON report", e);
    }
  }

  private static List<CalibratedCheckJson.Violation> violations(Verification v) {
    return v.violations().stream()
        .map(
            r ->
                new CalibratedCheckJson.Violation(
                    r.family(),
                    r.rowName(),
                    r.description(),
                    r.amount(),
                    r.exactAmount() == null ? null : Numbers.exact(r.exactAmount())))
        .toList();
  }
}
