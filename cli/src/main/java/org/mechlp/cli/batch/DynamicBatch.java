package org.mechlp.cli.batch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.dynamic.DynamicExpectation;
import org.mechlp.model.dynamic.DynamicProblem;
import org.mechlp.model.dynamic.DynamicProblemReader;
import org.mechlp.model.dynamic.Stage;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.dynamic.DynamicSolve;

/**
 * A multi-period problem file in a batch: the whole dynamic solve (policy, blocks verified exactly, assumptions, the
 * one-shot-deviation check of the solved mechanism), compared with the file's {@code expect}: whether every block is
 * feasible, the number of blocks, E[W_1] exactly, and whether the check passes. Every dynamic answer is exact, so
 * with {@code --exact} a run without failed blocks counts as certified.
 */
final class DynamicBatch {
  /** As for {@code solve}: above this many distance LPs, A2 is reported for infeasible blocks only. */
  private static final int A2_LP_LIMIT = 2000;

  private DynamicBatch() {}

  static BatchResult run(Path file, String name, boolean exact, int threads, long start) {
    DynamicProblem problem;
    try {
      problem = DynamicProblemReader.read(file);
    } catch (InvalidInputException e) {
      String first = e.issues().isEmpty() ? "invalid" : e.issues().get(0).toString().replace('\n', ' ');
      String more = e.issues().size() > 1 ? " (+" + (e.issues().size() - 1) + " more issues)" : "";
      return new BatchResult(file, name, BatchResult.Verdict.INVALID, null, null, 0, Double.NaN,
          System.nanoTime() - start, first + more);
    } catch (IOException e) {
      return new BatchResult(file, name, BatchResult.Verdict.INVALID, null, null, 0, Double.NaN,
          System.nanoTime() - start, "cannot read: " + e.getMessage());
    }
    DynamicSolve.Summary run = DynamicSolve.run(problem, threads, A2_LP_LIMIT, r -> {});
    BigFraction welfare = run.policy().expectedSurplus(problem);
    List<String> differences = new ArrayList<>();
    DynamicExpectation expect = problem.expect();
    if (expect != null) {
      boolean feasible = run.infeasible() == 0 && run.failed() == 0;
      if (expect.feasible() != null && expect.feasible() != feasible && run.failed() == 0) {
        differences.add("expected " + (expect.feasible() ? "every block feasible" : "an infeasible block") + ", got "
            + run.infeasible() + " infeasible of " + run.blocks());
      }
      if (expect.blocks() != null && expect.blocks() != run.blocks()) {
        differences.add("expected " + expect.blocks() + " blocks, got " + run.blocks());
      }
      if (expect.welfare() != null && !expect.welfare().equals(welfare)) {
        differences.add("expected E[W_1] = " + Ratios.ratio(expect.welfare()) + " exactly, got "
            + Ratios.ratio(welfare));
      }
      if (expect.checkPasses() != null && run.check() == null && run.failed() == 0) {
        differences.add("expected the check to " + (expect.checkPasses() ? "pass" : "fail")
            + ", but it did not run (a block is infeasible)");
      } else if (expect.checkPasses() != null && run.check() != null
          && expect.checkPasses() != run.check().passed()) {
        differences.add("expected the check to " + (expect.checkPasses() ? "pass" : "fail") + ", got "
            + run.check().deviations().size() + " profitable deviations");
      }
    }
    BatchResult.Verdict verdict;
    String detail;
    if (run.failed() > 0) {
      verdict = BatchResult.Verdict.FAILED;
      detail = run.failed() + " blocks failed: " + run.unsolved().stream()
          .filter(r -> r.status() != org.mechlp.solver.dynamic.BlockResult.Status.INFEASIBLE).findFirst()
          .map(r -> r.verification()).orElse("");
    } else if (!differences.isEmpty()) {
      verdict = BatchResult.Verdict.MISMATCH;
      detail = String.join("; ", differences);
    } else {
      verdict = BatchResult.Verdict.OK;
      detail = (expect == null ? "no expectation; " : "") + "dynamic: " + run.blocks() + " blocks ("
          + run.infeasible() + " infeasible), E[W_1] = " + Ratios.ratio(welfare)
          + (run.check() == null ? "" : ", check " + (run.check().passed() ? "passed" : "failed"));
    }
    return new BatchResult(file, problem.name(), verdict, run.status().toUpperCase(java.util.Locale.ROOT)
        .replace('-', '_'), welfare.doubleValue(), rows(problem), run.check() == null || run.check().passed() ? 0
        : Double.NaN, System.nanoTime() - start, detail,
        exact ? (run.failed() == 0 ? BatchResult.CERTIFIED : BatchResult.NOT_CERTIFIED) : null,
        exact ? welfare : null);
  }

  /** The rows (i) and (ii) of every block: k + k (k - 1) = k^2 per block with k of the agent's signals. */
  private static long rows(DynamicProblem problem) {
    long rows = 0;
    for (int t = 1; t <= problem.blockPeriods(); t++) {
      Stage stage = problem.stage(t);
      for (int i = 0; i < problem.agentCount(); i++) {
        long k = stage.signals().size(i);
        rows += stage.actions().size() * stage.signals().othersCount(i) * k * k;
      }
    }
    return rows;
  }
}
