package org.mechlp.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.mechlp.solver.dynamic.DynamicSolver;
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

  /**
   * What a solve keeps while the blocks stream past: counts, the largest payment, the first {@code --max-rows}
   * blocks (for the text report), every unsolved block, and all payments only when the report prints them (JSON,
   * whose mechanism is the payments). Everything else is dropped period by period, so memory stays flat in T.
   */
  private static final class Tally {
    final Map<BlockKey, BlockResult> listed = new TreeMap<>(Assumptions.ORDER);
    final List<BlockResult> unsolved = new ArrayList<>();
    final List<BlockResult> kept = new ArrayList<>();
    final int maxListed;
    final boolean keepPayments;
    long count;
    long solved;
    long infeasible;
    long reused;
    BigFraction largest;

    Tally(int maxListed, boolean keepPayments) {
      this.maxListed = maxListed;
      this.keepPayments = keepPayments;
    }

    void add(BlockResult r, boolean wasReused) {
      count++;
      reused += wasReused ? 1 : 0;
      if (r.status() == BlockResult.Status.SOLVED) {
        solved++;
        if (keepPayments) {
          kept.add(r);
        }
      } else {
        infeasible += r.status() == BlockResult.Status.INFEASIBLE ? 1 : 0;
        unsolved.add(r);
      }
      if (r.largest() != null && (largest == null || r.largest().compareTo(largest) > 0)) {
        largest = r.largest();
      }
      if (maxListed > 0) {
        listed.put(r.key(), r);
        if (listed.size() > maxListed) {
          listed.remove(((TreeMap<BlockKey, BlockResult>) listed).lastKey());
        }
      }
    }
  }

  /** Solves, verifies, checks and prints; returns the exit code. */
  static int solve(Path file, Output output, boolean json, int maxRows)
      throws BadInputException, InvalidInputException, IOException {
    DynamicProblem problem = problem(file);
    long start = System.nanoTime();
    EfficientPolicy policy = EfficientPolicy.of(problem);
    long policyNanos = System.nanoTime() - start;
    int threads = Runtime.getRuntime().availableProcessors();
    long lps = 0;
    for (int t = 1; t <= problem.blockPeriods(); t++) {
      Stage stage = problem.stage(t);
      lps += (long) stage.actions().size() * stage.signals().profileCount() * problem.agentCount();
    }
    Assumptions.Tally assumptionTally = new Assumptions.Tally(problem, lps <= A2_LP_LIMIT);
    Tally tally = new Tally(maxRows, json);
    // The check runs backward alongside the blocks: period T has no contingent payments, then each solved period.
    DynamicChecker.Pass pass = new DynamicChecker.Pass(problem, policy.action(), null);
    long[] checkNanos = {0};
    boolean[] checking = {true};
    long checkStart = System.nanoTime();
    if (!problem.infinite()) {
      pass.period(problem.horizon(), key -> null);
    }
    checkNanos[0] += System.nanoTime() - checkStart;
    DynamicSolver.solve(problem, policy, threads, assumptionTally.withA2(), (t, results, reused) -> {
      Map<BlockKey, BigFraction[][]> payments = new HashMap<>();
      for (BlockResult r : results) {
        assumptionTally.add(r);
        tally.add(r, reused);
        if (r.status() == BlockResult.Status.SOLVED) {
          payments.put(r.key(), r.payments());
        }
      }
      checking[0] &= payments.size() == results.size();
      if (checking[0]) {
        long c = System.nanoTime();
        pass.period(t, payments::get);
        checkNanos[0] += System.nanoTime() - c;
      }
    });
    long blockNanos = System.nanoTime() - start - policyNanos - checkNanos[0];
    Assumptions assumptions = assumptionTally.result(policy);
    long solved = tally.solved;
    long infeasible = tally.infeasible;
    long failed = tally.count - solved - infeasible;
    DynamicChecker.Result check = checking[0] ? pass.finish() : null;
    long totalNanos = System.nanoTime() - start;
    String status = failed > 0 ? "failed" : infeasible > 0 ? "infeasible" : check.passed() ? "solved" : "check-failed";
    if (json) {
      ObjectNode root = JSON.createObjectNode();
      root.put("format", "mechlp-dynamic-report/1");
      root.put("kind", "dynamic-solve");
      root.put("problem", problem.name());
      root.put("status", status);
      root.put("horizon", problem.horizonText());
      root.put("discount", Fractions.format(problem.discount()));
      root.put("expected_surplus", Fractions.format(policy.expectedSurplus(problem)));
      ObjectNode blocks = root.putObject("blocks");
      blocks.put("variant", problem.contingent().variant().id());
      blocks.put("objective", problem.contingent().objective().id());
      blocks.put("count", tally.count);
      blocks.put("solved", solved);
      blocks.put("infeasible", infeasible);
      blocks.put("failed", failed);
      blocks.put("reused", tally.reused);
      ArrayNode unsolved = blocks.putArray("unsolved");
      for (BlockResult r : sorted(tally.unsolved)) {
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
        root.set("mechanism", DynamicMechanisms.json(problem, policy, sorted(tally.kept)));
      }
      root.putObject("times_ms").put("policy", policyNanos / 1e6).put("blocks", blockNanos / 1e6)
          .put("check", checkNanos[0] / 1e6).put("total", totalNanos / 1e6);
      output.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    } else {
      StringBuilder sb = new StringBuilder();
      sb.append("Dynamic problem ").append(problem.name()).append(": ").append(problem.agentCount())
          .append(" agents, horizon ").append(problem.horizonText()).append(", discount ")
          .append(Fractions.format(problem.discount())).append('\n');
      sb.append("Status: ").append(status).append('\n');
      sb.append("Efficient policy: E[W_1] = ").append(Fractions.format(policy.expectedSurplus(problem)))
          .append(problem.infinite() ? " (exact stationary solve)" : " (backward induction, exact)").append('\n');
      policyTable(sb, problem, policy, maxRows);
      sb.append("Contingent transfers (").append(problem.contingent().variant().id()).append(", ")
          .append(problem.contingent().objective().id()).append("): ").append(tally.count).append(" blocks");
      if (problem.blockPeriods() > 0) {
        Stage stage = problem.stage(1);
        int k = stage.signals().size(0);
        int l = stage.transition().next().othersCount(0);
        sb.append(" of ").append(l * k).append(" unknowns (L x k = ").append(l).append(" x ").append(k)
            .append(", ").append(k).append(" rows (i) and ").append(k * (k - 1)).append(" rows (ii) each)");
      }
      sb.append("; ").append(solved).append(" solved and verified exactly, ").append(infeasible)
          .append(" infeasible, ").append(failed).append(" failed\n");
      if (tally.reused > 0) {
        sb.append(tally.reused).append(" of them have the same data as the next period's blocks (stationary data):"
            + " their verified answers were reused\n");
      }
      if (tally.largest != null) {
        sb.append("Largest |P|: ").append(Fractions.format(tally.largest)).append('\n');
      }
      for (BlockResult r : tally.listed.values()) {
        sb.append("  ").append(DynamicMechanisms.blockName(problem, r.key())).append(": ");
        if (r.status() != BlockResult.Status.SOLVED) {
          sb.append(r.status().name().toLowerCase(java.util.Locale.ROOT)).append(": ").append(r.verification())
              .append('\n');
        } else {
          sb.append(DynamicMechanisms.paymentsText(problem, r)).append('\n');
        }
      }
      if (tally.count > tally.listed.size()) {
        sb.append("  ... (").append(tally.count - tally.listed.size()).append(" more blocks; --max-rows)\n");
      }
      for (BlockResult r : sorted(tally.unsolved)) {
        if (!tally.listed.containsKey(r.key())) {
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
          + " %.1f ms, total %.1f ms%n", policyNanos / 1e6, blockNanos / 1e6, threads, checkNanos[0] / 1e6,
          totalNanos / 1e6));
      output.write(sb.toString());
    }
    if (failed > 0) {
      return ExitCodes.SOLVER_FAILURE;
    }
    return infeasible > 0 || !check.passed() ? ExitCodes.NO : ExitCodes.YES;
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
