package org.mechlp.solver.lazy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSession;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.StrategyReport;
import org.mechlp.solver.verify.OptimalityCheck;
import org.mechlp.solver.verify.SolutionVerifier;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * Lazy IC generation (issue #6): solves the LP with every non-IC row but only the IC rows that turn out to matter.
 * It starts from each type's misreports to its {@link NearestTypes#downward nearest lower types}, solves, scans every
 * IC row of the full problem at the solution without building it ({@link ConstraintFamily#scan}), adds the violated
 * ones (most violated first, at most {@link #batchSize} per round), re-solves warm in one {@link OrToolsLpSession},
 * and stops when no IC row is violated by more than min(tolerance, 1e-9) (the tolerance with PDLP). The final point
 * is then verified against every row and bound of the full problem ({@link SolutionVerifier#verifyScanning}), so
 * OPTIMAL means what it means for a full solve: the relaxation's optimum is feasible for the full LP, hence optimal
 * for it.
 *
 * <p>Rows never added get dual 0: they are slack or, if binding, not needed to support the optimum, so 0 is a valid
 * dual for them. When a relaxation is not solved to optimality (infeasible, unbounded, failed) the caller falls back
 * to the full LP, whose solver confirms such answers (a relaxation may be unbounded where the full LP is not).
 */
public final class LazyIcSolver {
  /**
   * GLOP presolve in the first solve, GLOP's default: with dual simplex it made no measurable difference on the
   * two-item grids (N = 50: 11,658 against 11,553 iterations, 1.0 s either way). Re-solves run without it, see
   * {@link OrToolsLpSession}.
   */
  static final boolean PRESOLVE = true;

  /** Set this system property to true to print each phase's time to stderr (a profiling aid). */
  public static final String TRACE_PROPERTY = "mechlp.lazy.trace";

  /** A safety net: each round adds at least one new row, so the loop ends anyway. */
  private static final int MAX_ROUNDS = 10_000;

  private LazyIcSolver() {}

  /**
   * What the loop produced.
   *
   * @param verified the verified final point (as for a full solve), or null when the caller must fall back to full
   * @param builtRows rows given to the backend
   * @param strategy the statistics, or the reason for falling back
   */
  public record Result(VerifiedLp verified, long builtRows, StrategyReport strategy) {}

  /** Rows added per round: enough to converge in a few rounds, few enough to keep each re-solve cheap. */
  static int batchSize(Problem problem) {
    long types = 0;
    for (int i = 0; i < problem.agentCount(); i++) {
      types += problem.profiles().typeCount(i);
    }
    return (int) Math.max(1000, Math.min(types, 1_000_000));
  }

  /** Runs the lazy loop on {@code compiled}, whose IC family is {@code choice.icFamily()}. */
  public static Result solve(CompiledProblem compiled, SolveOptions options, StrategyChoice choice) {
    long start = System.nanoTime();
    ConstraintFamily ic = choice.icFamily();
    LinearProgram full = compiled.lp();
    List<ConstraintFamily> others = new ArrayList<>(full.families());
    others.remove(ic);
    LinearProgram base = new LinearProgram(full.bounds(), full::columnName, full.objective(), others);
    Problem problem = compiled.problem();
    Map<Key, Integer> added = new HashMap<>();
    List<int[]> initial = new ArrayList<>();
    long nearestStart = System.nanoTime();
    int[][][] nearest = NearestTypes.downward(problem);
    trace("initial misreports %.3f s", (System.nanoTime() - nearestStart) / 1e9);
    for (int i = 0; i < nearest.length; i++) {
      for (int t = 0; t < nearest[i].length; t++) {
        for (int r : nearest[i][t]) {
          ic.misreportKeys(i, t, r, initial::add);
        }
      }
    }
    Duration limit = options.solver().timeLimit();
    List<Long> roundNanos = new ArrayList<>();
    // PDLP's points miss rows by about 1e-9 (docs/adr/0005-or-tools-backend.md, Accuracy): adding every row it misses
    // by that much never ends (measured: N = 50, 2,500 rows a round for 7 rounds), so with PDLP only rows beyond the
    // tolerance count.
    double addThreshold =
        options.solver().backend() == Backend.PDLP ? options.tolerance() : Math.min(options.tolerance(), 1e-9);
    int batch = batchSize(problem);
    try (OrToolsLpSession session = new OrToolsLpSession(base, options.solver(), PRESOLVE)) {
      int baseRows = session.rowCount();
      for (int[] key : initial) {
        added.put(new Key(key), session.rowCount());
        session.addRow(ic.rowOf(key));
      }
      long buildNanos = System.nanoTime() - start;
      trace("build %.3f s: %d rows, %d of them IC", buildNanos / 1e9, session.rowCount(), initial.size());
      long loopStart = System.nanoTime();
      long iterations = 0;
      LpResult result;
      while (true) {
        long roundStart = System.nanoTime();
        Duration remaining = limit == null ? null : limit.minusNanos(roundStart - start);
        if (remaining != null && (remaining.isNegative() || remaining.isZero())) {
          return timeLimit(session, roundNanos, added.size(), problem.agentCount(), choice, "time limit reached");
        }
        result = session.solve(remaining);
        iterations += result.iterations();
        trace(
            "round %d: solve %.3f s, %d iterations, %s, objective %.12f",
            roundNanos.size() + 1,
            result.solveNanos() / 1e9,
            result.iterations(),
            result.status(),
            result.objective());
        long scanStart = System.nanoTime();
        if (result.status() == LpStatus.LIMIT_REACHED) {
          return timeLimit(session, roundNanos, added.size(), problem.agentCount(), choice, result.message());
        }
        if (result.status() != LpStatus.OPTIMAL) {
          String why =
              String.format(
                  Locale.ROOT,
                  "%s; lazy round %d answered %s, re-solved with every row",
                  choice.reason(),
                  roundNanos.size() + 1,
                  result.status());
          return new Result(null, 0, new StrategyReport("full", why, 0, ic.rowCount(), ic.rowCount(), List.of(), 0));
        }
        double[] x = result.primal();
        PriorityQueue<Candidate> worst = new PriorityQueue<>();
        ic.scan(
            x,
            addThreshold,
            (key, shortfall) -> {
              if (added.containsKey(new Key(key))) {
                return; // In the LP already: its shortfall is the backend's rounding.
              }
              if (worst.size() < batch) {
                worst.add(new Candidate(key.clone(), shortfall));
              } else if (shortfall > worst.peek().shortfall()) {
                worst.poll();
                worst.add(new Candidate(key.clone(), shortfall));
              }
            });
        trace("round %d: scan %.3f s, %d violated rows to add", roundNanos.size() + 1,
            (System.nanoTime() - scanStart) / 1e9, worst.size());
        if (worst.isEmpty() || roundNanos.size() + 1 >= MAX_ROUNDS) {
          roundNanos.add(System.nanoTime() - roundStart);
          break;
        }
        List<Candidate> adding = new ArrayList<>(worst);
        adding.sort((a, b) -> Double.compare(b.shortfall(), a.shortfall()));
        for (Candidate c : adding) {
          added.put(new Key(c.key()), session.rowCount());
          session.addRow(ic.rowOf(c.key()));
        }
        roundNanos.add(System.nanoTime() - roundStart);
      }
      long loopNanos = System.nanoTime() - loopStart;
      double[] x = result.primal();
      double[] sessionDuals = result.duals();
      long verifyStart = System.nanoTime();
      long[] offsets = baseOffsets(full, ic);
      SolutionVerifier.Result verified =
          SolutionVerifier.verifyScanning(
              full,
              x,
              (familyIndex, rowInFamily, key) -> {
                if (sessionDuals == null) {
                  return null;
                }
                if (rowInFamily >= 0) {
                  return sessionDuals[(int) (offsets[familyIndex] + rowInFamily)];
                }
                Integer row = added.get(new Key(key));
                return row == null ? 0.0 : sessionDuals[row];
              },
              (familyIndex, sink) -> {
                if (full.families().get(familyIndex) == ic) {
                  added.keySet().forEach(k -> sink.accept(k.key()));
                }
              },
              options.tolerance(),
              options.maxListedRows(),
              problem.agentCount());
      long verifyNanos = System.nanoTime() - verifyStart;
      trace("verification against every row %.3f s", verifyNanos / 1e9);
      if (baseRows != offsets[offsets.length - 1]) {
        throw new IllegalStateException("the session's rows do not follow the families' order");
      }
      LpResult summary =
          new LpResult(
              LpStatus.OPTIMAL,
              result.objective(),
              x,
              null,
              result.solverName(),
              iterations,
              result.nonZeros(),
              buildNanos,
              loopNanos,
              result.message());
      VerifiedLp checked =
          VerifiedLp.judge(SolveStatus.OPTIMAL, summary, verified, verifyNanos, options.tolerance())
              .checkOptimality(
                  full,
                  sessionDuals == null ? null : sessionRowDuals(full, ic, offsets, added, sessionDuals),
                  options,
                  problem.agentCount());
      StrategyReport report =
          new StrategyReport(
              "lazy",
              choice.reason(),
              roundNanos.size(),
              added.size(),
              ic.rowCount(),
              roundNanos,
              verified.verification().maxViolation());
      return new Result(checked, session.rowCount(), report);
    }
  }

  /**
   * The rows the session solved with their duals, for the optimality check: every non-IC row, and the IC rows that
   * were added (the others were not in the LP, so their dual is 0).
   */
  private static OptimalityCheck.RowDuals sessionRowDuals(
      LinearProgram full, ConstraintFamily ic, long[] offsets, Map<Key, Integer> added, double[] sessionDuals) {
    return sink -> {
      List<ConstraintFamily> families = full.families();
      for (int f = 0; f < families.size(); f++) {
        ConstraintFamily family = families.get(f);
        if (family == ic) {
          for (Map.Entry<Key, Integer> e : added.entrySet()) {
            sink.accept(ic.rowOf(e.getKey().key()), sessionDuals[e.getValue()]);
          }
          continue;
        }
        long first = offsets[f];
        long[] r = {0};
        family.forEachRow(row -> sink.accept(row, sessionDuals[(int) (first + r[0]++)]));
      }
    };
  }

  /**
   * Per family of the full LP, the index of its first row in the session (the other families were built in order
   * first); the IC family's entry is unused, and the last entry is the number of non-IC rows.
   */
  private static long[] baseOffsets(LinearProgram full, ConstraintFamily ic) {
    List<ConstraintFamily> families = full.families();
    long[] offsets = new long[families.size() + 1];
    long next = 0;
    for (int f = 0; f < families.size(); f++) {
      offsets[f] = next;
      if (families.get(f) != ic) {
        next += families.get(f).rowCount();
      }
    }
    offsets[families.size()] = next;
    return offsets;
  }

  private static Result timeLimit(
      OrToolsLpSession session, List<Long> roundNanos, long used, int agents, StrategyChoice choice, String why) {
    LpResult none =
        new LpResult(LpStatus.LIMIT_REACHED, Double.NaN, null, null, "lazy IC generation", 0, 0, 0, 0, why);
    VerifiedLp verified = new VerifiedLp(SolveStatus.TIME_LIMIT, null, none, null, new double[agents], 0, why);
    return new Result(
        verified,
        session.rowCount(),
        new StrategyReport(
            "lazy", choice.reason(), roundNanos.size(), used, choice.icRows(), roundNanos, Double.NaN));
  }

  /** Prints one profiling line to stderr when {@link #TRACE_PROPERTY} is true. */
  static void trace(String format, Object... args) {
    if (Boolean.getBoolean(TRACE_PROPERTY)) {
      System.err.println("[lazy] " + String.format(Locale.ROOT, format, args));
    }
  }

  /** A row key with value equality. */
  private record Key(int[] key) {
    @Override
    public boolean equals(Object other) {
      return other instanceof Key k && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(key);
    }

    @Override
    public String toString() {
      return Arrays.toString(key);
    }
  }

  /** A violated row not yet in the LP; ordered by shortfall, so a min-heap keeps the most violated. */
  private record Candidate(int[] key, double shortfall) implements Comparable<Candidate> {
    @Override
    public int compareTo(Candidate other) {
      return Double.compare(shortfall, other.shortfall);
    }
  }
}
