package org.mechlp.solver.exact;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.solver.certify.Certificate;
import org.mechlp.solver.certify.CertificateChecker;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Certifier;
import org.mechlp.solver.certify.IcFeasibilityFilter;
import org.mechlp.solver.certify.SparseCertificate;
import org.mechlp.solver.certify.SparseCheck;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.lazy.NearestTypes;
import org.mechlp.solver.lazy.StrategyChoice;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.lp.WrappedFamily;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSession;
import org.mechlp.solver.report.InterimSummary;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.Optimality;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.StrategyReport;
import org.mechlp.solver.report.Verification;

/**
 * {@code solve --exact} on a lazily solved problem: certifies the optimum of the full LP without building it
 * (docs/THEORY.md, Certificates at scale). The IC rows are generated as in lazy solving (the nearest downward
 * misreports first, then the violated rows, re-solving warm in one {@link OrToolsLpSession}); at the end the final
 * simplex basis of the rows built is certified exactly ({@link Certifier}: exact basic solution, exact duals, exact
 * simplex repair when needed), every row not built gets dual 0, and the point is proven feasible for every row of the
 * full problem by {@link CertificateChecker#check(LinearProgram, SparseCertificate, Map, int)}, whose IC filter
 * evaluates only near-tight rows exactly. A row the exact point violates is added and the loop goes on; when the
 * check passes, weak duality proves the point optimal for the full LP.
 */
public final class LazyExactSolver {
  /** Exact checks that may send violated rows back to the LP before the solve gives up. */
  static final int MAX_EXACT_ROUNDS = 5;

  /** Float violations above this are added before the exact check (rows beyond it are the backend's rounding). */
  static final double FLOAT_ADD_THRESHOLD = 1e-9;

  /** Violated rows listed (and added) per exact check. */
  private static final int MAX_LISTED = 10_000;

  /** Set this system property to true to print each phase's time to stderr (a profiling aid). */
  public static final String TRACE_PROPERTY = "mechlp.exact.trace";

  /** A safety net: each float round adds at least one new row. */
  private static final int MAX_ROUNDS = 10_000;

  private LazyExactSolver() {}

  /**
   * What the lazy exact solve proved.
   *
   * @param exact the report (exact when certified) and its certification
   * @param certificate the sparse certificate over the full LP when certified, else null
   * @param strategy rounds and rows built
   * @param builtIcRows the IC rows given to the LP
   * @param exactPairs the (group, menu item) pairs the feasibility filter evaluated exactly
   */
  public record Result(
      ExactSolver.ExactSolveReport exact,
      SparseCertificate certificate,
      StrategyReport strategy,
      long builtIcRows,
      long exactPairs) {}

  /** Whether {@code choice}'s IC family has an exact feasibility filter (else the full LP is certified). */
  public static boolean applies(CompiledProblem compiled, StrategyChoice choice) {
    return choice.lazy() && IcFeasibilityFilter.of(choice.icFamily(), compiled.variables()).isPresent();
  }

  /**
   * Solves and certifies {@code compiled} lazily; null when a relaxation is not solved to optimality (infeasible,
   * unbounded, failed), so that the caller certifies the full LP instead, whose solver confirms such answers.
   */
  public static Result solve(
      CompiledProblem compiled,
      SolveOptions options,
      StrategyChoice choice,
      Function<LinearProgram, LpResult> resolver,
      String note) {
    return solve(compiled, options, choice, resolver, note, FLOAT_ADD_THRESHOLD);
  }

  /**
   * {@link #solve(CompiledProblem, SolveOptions, StrategyChoice, Function, String)} adding, between exact checks,
   * the rows the float point violates by more than {@code floatAddThreshold} (infinity: only the rows the exact check
   * finds, which tests that path).
   */
  static Result solve(
      CompiledProblem compiled,
      SolveOptions options,
      StrategyChoice choice,
      Function<LinearProgram, LpResult> resolver,
      String note,
      double floatAddThreshold) {
    long start = System.nanoTime();
    Problem problem = compiled.problem();
    ConstraintFamily ic = choice.icFamily();
    IcFeasibilityFilter filter =
        IcFeasibilityFilter.of(ic, compiled.variables())
            .orElseThrow(() -> new IllegalArgumentException(ic.id() + " has no exact feasibility filter"));
    LinearProgram full = compiled.lp();
    List<ConstraintFamily> others = new ArrayList<>(full.families());
    others.remove(ic);
    LinearProgram base = new LinearProgram(full.bounds(), full::columnName, full.objective(), others);
    List<int[]> built = new ArrayList<>();
    Set<RowKey> builtSet = new HashSet<>();
    Duration limit = options.solver().timeLimit();
    List<Long> roundNanos = new ArrayList<>();
    long solveNanos = 0;
    long exactNanos = 0;
    long exactPairs = 0;
    double[] lastPoint = null;
    try (OrToolsLpSession session = new OrToolsLpSession(base, options.solver(), true)) {
      Consumer<int[]> add =
          key -> {
            if (builtSet.add(new RowKey(key.clone()))) {
              built.add(key.clone());
              session.addRow(ic.rowOf(key));
            }
          };
      int[][][] nearest = NearestTypes.downward(problem);
      for (int i = 0; i < nearest.length; i++) {
        for (int t = 0; t < nearest[i].length; t++) {
          for (int r : nearest[i][t]) {
            ic.misreportKeys(i, t, r, add);
          }
        }
      }
      long buildNanos = System.nanoTime() - start;
      trace("built %d rows: %.3f s", session.rowCount(), buildNanos / 1e9);
      int exactRounds = 0;
      int batch = batchSize(problem);
      while (true) {
        long roundStart = System.nanoTime();
        Duration remaining = limit == null ? null : limit.minusNanos(roundStart - start);
        if (remaining != null && (remaining.isNegative() || remaining.isZero())) {
          return failed(compiled, note, "the time limit was reached in lazy round " + (roundNanos.size() + 1),
              choice, roundNanos, built.size(), buildNanos, solveNanos, lastPoint);
        }
        LpResult result = session.solve(remaining);
        solveNanos += result.solveNanos();
        trace("round %d: %d IC rows, solve %.3f s, %s", roundNanos.size() + 1, built.size(),
            result.solveNanos() / 1e9, result.status());
        if (result.status() != LpStatus.OPTIMAL) {
          return null;
        }
        lastPoint = result.primal();
        long scanStart = System.nanoTime();
        List<int[]> violated = floatViolated(ic, result.primal(), builtSet, batch, floatAddThreshold);
        trace("float scan %.3f s: %d rows to add", (System.nanoTime() - scanStart) / 1e9, violated.size());
        if (!violated.isEmpty() && roundNanos.size() + 1 < MAX_ROUNDS) {
          violated.forEach(add);
          roundNanos.add(System.nanoTime() - roundStart);
          continue;
        }
        long exactStart = System.nanoTime();
        LpBasis basis = session.basis();
        LinearProgram restricted = restricted(base, ic, built);
        Certification certification = Certifier.certify(restricted, basis, resolver);
        trace("exact basis of the rows built: %.3f s (dimension %d, %s)", (System.nanoTime() - exactStart) / 1e9,
            certification.basisDimension(), certification.certified() ? "certified" : certification.reason());
        if (!certification.certified()) {
          exactNanos += System.nanoTime() - exactStart;
          roundNanos.add(System.nanoTime() - roundStart);
          return failed(compiled, note, "the LP of the " + built.size() + " IC rows built: "
                  + certification.reason(), choice, roundNanos, built.size(), buildNanos, solveNanos, lastPoint);
        }
        SparseCertificate sparse = sparse(restricted, ic, built, certification.certificate());
        trace("certificate with %d non-zero duals", sparse.duals().size());
        long checkStart = System.nanoTime();
        SparseCheck check = CertificateChecker.check(full, sparse, Map.of(ic, filter), MAX_LISTED);
        trace("check against every row: %.3f s (%d exact pairs, %s)", (System.nanoTime() - checkStart) / 1e9,
            check.exactPairs(), check.check().summary());
        exactNanos += System.nanoTime() - exactStart;
        exactPairs += check.exactPairs();
        roundNanos.add(System.nanoTime() - roundStart);
        if (check.check().valid()) {
          Certification proven =
              new Certification(
                  Certification.Status.CERTIFIED,
                  certification.reason() + " for the " + built.size() + " IC rows built; every other row has"
                      + " dual 0, and the exact point satisfies all " + String.format(Locale.ROOT, "%,d",
                      full.rowCount()) + " rows of the full LP (" + check.exactPairs()
                      + " near-tight IC comparisons evaluated exactly)",
                  check.check().primalObjective(),
                  null,
                  certification.basisDimension(),
                  certification.fillIn(),
                  exactNanos);
          StrategyReport strategy =
              new StrategyReport("lazy", choice.reason(), roundNanos.size(), built.size(), ic.rowCount(),
                  roundNanos, 0);
          SolveReport report =
              report(compiled, sparse, check, proven, result.solverName(), result.nonZeros(), buildNanos,
                  solveNanos, options, note)
                  .withStrategy(strategy);
          return new Result(new ExactSolver.ExactSolveReport(report, proven, compiled), sparse, strategy,
              built.size(), exactPairs);
        }
        boolean onlyIc =
            !check.violatedRows().isEmpty()
                && check.violatedRows().stream().allMatch(v -> v.family() == ic);
        if (!onlyIc || ++exactRounds >= MAX_EXACT_ROUNDS) {
          return failed(compiled, note, "the exact point of the rows built fails on the full LP: "
                  + check.check().summary(), choice, roundNanos, built.size(), buildNanos, solveNanos, lastPoint);
        }
        // The float loop missed rows the exact vertex violates by less than its threshold: add them and go on.
        check.violatedRows().forEach(v -> add.accept(v.key()));
      }
    }
  }

  /** Rows per float round: as in lazy solving, enough to converge in a few rounds. */
  private static int batchSize(Problem problem) {
    long types = 0;
    for (int i = 0; i < problem.agentCount(); i++) {
      types += problem.profiles().typeCount(i);
    }
    return (int) Math.max(1000, Math.min(types, 1_000_000));
  }

  /** The most violated IC rows not built yet (float scan, violation above the threshold), at most {@code batch}. */
  private static List<int[]> floatViolated(
      ConstraintFamily ic, double[] x, Set<RowKey> built, int batch, double threshold) {
    if (threshold == Double.POSITIVE_INFINITY) {
      return List.of();
    }
    PriorityQueue<Candidate> worst = new PriorityQueue<>();
    ic.scan(
        x,
        threshold,
        (key, shortfall) -> {
          if (built.contains(new RowKey(key))) {
            return;
          }
          if (worst.size() < batch) {
            worst.add(new Candidate(key.clone(), shortfall));
          } else if (shortfall > worst.peek().shortfall()) {
            worst.poll();
            worst.add(new Candidate(key.clone(), shortfall));
          }
        });
    List<int[]> keys = new ArrayList<>();
    for (Candidate c : worst) {
      keys.add(c.key());
    }
    return keys;
  }

  /** The LP the session solved: every non-IC family, then the IC rows built, in the order they were added. */
  static LinearProgram restricted(LinearProgram base, ConstraintFamily ic, List<int[]> built) {
    List<ConstraintFamily> families = new ArrayList<>(base.families());
    families.add(new BuiltRows(ic, List.copyOf(built)));
    return new LinearProgram(base.bounds(), base::columnName, base.objective(), families);
  }

  /** The restricted LP's certificate for the full LP: the same point, its non-zero duals by family and key. */
  static SparseCertificate sparse(
      LinearProgram restricted, ConstraintFamily ic, List<int[]> built, Certificate certificate) {
    List<SparseCertificate.RowDual> duals = new ArrayList<>();
    long[] index = {0};
    for (ConstraintFamily family : restricted.families()) {
      ConstraintFamily named = family instanceof BuiltRows ? ic : family;
      family.forEachRow(
          row -> {
            BigFraction y = certificate.duals()[(int) index[0]++];
            if (y.getNumerator().signum() != 0) {
              duals.add(new SparseCertificate.RowDual(named, row.key().clone(), y));
            }
          });
    }
    return new SparseCertificate(certificate.maximize(), certificate.objective(), certificate.primal(), duals);
  }

  /**
   * The exact report: the certified point and mechanism. Every row holds exactly (the check proved it); the binding
   * rows listed are those with a non-zero dual, which complementary slackness makes exactly tight, largest |dual|
   * first; the binding counts per family are exact.
   */
  private static SolveReport report(
      CompiledProblem compiled,
      SparseCertificate certificate,
      SparseCheck check,
      Certification proven,
      String solverName,
      long nonZeros,
      long buildNanos,
      long solveNanos,
      SolveOptions options,
      String note) {
    LinearProgram full = compiled.lp();
    List<SparseCertificate.RowDual> byDual = new ArrayList<>(certificate.duals());
    byDual.sort((a, b) -> b.value().abs().compareTo(a.value().abs()));
    List<SparseCertificate.RowDual> listed = byDual.subList(0, Math.min(options.maxListedRows(), byDual.size()));
    Map<ConstraintFamily, Map<RowKey, Sense>> senses = senses(listed);
    List<RowCheck> binding = new ArrayList<>();
    for (SparseCertificate.RowDual d : listed) {
      ConstraintFamily f = d.family();
      binding.add(new RowCheck(f.id(), f.rowName(d.key()), f.describe(d.key()), f.agentOf(d.key()), 0,
          BigFraction.ZERO, d.value().doubleValue(), senses.get(f).get(new RowKey(d.key()))));
    }
    Optimality optimality =
        new Optimality(Optimality.Method.EXACT, true, 0, null, 0, "certified optimal in exact arithmetic");
    Verification exact =
        new Verification(0, null, full.rowCount() + full.columnCount(), true, BigFraction.ZERO, List.of(), 0,
            binding, check.bindingCountByFamily(), proven.objective().doubleValue(), 0, optimality);
    Mechanism mechanism = ExactSolver.decode(compiled, certificate.primal());
    Problem problem = compiled.problem();
    LpSize size = new LpSize(full.rowCount(), full.columnCount(), nonZeros);
    return new SolveReport(problem, SolveStatus.OPTIMAL, proven.objective().doubleValue(), mechanism, size,
        InterimSummary.of(problem, mechanism), exact, solverName, buildNanos, solveNanos, proven.certifyNanos(),
        note);
  }

  /**
   * The sense of each listed row, by family and key: asked directly of families with a fast scan, read off one
   * stream of each other family, whose {@link ConstraintFamily#senseOf} would stream it once per row.
   */
  private static Map<ConstraintFamily, Map<RowKey, Sense>> senses(List<SparseCertificate.RowDual> listed) {
    Map<ConstraintFamily, Map<RowKey, Sense>> senses = new HashMap<>();
    Map<ConstraintFamily, Set<RowKey>> streamed = new HashMap<>();
    for (SparseCertificate.RowDual d : listed) {
      if (d.family().hasFastScan()) {
        senses.computeIfAbsent(d.family(), f -> new HashMap<>())
            .put(new RowKey(d.key()), d.family().senseOf(d.key()));
      } else {
        streamed.computeIfAbsent(d.family(), f -> new HashSet<>()).add(new RowKey(d.key()));
      }
    }
    for (Map.Entry<ConstraintFamily, Set<RowKey>> e : streamed.entrySet()) {
      e.getKey().forEachRow(
          row -> {
            RowKey key = new RowKey(row.key());
            if (e.getValue().contains(key)) {
              senses.computeIfAbsent(e.getKey(), f -> new HashMap<>()).put(new RowKey(row.key().clone()), row.sense());
            }
          });
    }
    return senses;
  }

  /** Prints one profiling line to stderr when the system property {@value #TRACE_PROPERTY} is true. */
  static void trace(String format, Object... args) {
    if (Boolean.getBoolean(TRACE_PROPERTY)) {
      // Process CPU time too: on a shared machine wall times say little.
      long cpu =
          java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                  instanceof com.sun.management.OperatingSystemMXBean os
              ? os.getProcessCpuTime()
              : -1;
      System.err.println(
          "[exact] " + String.format(Locale.ROOT, format, args)
              + String.format(Locale.ROOT, " [process CPU %.2f s]", cpu / 1e9));
    }
  }

  private static Result failed(
      CompiledProblem compiled,
      String note,
      String reason,
      StrategyChoice choice,
      List<Long> roundNanos,
      long builtRows,
      long buildNanos,
      long solveNanos,
      double[] point) {
    Certification failure = new Certification(Certification.Status.FAILED, reason, null, null, 0, 0, 0);
    StrategyReport strategy =
        new StrategyReport("lazy", choice.reason(), roundNanos.size(), builtRows, choice.icRows(), roundNanos,
            Double.NaN);
    LinearProgram full = compiled.lp();
    String message = note.isEmpty() ? "certification failed: " + reason : note + "; certification failed: " + reason;
    SolveReport report =
        new SolveReport(compiled.problem(), SolveStatus.NUMERICAL_FAILURE, Double.NaN,
            point == null ? null : ExactSolver.floatingMechanism(compiled, point),
            new LpSize(full.rowCount(), full.columnCount(), 0), List.of(), null, "GLOP", buildNanos, solveNanos, 0,
            message).withStrategy(strategy);
    return new Result(new ExactSolver.ExactSolveReport(report, failure, compiled), null, strategy, builtRows, 0);
  }

  /** The IC rows built, as one family whose rows keep the IC family's keys and names. */
  private static final class BuiltRows extends WrappedFamily {
    private final List<int[]> keys;

    BuiltRows(ConstraintFamily ic, List<int[]> keys) {
      super(ic);
      this.keys = keys;
    }

    @Override
    public long rowCount() {
      return keys.size();
    }

    @Override
    public void forEachRow(Consumer<Row> sink) {
      for (int[] key : keys) {
        sink.accept(family().rowOf(key));
      }
    }
  }

  /** A row key with value equality. */
  private record RowKey(int[] key) {
    @Override
    public boolean equals(Object other) {
      return other instanceof RowKey k && Arrays.equals(key, k.key);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(key);
    }
  }

  /** A violated row not yet built; ordered by shortfall, so a min-heap keeps the most violated. */
  private record Candidate(int[] key, double shortfall) implements Comparable<Candidate> {
    @Override
    public int compareTo(Candidate other) {
      return Double.compare(shortfall, other.shortfall);
    }
  }
}
