package org.mechlp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.dynamic.BlockKey;
import org.mechlp.model.dynamic.DynamicMechanism;
import org.mechlp.model.dynamic.DynamicMechanismReader;
import org.mechlp.model.dynamic.DynamicProblem;
import org.mechlp.model.dynamic.DynamicProblemReader;
import org.mechlp.model.dynamic.SignalSpace;
import org.mechlp.model.dynamic.Stage;
import org.mechlp.solver.dynamic.Assumptions;
import org.mechlp.solver.dynamic.BlockResult;
import org.mechlp.solver.dynamic.Deviation;
import org.mechlp.solver.dynamic.DynamicChecker;
import org.mechlp.solver.dynamic.DynamicSolve;
import org.mechlp.solver.dynamic.EfficientPolicy;

/**
 * {@code solve} and {@code check} for a multi-period problem (a file with a {@code periods} block): the efficient
 * policy, the contingent-transfer blocks with their exact verification, the assumptions, and the one-shot-deviation
 * check of the solved (or a proposed) mechanism.
 */
final class DynamicRun {
  /** Above this many A2 distance LPs, solve reports A2 only for infeasible blocks. */
  static final int A2_LP_LIMIT = 2000;

  private DynamicRun() {}

  /**
   * Whether the file is a multi-period problem (it has "periods"); read through {@link Inputs}, so that {@code -}
   * and the size limit work as for every other problem. Unreadable or malformed files are not: the ordinary reader
   * reports them.
   */
  static boolean applies(Path problemFile) {
    try {
      JsonNode root = JSON.readTree(Inputs.text(problemFile));
      return root != null && root.isObject() && root.has("periods");
    } catch (BadInputException | InvalidInputException | IOException e) {
      return false;
    }
  }

  static DynamicProblem problem(Path file) throws BadInputException, InvalidInputException {
    return DynamicProblemReader.read(Inputs.text(file), Inputs.name(file));
  }

  /** Solves, verifies, checks and prints; returns the exit code. */
  static int solve(Path file, Output output, boolean json, int maxRows)
      throws BadInputException, InvalidInputException, IOException {
    DynamicProblem problem = problem(file);
    // The report keeps the first --max-rows blocks, and every payment only when it prints the mechanism (JSON).
    TreeMap<BlockKey, BlockResult> listed = new TreeMap<>(Assumptions.ORDER);
    List<BlockResult> kept = new ArrayList<>();
    DynamicSolve.Summary run = DynamicSolve.run(problem, Runtime.getRuntime().availableProcessors(), A2_LP_LIMIT,
        r -> {
          if (json && r.status() == BlockResult.Status.SOLVED) {
            kept.add(r);
          }
          if (maxRows > 0) {
            listed.put(r.key(), r);
            if (listed.size() > maxRows) {
              listed.remove(listed.lastKey());
            }
          }
        });
    EfficientPolicy policy = run.policy();
    Assumptions assumptions = run.assumptions();
    DynamicChecker.Result check = run.check();
    if (json) {
      ObjectNode root = JSON.createObjectNode();
      root.put("format", "mechlp-dynamic-report/1");
      root.put("kind", "dynamic-solve");
      root.put("problem", problem.name());
      root.put("status", run.status());
      root.put("horizon", problem.horizonText());
      root.put("discount", Fractions.format(problem.discount()));
      root.put("expected_surplus", Fractions.format(policy.expectedSurplus(problem)));
      ObjectNode blocks = root.putObject("blocks");
      blocks.put("variant", problem.contingent().variant().id());
      blocks.put("objective", problem.contingent().objective().id());
      blocks.put("count", run.blocks());
      blocks.put("solved", run.solved());
      blocks.put("infeasible", run.infeasible());
      blocks.put("failed", run.failed());
      blocks.put("reused", run.reused());
      if (run.largest() != null) {
        blocks.put("largest_payment", Fractions.format(run.largest()));
      }
      ArrayNode unsolved = blocks.putArray("unsolved");
      for (BlockResult r : run.unsolved()) {
        ObjectNode u = DynamicMechanisms.blockHeader(problem, r.key(), unsolved.addObject());
        u.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
        u.put("reason", r.verification());
      }
      ObjectNode a = root.putObject("assumptions");
      if (assumptions.a2() != null) {
        a.put("a2", assumptions.a2());
      }
      a.put("a2_reason", assumptions.a2Reason());
      a.put("a3", assumptions.a3());
      a.put("a3_reason", assumptions.a3Reason());
      a.put("a4", assumptions.a4());
      a.put("a4_reason", assumptions.a4Reason());
      if (check != null) {
        root.set("check", checkJson(problem, check));
        root.set("mechanism", DynamicMechanisms.json(problem, policy, sorted(kept)));
      }
      root.putObject("times_ms").put("policy", run.policyNanos() / 1e6).put("blocks", run.blockNanos() / 1e6)
          .put("check", run.checkNanos() / 1e6).put("total", run.totalNanos() / 1e6);
      output.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } else {
      StringBuilder sb = new StringBuilder();
      sb.append("Dynamic problem ").append(problem.name()).append(": ").append(problem.agentCount())
          .append(" agents, horizon ").append(problem.horizonText()).append(", discount ")
          .append(Fractions.format(problem.discount())).append('\n');
      sb.append("Status: ").append(run.status()).append('\n');
      sb.append("Efficient policy: E[W_1] = ").append(Fractions.format(policy.expectedSurplus(problem)))
          .append(problem.infinite() ? " (exact stationary solve)" : " (backward induction, exact)").append('\n');
      policyTable(sb, problem, policy, maxRows);
      sb.append("Contingent transfers (").append(problem.contingent().variant().id()).append(", ")
          .append(problem.contingent().objective().id()).append("): ").append(run.blocks()).append(" blocks");
      if (problem.blockPeriods() > 0) {
        Stage stage = problem.stage(1);
        int k = stage.signals().size(0);
        int l = stage.transition().next().othersCount(0);
        sb.append(" of ").append(l * k).append(" unknowns (L x k = ").append(l).append(" x ").append(k)
            .append(", ").append(k).append(" rows (i) and ").append(k * (k - 1)).append(" rows (ii) each)");
      }
      sb.append("; ").append(run.solved()).append(" solved and verified exactly, ").append(run.infeasible())
          .append(" infeasible, ").append(run.failed()).append(" failed\n");
      if (run.reused() > 0) {
        sb.append(run.reused()).append(" of them have the same data as the next period's blocks (stationary data):"
            + " their verified answers were reused\n");
      }
      if (run.largest() != null) {
        sb.append("Largest |P|: ").append(Fractions.format(run.largest())).append('\n');
      }
      for (BlockResult r : listed.values()) {
        sb.append("  ").append(DynamicMechanisms.blockName(problem, r.key())).append(": ");
        if (r.status() != BlockResult.Status.SOLVED) {
          sb.append(r.status().name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(r.verification())
              .append('\n');
        } else {
          sb.append(DynamicMechanisms.paymentsText(problem, r)).append('\n');
        }
      }
      if (run.blocks() > listed.size()) {
        sb.append("  ... (").append(run.blocks() - listed.size()).append(" more blocks; --max-rows)\n");
      }
      for (BlockResult r : run.unsolved()) {
        if (!listed.containsKey(r.key())) {
          sb.append("  ").append(DynamicMechanisms.blockName(problem, r.key())).append(": ")
              .append(r.status().name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(r.verification())
              .append('\n');
        }
      }
      sb.append("Assumptions:\n");
      sb.append("  A2 (convex independence): ").append(assumptions.a2() == null ? "-" : yes(assumptions.a2()))
          .append(": ").append(assumptions.a2Reason()).append('\n');
      sb.append("  A3 (spanning): ").append(yes(assumptions.a3())).append(": ").append(assumptions.a3Reason())
          .append('\n');
      sb.append("  A4 (final period): ").append(yes(assumptions.a4())).append(": ").append(assumptions.a4Reason())
          .append('\n');
      if (check != null) {
        sb.append("Check of the solved mechanism: ");
        checkText(sb, problem, check, maxRows);
      }
      sb.append(String.format(java.util.Locale.ROOT, "Times: policy %.1f ms, blocks %.1f ms (%d threads), check"
          + " %.1f ms, total %.1f ms%n", run.policyNanos() / 1e6, run.blockNanos() / 1e6, run.threads(),
          run.checkNanos() / 1e6, run.totalNanos() / 1e6));
      output.write(sb.toString());
    }
    if (run.failed() > 0) {
      return ExitCodes.SOLVER_FAILURE;
    }
    return run.infeasible() > 0 || !check.passed() ? ExitCodes.NO : ExitCodes.YES;
  }

  private static List<BlockResult> sorted(List<BlockResult> results) {
    List<BlockResult> out = new ArrayList<>(results);
    out.sort(Comparator.comparing(BlockResult::key, Assumptions.ORDER));
    return out;
  }

  /** Checks a proposed dynamic mechanism; returns the exit code. */
  static int check(Path file, Path mechanismFile, Output output, boolean json, int maxRows)
      throws BadInputException, InvalidInputException, IOException {
    DynamicProblem problem = problem(file);
    DynamicMechanism mechanism;
    mechanism = DynamicMechanismReader.read(Inputs.text(mechanismFile), Inputs.name(mechanismFile), problem);
    EfficientPolicy policy = EfficientPolicy.of(problem);
    DynamicChecker.Result check = DynamicChecker.check(problem, mechanism, policy);
    if (json) {
      ObjectNode root = checkJson(problem, check);
      root.put("format", "mechlp-dynamic-report/1");
      root.put("kind", "dynamic-check");
      root.put("problem", problem.name());
      output.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } else {
      StringBuilder sb = new StringBuilder("Dynamic problem " + problem.name() + ", mechanism " + mechanismFile
          + "\nPeriodic ex post IC by one-shot deviations: ");
      checkText(sb, problem, check, maxRows);
      output.write(sb.toString());
    }
    return check.passed() ? ExitCodes.YES : ExitCodes.NO;
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private static String yes(boolean b) {
    return b ? "holds" : "fails";
  }

  private static void policyTable(StringBuilder sb, DynamicProblem problem, EfficientPolicy policy, int maxRows) {
    int periods = problem.infinite() ? 1 : problem.horizon();
    int rows = 0;
    for (int t = 1; t <= periods; t++) {
      Stage stage = problem.stage(t);
      for (int p = 0; p < stage.signals().profileCount(); p++) {
        if (rows++ >= maxRows) {
          sb.append("  ... (--max-rows)\n");
          return;
        }
        sb.append("  ").append(problem.infinite() ? "every period" : "period " + t).append(", ")
            .append(stage.signals().profileName(p)).append(": a* = ")
            .append(stage.actions().get(policy.action(problem, t, p))).append(", W = ")
            .append(Fractions.format(policy.surplus(problem, t, p))).append('\n');
      }
    }
  }

  private static void checkText(StringBuilder sb, DynamicProblem problem, DynamicChecker.Result check, int maxRows) {
    sb.append(check.passed() ? "passed" : "FAILED").append(" (").append(check.nodes())
        .append(" one-shot deviations at reachable nodes, exact arithmetic)\n");
    int listed = 0;
    for (Deviation d : check.deviations()) {
      if (listed++ >= maxRows) {
        sb.append("  ... (").append(check.deviations().size() - maxRows).append(" more; --max-rows)\n");
        break;
      }
      sb.append("  ").append(DynamicMechanisms.deviationText(problem, d)).append('\n');
    }
  }

  private static ObjectNode checkJson(DynamicProblem problem, DynamicChecker.Result check) {
    ObjectNode c = JSON.createObjectNode();
    c.put("passed", check.passed());
    c.put("nodes", check.nodes());
    ArrayNode list = c.putArray("deviations");
    for (Deviation d : check.deviations()) {
      Stage stage = problem.stage(d.period());
      SignalSpace space = stage.signals();
      ObjectNode o = list.addObject();
      o.put("agent", problem.agents().get(d.agent()));
      o.put("period", d.period());
      o.put("profile", space.profileName(d.profile()));
      o.put("report", space.names(d.agent()).get(d.report()));
      o.put("truthful_action", stage.actions().get(d.truthAction()));
      o.put("deviation_action", stage.actions().get(d.deviationAction()));
      o.put("gain", Fractions.format(d.gain()));
      o.put("text", DynamicMechanisms.deviationText(problem, d));
    }
    return c;
  }
}
