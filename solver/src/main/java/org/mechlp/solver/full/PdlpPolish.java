package org.mechlp.solver.full;

import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.PriorityQueue;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSession;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.verify.OptimalityCheck;
import org.mechlp.solver.verify.SolutionVerifier;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * Repairs a PDLP point that failed verification (issue #6, item 4). PDLP is a first-order method: even with tight
 * tolerances its point can violate rows by about 1e-9 and its objective can be off by as much
 * (docs/adr/0005-or-tools-backend.md, Accuracy). When the verifier rejects it, GLOP re-solves the LP restricted to the
 * rows that are active at the PDLP point (slack within {@link #activeSlack}) plus the rows it violates: a small LP
 * whose optimum is the full LP's when the active set is right. GLOP's vertex is then checked against every row of the
 * full LP; rows it violates are added (most violated first) and GLOP re-solves warm, until no row is violated. The
 * final point goes through the ordinary verification, so OPTIMAL means what it means for any solve.
 *
 * <p>If the restricted LP is not solved to optimality (it may be unbounded where the full LP is not), the full LP is
 * re-solved with GLOP instead. The message says what happened, for example "PDLP's point violated feasibility[...]
 * by 1.20e-09 (tolerance 1.00e-10); polished with GLOP on 36 active rows (+2 added in 1 more round), verified against
 * every row".
 */
public final class PdlpPolish {
  /** Rows with slack at most this (or this many times PDLP's largest violation) count as active. */
  static final double ACTIVE_SLACK = 1e-6;

  /** A row the GLOP point violates by more than this (or the tolerance, if smaller) joins the restricted LP. */
  static final double ADD_THRESHOLD = 1e-9;

  /** Most rows added per round. */
  static final int BATCH = 100_000;

  /** A safety net: each round adds at least one row, so the loop ends anyway. */
  private static final int MAX_ROUNDS = 1_000;

  private PdlpPolish() {}

  /** Whether {@code verified} is a PDLP point that failed verification and so should be polished. */
  public static boolean applies(SolveOptions options, VerifiedLp verified) {
    return options.solver().backend() == Backend.PDLP
        && verified.status() == SolveStatus.NUMERICAL_FAILURE
        && verified.result().status() == LpStatus.OPTIMAL
        && verified.result().primal() != null;
  }

  /** The slack below which a row is active at a point whose largest violation is {@code maxViolation}. */
  static double activeSlack(double maxViolation) {
    return Math.max(ACTIVE_SLACK, 10 * maxViolation);
  }

  /**
   * Polishes the PDLP point of {@code pdlp} on {@code lp} with GLOP and verifies the result against every row.
   *
   * @param agentCount agents, for the per-agent regrets of the verification
   */
  public static VerifiedLp polish(LinearProgram lp, VerifiedLp pdlp, SolveOptions options, int agentCount) {
    long start = System.nanoTime();
    String why = pdlpFailure(pdlp, options.tolerance());
    double[] pdlpPoint = pdlp.result().primal();
    double active = activeSlack(pdlp.verification() == null ? 0 : pdlp.verification().maxViolation());
    BackendSettings glop = new BackendSettings(Backend.GLOP, options.solver().timeLimit(), 1);
    LinearProgram columnsOnly = new LinearProgram(lp.bounds(), lp::columnName, lp.objective(), List.of());
    if (lp.rowCount() > Integer.MAX_VALUE) {
      return pdlp;
    }
    BitSet inSession = new BitSet();
    List<Integer> sessionRows = new ArrayList<>();
    try (OrToolsLpSession session = new OrToolsLpSession(columnsOnly, glop, true)) {
      forEachRow(
          lp,
          (index, row) -> {
            if (row.slack(pdlpPoint) <= active) {
              inSession.set(index);
              sessionRows.add(index);
              session.addRow(row);
            }
          });
      int activeRows = sessionRows.size();
      double addThreshold = Math.min(ADD_THRESHOLD, options.tolerance());
      Duration limit = options.solver().timeLimit();
      int rounds = 0;
      long iterations = 0;
      LpResult result;
      while (true) {
        Duration remaining = limit == null ? null : limit.minusNanos(System.nanoTime() - start);
        if (remaining != null && (remaining.isNegative() || remaining.isZero())) {
          return withNote(pdlp, why + "; no time left to polish it with GLOP");
        }
        result = session.solve(remaining);
        rounds++;
        iterations += result.iterations();
        if (result.status() != LpStatus.OPTIMAL) {
          return fullGlop(lp, options, agentCount, why, activeRows, result.status());
        }
        double[] x = result.primal();
        PriorityQueue<Violated> worst = new PriorityQueue<>();
        forEachRow(
            lp,
            (index, row) -> {
              if (inSession.get(index)) {
                return;
              }
              double violation = row.violation(x);
              if (!(violation <= addThreshold)) {
                if (worst.size() < BATCH) {
                  worst.add(new Violated(index, row, violation));
                } else if (violation > worst.peek().violation()) {
                  worst.poll();
                  worst.add(new Violated(index, row, violation));
                }
              }
            });
        if (worst.isEmpty() || rounds >= MAX_ROUNDS) {
          break;
        }
        for (Violated v : worst) {
          inSession.set(v.index());
          sessionRows.add(v.index());
          session.addRow(v.row());
        }
      }
      double[] duals = null;
      if (result.duals() != null) {
        duals = new double[(int) lp.rowCount()];
        for (int r = 0; r < sessionRows.size(); r++) {
          duals[sessionRows.get(r)] = result.duals()[r];
        }
      }
      long verifyStart = System.nanoTime();
      SolutionVerifier.Result verified =
          SolutionVerifier.verify(
              lp, result.primal(), duals, options.tolerance(), options.maxListedRows(), agentCount);
      long verifyNanos = System.nanoTime() - verifyStart;
      int added = sessionRows.size() - activeRows;
      String note =
          String.format(
              Locale.ROOT,
              "%s; polished with GLOP on %,d active rows%s, verified against every row",
              why,
              activeRows,
              added == 0
                  ? ""
                  : String.format(
                      Locale.ROOT, " (+%,d added in %d more round%s)", added, rounds - 1, rounds == 2 ? "" : "s"));
      LpResult polished =
          new LpResult(
              LpStatus.OPTIMAL,
              result.objective(),
              result.primal(),
              duals,
              pdlp.result().solverName() + ", polished with " + result.solverName(),
              pdlp.result().iterations() + iterations,
              pdlp.result().nonZeros(),
              pdlp.result().buildNanos(),
              pdlp.result().solveNanos() + (verifyStart - start),
              note);
      return VerifiedLp.judge(SolveStatus.OPTIMAL, polished, verified, verifyNanos, options.tolerance())
          .checkOptimality(lp, duals == null ? null : OptimalityCheck.allRows(lp, duals), options, agentCount);
    }
  }

  /** What was wrong with the PDLP point, from its verification. */
  static String pdlpFailure(VerifiedLp pdlp, double tolerance) {
    if (pdlp.verification() != null && pdlp.verification().maxViolation() > tolerance) {
      return String.format(
          Locale.ROOT,
          "PDLP's point violated %s by %.2e (tolerance %.2e)",
          pdlp.verification().worstRow(),
          pdlp.verification().maxViolation(),
          tolerance);
    }
    return String.format(
        Locale.ROOT,
        "PDLP's objective %.12g differed from the one recomputed at its point, %.12g",
        pdlp.result().objective(),
        pdlp.objective());
  }

  /** The restricted LP failed: the full LP with GLOP, verified as usual. */
  private static VerifiedLp fullGlop(
      LinearProgram lp, SolveOptions options, int agentCount, String why, int activeRows, LpStatus status) {
    SolveOptions glop =
        new SolveOptions(
            new BackendSettings(Backend.GLOP, options.solver().timeLimit(), 1),
            options.tolerance(),
            options.maxListedRows(),
            options.strategy());
    VerifiedLp full = VerifiedLp.solve(lp, new OrToolsLpSolver(), glop, agentCount);
    String note =
        String.format(
            Locale.ROOT,
            "%s; GLOP on its %,d active rows answered %s, so the full LP was re-solved with GLOP",
            why,
            activeRows,
            status);
    return withNote(full, note);
  }

  private static VerifiedLp withNote(VerifiedLp verified, String note) {
    String message = verified.message().isEmpty() ? note : note + "; " + verified.message();
    return new VerifiedLp(
        verified.status(),
        verified.objective(),
        verified.result(),
        verified.verification(),
        verified.regretPerAgent(),
        verified.verifyNanos(),
        message);
  }

  /** Streams every row of {@code lp} with its index in family order. */
  private static void forEachRow(LinearProgram lp, IndexedRowSink sink) {
    int[] index = {0};
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(row -> sink.accept(index[0]++, row));
    }
  }

  /** Receives a row and its index. */
  private interface IndexedRowSink {
    void accept(int index, Row row);
  }

  /** A violated row not yet in the restricted LP; ordered by violation, so a min-heap keeps the most violated. */
  private record Violated(int index, Row row, double violation) implements Comparable<Violated> {
    @Override
    public int compareTo(Violated other) {
      return Double.compare(violation, other.violation);
    }
  }
}
