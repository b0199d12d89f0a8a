package org.mechlp.cli.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.datadriven.Estimator;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.datadriven.DataDrivenCheck;
import org.mechlp.solver.datadriven.DataDrivenReport;
import org.mechlp.solver.datadriven.DataDrivenRun;
import org.mechlp.solver.datadriven.EstimatorSequence;

/** Text and JSON reports of data-driven solves, checks and estimator sequences. */
public final class DataDrivenReports {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DataDrivenReports() {}

  /** The solve report as text: both LPs side by side, why one is infeasible, the data-driven mechanism. */
  public static String solveText(DataDrivenReport report, int maxRows) {
    DataDrivenProblem ddp = report.problem();
    Problem problem = ddp.problem();
    StringBuilder sb = new StringBuilder();
    sb.append("problem:     ").append(problem.name()).append(" (data-driven)\n");
    sb.append("estimator:   ").append(ddp.estimator().describe()).append('\n');
    sb.append("equilibrium: ").append(ddp.equilibrium().json()).append(";  IR: ")
        .append(problem.mechanism().ir().json()).append(";  budget: ").append(problem.mechanism().budget().json())
        .append(";  allocation: ").append(allocation(problem)).append('\n');
    sb.append('\n');
    TextTable table = new TextTable(List.of("LP", "status", "objective", "rows", "columns", "time"));
    row(table, "data-driven p(t, estimate)", report.dataDriven());
    row(table, "message-driven p(t)", report.messageDriven());
    sb.append(table.render());
    sb.append("what the data buys: ").append(buys(report)).append('\n');
    for (var entry : List.of(report.dataDriven(), report.messageDriven())) {
      String label = entry == report.dataDriven() ? "data-driven" : "message-driven";
      if (!entry.message().isEmpty()) {
        sb.append(label).append(": ").append(entry.message()).append('\n');
      }
      if (!entry.conflict().isEmpty()) {
        sb.append('\n').append("Why the ").append(label).append(" LP is infeasible (a Farkas certificate, checked in"
            + " exact arithmetic: these rows, added with these weights, demand 0 >= a positive number):\n");
        entry.conflict().stream().limit(maxRows).forEach(c -> sb.append("  ").append(c).append('\n'));
      }
    }
    DataDrivenRun dd = report.dataDriven();
    if (dd.verification() != null) {
      sb.append('\n').append(String.format(Locale.ROOT,
          "verified: %d rows checked independently of the solver, largest violation %s%n", dd.verification()
              .rowsChecked(), dd.verification().exact() && dd.verification().exactMaxViolation() != null
              ? Ratios.ratio(dd.verification().exactMaxViolation()) + " (exact)"
              : String.format(Locale.ROOT, "%.3g", dd.verification().maxViolation())));
    }
    if (dd.certification() != null) {
      sb.append("certified: ").append(dd.certification().certified() ? "yes, " : "no, ")
          .append(dd.certification().reason()).append('\n');
    }
    if (dd.mechanism() != null) {
      sb.append('\n').append("Data-driven mechanism (transfer paid by each agent after each estimate):\n");
      sb.append(mechanismText(ddp, dd.mechanism(), maxRows));
    }
    return sb.toString();
  }

  private static String allocation(Problem problem) {
    var fixed = problem.mechanism().fixedAllocation();
    return fixed == null ? "free" : fixed.source().equals("efficient") ? "efficient (fixed)" : "fixed table";
  }

  private static void row(TextTable table, String label, DataDrivenRun run) {
    table.add(List.of(label, run.status().name(), objective(run), Long.toString(run.size().rows()),
        Integer.toString(run.size().columns()), String.format(Locale.ROOT, "%.2fs", run.solveNanos() / 1e9)));
  }

  private static String objective(DataDrivenRun run) {
    if (run.exactObjective() != null) {
      return Ratios.ratio(run.exactObjective());
    }
    return run.objective() == null ? "-" : Numbers.format(run.objective());
  }

  private static String buys(DataDrivenReport report) {
    DataDrivenRun dd = report.dataDriven();
    DataDrivenRun md = report.messageDriven();
    if (dd.status().name().equals("OPTIMAL") && md.status().name().equals("INFEASIBLE")) {
      return "feasibility: only transfers that depend on the estimate meet the constraints";
    }
    if (dd.objective() != null && md.objective() != null) {
      double gain = report.problem().problem().objective().maximize()
          ? dd.objective() - md.objective()
          : md.objective() - dd.objective();
      return String.format(Locale.ROOT, "%s in the objective", Numbers.format(gain));
    }
    return "no comparison (" + dd.status() + " vs " + md.status() + ")";
  }

  /** The mechanism as a table: profile, outcome lottery, transfer per agent and estimate. */
  public static String mechanismText(DataDrivenProblem ddp, DataDrivenMechanism m, int maxRows) {
    Problem problem = ddp.problem();
    TypeProfiles profiles = problem.profiles();
    Estimator est = ddp.estimator();
    String[] header = new String[2 + problem.agentCount() * est.count()];
    header[0] = "profile";
    header[1] = "allocation";
    int k = 2;
    for (int i = 0; i < problem.agentCount(); i++) {
      for (int e = 0; e < est.count(); e++) {
        header[k++] = "p_" + problem.agents().get(i).name() + "|" + est.estimates().get(e).name();
      }
    }
    TextTable table = new TextTable(List.of(header));
    for (int t = 0; t < profiles.count() && t < maxRows; t++) {
      String[] cells = new String[header.length];
      cells[0] = problem.describeProfile(t, profiles);
      StringBuilder lottery = new StringBuilder();
      for (int x = 0; x < problem.outcomeCount(); x++) {
        BigFraction p = m.allocation()[t][x];
        if (!Fractions.isZero(p)) {
          lottery.append(lottery.length() == 0 ? "" : ", ").append(problem.outcomes().get(x).name())
              .append(p.equals(BigFraction.ONE) ? "" : " " + number(p, m.exact()));
        }
      }
      cells[1] = lottery.toString();
      k = 2;
      for (int i = 0; i < problem.agentCount(); i++) {
        for (int e = 0; e < est.count(); e++) {
          cells[k++] = number(m.transfers()[i][t][e], m.exact());
        }
      }
      table.add(List.of(cells));
    }
    String text = table.render();
    if (profiles.count() > maxRows) {
      text += "(" + (profiles.count() - maxRows) + " more profiles; raise --max-rows)\n";
    }
    return text;
  }

  private static String number(BigFraction v, boolean exact) {
    return exact ? Ratios.ratio(v) : Numbers.format(v.doubleValue());
  }

  /** The solve report as JSON. */
  public static String solveJson(DataDrivenReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    DataDrivenProblem ddp = report.problem();
    root.put("kind", "data-driven");
    root.put("problem", ddp.problem().name());
    root.put("estimator", ddp.estimator().describe());
    root.put("equilibrium", ddp.equilibrium().json());
    run(root.putObject("dataDriven"), report.dataDriven());
    run(root.putObject("messageDriven"), report.messageDriven());
    if (report.dataDriven().mechanism() != null) {
      try {
        root.set("mechanism", MAPPER.readTree(org.mechlp.model.json.DataDrivenMechanismJson.write(ddp,
            report.dataDriven().mechanism(), null)));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return pretty(root);
  }

  private static void run(ObjectNode node, DataDrivenRun run) {
    node.put("status", run.status().name());
    if (run.objective() != null) {
      node.put("objective", run.objective());
    }
    if (run.exactObjective() != null) {
      node.put("objectiveExact", Ratios.ratio(run.exactObjective()));
    }
    ObjectNode size = node.putObject("lp");
    size.put("rows", run.size().rows());
    size.put("columns", run.size().columns());
    if (run.verification() != null) {
      node.put("maxViolation", run.verification().maxViolation());
      node.put("rowsChecked", run.verification().rowsChecked());
    }
    if (run.certification() != null) {
      node.put("certified", run.certification().certified());
    }
    if (!run.conflict().isEmpty()) {
      ArrayNode why = node.putArray("infeasibleBecause");
      run.conflict().forEach(why::add);
    }
    node.put("message", run.message());
    node.put("seconds", run.solveNanos() / 1e9);
  }

  /** The check report as text. */
  public static String checkText(DataDrivenCheck check, int maxRows) {
    StringBuilder sb = new StringBuilder();
    sb.append("verdict: ").append(check.passes() ? "PASS" : "FAIL").append(" (equilibrium ")
        .append(check.equilibrium()).append(", ").append(check.exact() ? "exact arithmetic" : String.format(
            Locale.ROOT, "inexact numbers, tolerance %.3g", check.tolerance())).append(")\n");
    TextTable table = new TextTable(List.of("agent", "epsilon (largest IC gain)", "where"));
    for (DataDrivenCheck.AgentGain g : check.gains()) {
      table.add(List.of(g.agent(), Ratios.ratio(g.epsilon()), g.argmax().isEmpty() ? "-" : g.argmax()));
    }
    sb.append(table.render());
    violations(sb, "IR violations", check.ir(), maxRows);
    violations(sb, "budget violations", check.budget(), maxRows);
    violations(sb, "feasibility violations", check.feasibility(), maxRows);
    if (check.passes()) {
      sb.append("passes: no constraint violated\n");
    }
    return sb.toString();
  }

  private static void violations(StringBuilder sb, String title, List<DataDrivenCheck.Violation> list, int max) {
    sb.append(title).append(": ").append(list.size()).append('\n');
    list.stream().limit(max).forEach(v -> sb.append("  ").append(v.description()).append('\n'));
  }

  /** The check report as JSON. */
  public static String checkJson(DataDrivenCheck check) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", "data-driven-check");
    root.put("passed", check.passes());
    root.put("equilibrium", check.equilibrium());
    root.put("exact", check.exact());
    ArrayNode gains = root.putArray("epsilon");
    for (DataDrivenCheck.AgentGain g : check.gains()) {
      ObjectNode n = gains.addObject();
      n.put("agent", g.agent());
      n.put("epsilon", Ratios.ratio(g.epsilon()));
      n.put("epsilonDouble", g.epsilon().doubleValue());
      n.put("argmax", g.argmax());
    }
    for (var part : List.of(List.of("ir", check.ir()), List.of("budget", check.budget()),
        List.of("feasibility", check.feasibility()))) {
      ArrayNode arr = root.putArray((String) part.get(0));
      @SuppressWarnings("unchecked")
      List<DataDrivenCheck.Violation> list = (List<DataDrivenCheck.Violation>) part.get(1);
      for (DataDrivenCheck.Violation v : list) {
        ObjectNode n = arr.addObject();
        n.put("description", v.description());
        n.put("amount", Ratios.ratio(v.amount()));
      }
    }
    return pretty(root);
  }

  /** The estimator sequence as a table: N, epsilon and the bound per agent, and the ratio. */
  public static String sequenceText(List<String> agents, List<EstimatorSequence.Point> points) {
    String[] header = new String[1 + 2 * agents.size()];
    header[0] = "N";
    for (int i = 0; i < agents.size(); i++) {
      header[1 + 2 * i] = "epsilon_" + agents.get(i);
      header[2 + 2 * i] = "bound 2sup|beta_" + agents.get(i) + "|";
    }
    TextTable table = new TextTable(List.of(header));
    for (EstimatorSequence.Point p : points) {
      String[] cells = new String[header.length];
      cells[0] = Integer.toString(p.samples());
      for (int i = 0; i < agents.size(); i++) {
        cells[1 + 2 * i] = String.format(Locale.ROOT, "%.6g", p.epsilon()[i].doubleValue());
        cells[2 + 2 * i] = String.format(Locale.ROOT, "%.6g", p.bound()[i].doubleValue());
      }
      table.add(List.of(cells));
    }
    return table.render();
  }

  /** The estimator sequence as JSON, exact values as fractions next to doubles. */
  public static String sequenceJson(List<String> agents, List<EstimatorSequence.Point> points) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("kind", "data-driven-sequence");
    ArrayNode arr = root.putArray("points");
    for (EstimatorSequence.Point p : points) {
      ObjectNode n = arr.addObject();
      n.put("samples", p.samples());
      for (int i = 0; i < agents.size(); i++) {
        ObjectNode a = n.putObject(agents.get(i));
        a.put("epsilon", Ratios.ratio(p.epsilon()[i]));
        a.put("epsilonDouble", p.epsilon()[i].doubleValue());
        a.put("bound", Ratios.ratio(p.bound()[i]));
        a.put("boundDouble", p.bound()[i].doubleValue());
      }
    }
    return pretty(root);
  }

  private static String pretty(ObjectNode root) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
