package org.mechlp.solver.exact;

import org.mechlp.solver.certify.Certificate;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Certifier;
import org.mechlp.solver.certify.InfeasibilityCertification;
import org.mechlp.solver.certify.InfeasibilityProver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.certify.SparseCertificate;
import org.mechlp.solver.certify.IcFeasibilityFilter;
import org.mechlp.solver.certify.io.CertificateFile;
import org.mechlp.solver.lazy.StrategyChoice;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.InterimSummary;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.Optimality;
import org.mechlp.solver.report.RowCheck;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;
import org.mechlp.solver.verify.SolutionVerifier;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * {@code solve --exact}: solves a standard (not calibrated) problem with a simplex backend, certifies the optimum
 * in exact arithmetic and reports the exact mechanism. When certification fails the status is NUMERICAL_FAILURE
 * with the reason; the floating-point mechanism is still shown, never as certified.
 */
public final class ExactSolver {
  private ExactSolver() {}

  /**
   * A solve report whose numbers are exact when certified, with the certification.
   *
   * @param infeasibility for an infeasible LP, the attempt to prove it infeasible exactly; null otherwise
   */
  public record ExactSolveReport(
      SolveReport report,
      Certification certification,
      CompiledProblem compiled,
      InfeasibilityCertification infeasibility,
      SparseCertificate sparseCertificate) {
    /** A report of an LP that was not found infeasible. */
    public ExactSolveReport(SolveReport report, Certification certification, CompiledProblem compiled) {
      this(report, certification, compiled, null, null);
    }

    /**
     * The text of the certificate file ({@code mechlp-certificate/1}; with row keys when the LP was certified
     * lazily), or null unless the optimum is certified.
     */
    public String certificateJson(String problemName, byte[] problemBytes) {
      if (!certification.certified()) {
        return null;
      }
      if (sparseCertificate != null) {
        LinearProgram lp = compiled.lp();
        return CertificateFile.writeSparse(problemName, problemBytes, lp, sparseCertificate,
            IcFeasibilityFilter.all(lp.families(), compiled.variables()).keySet());
      }
      return CertificateFile.write(problemName, problemBytes, compiled.lp(), certification.certificate());
    }

    /** A report of the full LP (no sparse certificate). */
    public ExactSolveReport(
        SolveReport report,
        Certification certification,
        CompiledProblem compiled,
        InfeasibilityCertification infeasibility) {
      this(report, certification, compiled, infeasibility, null);
    }
  }

  /** Solves and certifies {@code problem} with OR-Tools (GLOP unless CLP is asked for: both report a basis). */
  public static ExactSolveReport solve(Problem problem, SolveOptions options) {
    SimplexSetup setup = SimplexSetup.of(options);
    return solve(problem, setup.options(), new OrToolsLpSolver(), setup.resolver(), setup.note());
  }

  /** Solves with {@code backend} and certifies; {@code resolver} gives a second basis, or is null. */
  public static ExactSolveReport solve(
      Problem problem,
      SolveOptions options,
      LpSolver backend,
      Function<LinearProgram, LpResult> resolver,
      String note) {
    if (problem.isCalibrated()) {
      throw new IllegalArgumentException("exact certification of calibrated problems is not supported yet");
    }
    Strategy strategy = options.strategy();
    if (strategy == Strategy.SYMMETRIC || strategy == Strategy.REDUCED) {
      throw new IllegalArgumentException(
          "--exact certifies the full LP or the lazily built one (--strategy auto, full or lazy); the "
              + strategy.cliName() + " strategy solves another LP, whose certificate would not prove the full"
              + " problem's optimum, so it is not certified exactly");
    }
    long start = System.nanoTime();
    CompiledProblem compiled = LpCompiler.compile(problem);
    long compiledAt = System.nanoTime();
    StrategyChoice choice = StrategyChoice.of(compiled, strategy);
    if (backend instanceof OrToolsLpSolver && LazyExactSolver.applies(compiled, choice)) {
      LazyExactSolver.Result lazy = LazyExactSolver.solve(compiled, options, choice, resolver, note);
      if (lazy != null) {
        ExactSolveReport r = lazy.exact();
        SolveReport report = r.report();
        SolveReport timed =
            new SolveReport(report.problem(), report.status(), report.objective(), report.mechanism(),
                report.size(), report.interim(), report.verification(), report.solverName(),
                report.compileNanos() + compiledAt - start, report.solveNanos(), report.verifyNanos(),
                report.message()).withStrategy(report.strategy());
        return new ExactSolveReport(timed, r.certification(), compiled, null, lazy.certificate());
      }
      // A relaxation was not solved to optimality: the full LP's solver confirms such answers.
    }
    LinearProgram lp = compiled.lp();
    VerifiedLp verified = VerifiedLp.solve(lp, backend, options, problem.agentCount());
    LpResult result = verified.result();
    long compileNanos = compiledAt - start + result.buildNanos();
    LpSize size = new LpSize(lp.rowCount(), lp.columnCount(), result.nonZeros());
    String message = join(note, verified.message());
    if (result.primal() == null || verified.status() != SolveStatus.OPTIMAL && result.basis() == null) {
      Certification none =
          Certification.notApplicable("the LP is " + verified.status() + ": there is no optimum to certify");
      SolveReport report =
          new SolveReport(problem, verified.status(), verified.objective(),
              result.primal() == null ? null : decode(compiled, toFractions(result.primal())),
              size, List.of(), verified.verification(), result.solverName(), compileNanos, result.solveNanos(),
              verified.verifyNanos(), message);
      InfeasibilityCertification infeasibility =
          verified.status() == SolveStatus.INFEASIBLE
              ? InfeasibilityProver.prove(lp, backend, options.solver(), resolver)
              : null;
      return new ExactSolveReport(report, none, compiled, infeasibility);
    }
    Certification certification = Certifier.certify(lp, result.basis(), resolver);
    if (!certification.certified()) {
      SolveReport report =
          new SolveReport(problem, SolveStatus.NUMERICAL_FAILURE, verified.objective(),
              floatingMechanism(compiled, result.primal()),
              size, List.of(), verified.verification(), result.solverName(), compileNanos, result.solveNanos(),
              verified.verifyNanos(), join(message, "certification failed: " + certification.reason()));
      return new ExactSolveReport(report, certification, compiled);
    }
    Certificate cert = certification.certificate();
    long verifyStart = System.nanoTime();
    Verification exact = withDuals(lp, cert, options.maxListedRows(), problem.agentCount());
    long verifyNanos = System.nanoTime() - verifyStart;
    Mechanism mechanism = decode(compiled, cert.primal());
    SolveReport report =
        new SolveReport(problem, SolveStatus.OPTIMAL, cert.objective().doubleValue(), mechanism, size,
            InterimSummary.of(problem, mechanism), exact, result.solverName(), compileNanos, result.solveNanos(),
            verified.verifyNanos() + verifyNanos, message);
    return new ExactSolveReport(report, certification, compiled);
  }

  /** The exact verification of the certified point, its binding rows carrying the exact duals (largest first). */
  private static Verification withDuals(LinearProgram lp, Certificate cert, int maxListed, int agentCount) {
    Verification v =
        SolutionVerifier.verifyExact(lp, cert.primal(), 0, Integer.MAX_VALUE, agentCount).verification();
    Map<String, BigFraction> duals = new HashMap<>();
    long[] index = {0};
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(
          row -> {
            BigFraction y = cert.duals()[(int) index[0]++];
            if (y.getNumerator().signum() != 0) {
              duals.put(row.name(), y);
            }
          });
    }
    List<RowCheck> binding = new ArrayList<>();
    for (RowCheck r : v.binding()) {
      BigFraction y = duals.getOrDefault(r.rowName(), BigFraction.ZERO);
      binding.add(new RowCheck(r.family(), r.rowName(), r.description(), r.agent(), r.amount(), BigFraction.ZERO,
          y.doubleValue(), r.sense()));
    }
    binding.sort(Comparator.comparingDouble((RowCheck r) -> -Math.abs(r.dual())).thenComparing(RowCheck::rowName));
    List<RowCheck> listed = binding.subList(0, Math.min(maxListed, binding.size()));
    // The certificate's duals are exactly feasible and close the gap: optimality is proven, not just feasibility.
    Optimality proven =
        new Optimality(Optimality.Method.EXACT, true, 0, null, 0, "certified optimal in exact arithmetic");
    return new Verification(v.maxViolation(), v.worstRow(), v.rowsChecked(), true, v.exactMaxViolation(),
        v.violations(), v.violationCount(), listed, v.bindingCountByFamily(), v.objectiveRecomputed(), 0, proven);
  }

  /** The mechanism of a floating-point LP point, shown as floating point (never as exact fractions). */
  static Mechanism floatingMechanism(CompiledProblem compiled, double[] x) {
    Mechanism floating = decode(compiled, toFractions(x));
    return Mechanism.ofDoubles(floating.profileCount(), floating.outcomeCount(), floating.agentCount(),
        doubles(floating, true), doubles(floating, false));
  }

  /** The mechanism encoded by an exact LP point (transfers 0 when the problem has none). */
  static Mechanism decode(CompiledProblem compiled, BigFraction[] x) {
    VariableIndex vars = compiled.variables();
    Problem problem = compiled.problem();
    int k = vars.profiles().count();
    int m = problem.outcomeCount();
    int n = problem.agentCount();
    BigFraction[] allocation = new BigFraction[k * m];
    BigFraction[] transfers = new BigFraction[k * n];
    for (int p = 0; p < k; p++) {
      for (int o = 0; o < m; o++) {
        allocation[p * m + o] = x[vars.allocation(p, o)];
      }
      for (int i = 0; i < n; i++) {
        transfers[p * n + i] = vars.hasTransfers() ? x[vars.transfer(p, i)] : BigFraction.ZERO;
      }
    }
    return Mechanism.ofFractions(k, m, n, allocation, transfers);
  }

  private static BigFraction[] toFractions(double[] x) {
    BigFraction[] f = new BigFraction[x.length];
    for (int j = 0; j < x.length; j++) {
      f[j] = Double.isFinite(x[j]) ? new BigFraction(x[j]) : BigFraction.ZERO;
    }
    return f;
  }

  private static double[] doubles(Mechanism m, boolean allocation) {
    int k = m.profileCount();
    int width = allocation ? m.outcomeCount() : m.agentCount();
    double[] out = new double[k * width];
    for (int p = 0; p < k; p++) {
      for (int q = 0; q < width; q++) {
        out[p * width + q] = allocation ? m.allocation(p, q) : m.transfer(p, q);
      }
    }
    return out;
  }

  private static String join(String a, String b) {
    if (a.isEmpty()) {
      return b;
    }
    return b.isEmpty() ? a : a + "; " + b;
  }
}
