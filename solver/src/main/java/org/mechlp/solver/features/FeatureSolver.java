package org.mechlp.solver.features;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.DoubleLpSession;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.StrategyReport;
import org.mechlp.solver.verify.OptimalityCheck;
import org.mechlp.solver.verify.SolutionVerifier;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * Solves a problem over its feature columns ({@link FeatureForm}) and answers on the full problem: a lazy loop over
 * the feature LP's IC rows (start from {@link FeatureSeeds}, scan every pair of types, add the most violated rows,
 * re-solve warm), then the product lotteries of the final point ({@link ProductLotteries}) are verified against
 * every row and bound of the full LP, and their optimality is checked from duals of the full LP built from the
 * feature LP's (below). So the report means what a full solve's report means.
 *
 * <p>Duals for the full LP, in maximization form: each IC row keeps its dual (it is the same row); the IR row of t
 * gets the reduced cost of u_t (IR is u_t's bound); the feasibility row of t gets the largest reduced cost of t's
 * outcome columns before it, so that none is positive and the outcomes in the lottery's support price at 0; every
 * other IC row gets 0. {@link OptimalityCheck} then rebuilds the reduced costs from the full LP's exact rows,
 * independently of this construction.
 */
public final class FeatureSolver {
  /** Set this system property to true to print each phase's time to stderr (a profiling aid). */
  public static final String TRACE_PROPERTY = "mechlp.features.trace";

  private static final int MAX_ROUNDS = 10_000;

  private FeatureSolver() {}

  /**
   * What the loop produced.
   *
   * @param verified the verified point of the full LP, or null when the caller must fall back (the relaxation was not
   *     solved to optimality)
   * @param builtRows IC rows given to the backend
   * @param columns the feature LP's columns
   * @param nonZeros the feature LP's non-zeros
   * @param strategy the statistics, or the reason for falling back
   */
  public record Result(VerifiedLp verified, long builtRows, long columns, long nonZeros, StrategyReport strategy) {}

  /** Whether the feature loop can run on {@code backend} (a simplex backend with reliable duals). */
  public static boolean supports(Backend backend) {
    return backend == Backend.GLOP || backend == Backend.CLP;
  }

  /**
   * Seed rows above which GLOP (the default) gives way to PDLP (to 1e-8) for the first solves of the feature LP:
   * simplex time grows faster than the rows, PDLP's work per iteration only linearly. Two items, N = 200 (79,600
   * rows, 120,000 columns), CPU time: GLOP's dual simplex over 50 s (stopped), CLP's dual simplex 31 s, CLP's barrier
   * 38 s, PDLP 25 s on one thread; at N = 100 (19,800 rows) GLOP takes 2.0 to 2.5 s and PDLP 1.6 s. PDLP's point is
   * verified like any other, and if it is not verified optimal the loop runs again with GLOP.
   */
  static final int PDLP_ABOVE_ROWS = 40_000;

  /** Runs the loop on {@code form}; {@code reason} says why the feature form was chosen. */
  public static Result solve(FeatureForm form, SolveOptions options, String reason) {
    Backend requested = options.solver().backend();
    List<long[]> seeds = FeatureSeeds.downward(form.structure());
    if (requested == Backend.GLOP && seeds.size() > PDLP_ABOVE_ROWS) {
      Result first = solve(form, seeds, options, reason, Backend.PDLP);
      if (first.verified() != null && first.verified().status() == SolveStatus.OPTIMAL) {
        return first;
      }
      trace("PDLP's answer was not verified optimal (%s); again with GLOP",
          first.verified() == null ? first.strategy().reason() : first.verified().status());
    }
    return solve(form, seeds, options, reason, requested);
  }

  /** The loop on {@code backend} from {@code seeds} (package-private so that tests can force PDLP on small LPs). */
  static Result solve(
      FeatureForm form, List<long[]> seeds, SolveOptions options, String reason, Backend backend) {
    long start = System.nanoTime();
    LinearProgram full = form.compiled().lp();
    ConstraintFamily ic = form.icFamily();
    Problem problem = form.compiled().problem();
    int types = form.types();
    String shape =
        String.format(
            Locale.ROOT,
            "%d additive item%s over %d outcomes, %d columns per type instead of %d",
            form.items(),
            form.items() == 1 ? "" : "s",
            problem.outcomeCount(),
            form.columnsPerType(),
            problem.outcomeCount() + 1);
    Duration limit = options.solver().timeLimit();
    List<Long> roundNanos = new ArrayList<>();
    // PDLP's points miss rows by about its tolerance: only rows beyond the solve's tolerance count then.
    double addThreshold = backend == Backend.PDLP ? options.tolerance() : Math.min(options.tolerance(), 1e-9);
    int batch = Math.max(1000, Math.min(types, 1_000_000));
    trace("feature LP start");
    try (FeatureLp lp = new FeatureLp(form, backend)) {
      trace("columns and objective %.3f s", (System.nanoTime() - start) / 1e9);
      for (long[] seed : seeds) {
        lp.addRow((int) seed[0], (int) seed[1]);
      }
      trace("build %.3f s: %d seed rows, %d columns", (System.nanoTime() - start) / 1e9, lp.rowCount(),
          lp.columnCount());
      long iterations = 0;
      long solveNanos = 0;
      DoubleLpSession.Solution solution;
      while (true) {
        long roundStart = System.nanoTime();
        Duration remaining = limit == null ? null : limit.minusNanos(roundStart - start);
        if (remaining != null && (remaining.isNegative() || remaining.isZero())) {
          return timeLimit(lp, roundNanos, ic.rowCount(), reason, "time limit reached");
        }
        solution = lp.solve(remaining);
        iterations += solution.iterations();
        solveNanos += solution.nanos();
        trace("round %d: solve %.3f s, %d iterations, %s, objective %.12f", roundNanos.size() + 1,
            solution.nanos() / 1e9, solution.iterations(), solution.status(), solution.objective());
        if (!solution.optimal()) {
          if (solution.status() == LpStatus.LIMIT_REACHED) {
            return timeLimit(lp, roundNanos, ic.rowCount(), reason, "time limit reached");
          }
          String why =
              String.format(
                  Locale.ROOT,
                  "%s; the feature LP's round %d answered %s, re-solved with every row",
                  reason,
                  roundNanos.size() + 1,
                  solution.status());
          return new Result(null, 0, 0, 0, new StrategyReport("full", why, 0, ic.rowCount(), ic.rowCount(),
              List.of(), 0));
        }
        long scanStart = System.nanoTime();
        WorstPairs worst = lp.violated(solution.point(), addThreshold, batch);
        trace("round %d: scan %.3f s, %d violated rows, adding %d", roundNanos.size() + 1,
            (System.nanoTime() - scanStart) / 1e9, worst.seen(), worst.size());
        if (worst.size() == 0 || roundNanos.size() + 1 >= MAX_ROUNDS) {
          roundNanos.add(System.nanoTime() - roundStart);
          break;
        }
        for (long pair : worst.pairsWorstFirst()) {
          lp.addRow(PairIndex.trueType(pair), PairIndex.report(pair));
        }
        roundNanos.add(System.nanoTime() - roundStart);
      }
      long loopNanos = System.nanoTime() - start;
      double[] x = ProductLotteries.decode(form, solution.point());
      FullDuals duals = FullDuals.of(form, lp.index(), solution);
      long verifyStart = System.nanoTime();
      SolutionVerifier.Result verified =
          SolutionVerifier.verifyScanning(
              full, x, duals::lookup, duals::forEachKey, options.tolerance(), options.maxListedRows(), problem.agentCount());
      long verifyNanos = System.nanoTime() - verifyStart;
      trace("verification of the product lotteries against every row %.3f s", verifyNanos / 1e9);
      LpResult summary =
          new LpResult(
              LpStatus.OPTIMAL,
              solution.objective(),
              x,
              null,
              backend.name() + " on the feature LP",
              iterations,
              lp.nonZeros(),
              0,
              solveNanos,
              "");
      long optimalityStart = System.nanoTime();
      VerifiedLp checked =
          VerifiedLp.judge(SolveStatus.OPTIMAL, summary, verified, verifyNanos, options.tolerance())
              .checkOptimality(full, duals.rows(full), options, problem.agentCount());
      trace("optimality from the mapped duals %.3f s: %s", (System.nanoTime() - optimalityStart) / 1e9,
          checked.status());
      String note =
          String.format(
              Locale.ROOT,
              "%s; %s, solved by %s; %d round%s, %,d of %,d IC rows built; the product lotteries were verified"
                  + " against every row of the full problem",
              reason,
              shape,
              backend.name(),
              roundNanos.size(),
              roundNanos.size() == 1 ? "" : "s",
              lp.rowCount(),
              ic.rowCount());
      trace("loop %.3f s", loopNanos / 1e9);
      StrategyReport report =
          new StrategyReport(
              "features",
              note,
              roundNanos.size(),
              lp.rowCount(),
              ic.rowCount(),
              roundNanos,
              verified.verification().maxViolation());
      return new Result(checked, lp.rowCount(), lp.columnCount(), lp.nonZeros(), report);
    }
  }

  private static Result timeLimit(
      FeatureLp lp, List<Long> roundNanos, long icRows, String reason, String why) {
    LpResult none =
        new LpResult(LpStatus.LIMIT_REACHED, Double.NaN, null, null, "feature LP", 0, 0, 0, 0, why);
    VerifiedLp verified = new VerifiedLp(SolveStatus.TIME_LIMIT, null, none, null, new double[1], 0, why);
    return new Result(
        verified,
        lp.rowCount(),
        lp.columnCount(),
        lp.nonZeros(),
        new StrategyReport("features", reason, roundNanos.size(), lp.rowCount(), icRows, roundNanos, Double.NaN));
  }

  static void trace(String format, Object... args) {
    if (Boolean.getBoolean(TRACE_PROPERTY)) {
      double cpu =
          ((com.sun.management.OperatingSystemMXBean)
                      java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                  .getProcessCpuTime()
              / 1e9;
      System.err.println(
          "[features] " + String.format(Locale.ROOT, format, args) + String.format(Locale.ROOT, " (cpu %.2f s)", cpu));
    }
  }
}
