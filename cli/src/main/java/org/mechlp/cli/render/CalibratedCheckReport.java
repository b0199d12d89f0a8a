package org.mechlp.cli.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
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
    ObjectNode root = JSON.createObjectNode();
    root.put("format", "mechlp-report/1");
    root.put("command", "check");
    root.put("problem", problem.name());
    root.put("passed", c1.passed());
    root.put("exact", true);
    ObjectNode calibration = root.putObject("calibration");
    ArrayNode cells = calibration.putArray("cells");
    for (List<String> cell : c1.cells()) {
      ArrayNode states = cells.addArray();
      cell.forEach(states::add);
    }
    calibration.set("violations", violations(c1.calibrated()));
    calibration.put("violationCount", c1.calibrated().violationCount());
    ObjectNode standard = root.putObject("standardBic");
    standard.put("passed", c1.standard().violationCount() == 0);
    standard.put("violationCount", c1.standard().violationCount());
    standard.set("violations", violations(c1.standard()));
    ObjectNode implementable = root.putObject("implementable");
    implementable.put("verdict", c2.verdict().name());
    implementable.put("reason", c2.reason());
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON report", e);
    }
  }

  private static ArrayNode violations(Verification v) {
    ArrayNode rows = JSON.createArrayNode();
    for (RowCheck r : v.violations()) {
      ObjectNode row = rows.addObject();
      row.put("family", r.family());
      row.put("row", r.rowName());
      row.put("description", r.description());
      row.put("amount", r.amount());
      if (r.exactAmount() != null) {
        row.put("exactAmount", Numbers.exact(r.exactAmount()));
      }
    }
    return rows;
  }
}
