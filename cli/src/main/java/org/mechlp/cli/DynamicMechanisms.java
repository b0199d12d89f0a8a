package org.mechlp.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.mechlp.model.Fractions;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.DynamicMechanismReader;
import org.mechlp.model.dynamic.DynamicProblem;
import org.mechlp.model.dynamic.SignalSpace;
import org.mechlp.model.dynamic.Stage;
import org.mechlp.solver.dynamic.BlockResult;
import org.mechlp.solver.dynamic.Deviation;
import org.mechlp.solver.dynamic.EfficientPolicy;

/** Text and JSON for dynamic mechanisms, blocks and deviations; the JSON is a mechanism file check reads back. */
final class DynamicMechanisms {
  private static final ObjectMapper JSON = new ObjectMapper();

  private DynamicMechanisms() {}

  /** The solved mechanism as a {@code mechlp-dynamic-mechanism/1} object. */
  static ObjectNode json(DynamicProblem problem, EfficientPolicy policy, List<BlockResult> results) {
    ObjectNode m = JSON.createObjectNode();
    m.put("format", DynamicMechanismReader.FORMAT);
    ArrayNode allocation = m.putArray("allocation");
    for (int s = 0; s < problem.stages().size(); s++) {
      Stage stage = problem.stages().get(s);
      ObjectNode rule = allocation.addObject();
      for (int p = 0; p < stage.signals().profileCount(); p++) {
        rule.put(stage.signals().profileName(p), stage.actions().get(policy.action()[s][p]));
      }
    }
    ArrayNode blocks = m.putArray("contingent");
    for (BlockResult r : results) {
      if (r.status() != BlockResult.Status.SOLVED) {
        continue;
      }
      ObjectNode b = blockHeader(problem, r.key(), blocks.addObject());
      Stage stage = problem.stage(r.key().period());
      SignalSpace next = stage.transition().next();
      ObjectNode payments = b.putObject("payments");
      int i = r.key().agent();
      for (int y = 0; y < r.payments().length; y++) {
        ObjectNode byReport = payments.putObject(next.othersName(i, y));
        for (int rep = 0; rep < r.payments()[y].length; rep++) {
          byReport.put(stage.signals().names(i).get(rep), Fractions.format(r.payments()[y][rep]));
        }
      }
    }
    return m;
  }

  static ObjectNode blockHeader(DynamicProblem problem, BlockKey key, ObjectNode into) {
    Stage stage = problem.stage(key.period());
    into.put("agent", problem.agents().get(key.agent()));
    if (!problem.infinite()) {
      into.put("period", key.period());
    }
    into.put("action", stage.actions().get(key.action()));
    into.put("others", stage.signals().othersName(key.agent(), key.others()));
    return into;
  }

  static String blockName(DynamicProblem problem, BlockKey key) {
    Stage stage = problem.stage(key.period());
    return problem.agents().get(key.agent()) + (problem.infinite() ? "" : ", t=" + key.period()) + ", a="
        + stage.actions().get(key.action()) + ", others=" + stage.signals().othersName(key.agent(), key.others());
  }

  /** P[y, r] in one line: {@code y=lo: [lo: 1, hi: 2]; ...}. */
  static String paymentsText(DynamicProblem problem, BlockResult r) {
    Stage stage = problem.stage(r.key().period());
    SignalSpace next = stage.transition().next();
    int i = r.key().agent();
    List<String> parts = new ArrayList<>();
    for (int y = 0; y < r.payments().length; y++) {
      List<String> cells = new ArrayList<>();
      for (int rep = 0; rep < r.payments()[y].length; rep++) {
        cells.add(stage.signals().names(i).get(rep) + ": " + Fractions.format(r.payments()[y][rep]));
      }
      parts.add("y=" + next.othersName(i, y) + " [" + String.join(", ", cells) + "]");
    }
    return "P " + String.join("; ", parts) + " (max |P| " + Fractions.format(r.largest()) + ", margin "
        + Fractions.format(r.margin()) + ")";
  }

  static String deviationText(DynamicProblem problem, Deviation d) {
    Stage stage = problem.stage(d.period());
    SignalSpace space = stage.signals();
    return problem.agents().get(d.agent()) + (problem.infinite() ? "" : " in period " + d.period())
        + " at profile " + space.profileName(d.profile()) + " gains " + Fractions.format(d.gain())
        + " by reporting " + space.names(d.agent()).get(d.report()) + " (action "
        + stage.actions().get(d.deviationAction()) + " instead of " + stage.actions().get(d.truthAction()) + ")";
  }
}
