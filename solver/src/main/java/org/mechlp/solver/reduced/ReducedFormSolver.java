package org.mechlp.solver.reduced;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.mechlp.model.Problem;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.InterimRow;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * Optimal BIC single-item mechanisms through the reduced form (docs/THEORY.md, Smaller LPs): 2 N interim columns
 * instead of (m + n) k^n ex post ones. Border's feasibility constraints are added lazily: solve, find the violated
 * threshold sets by sorting ({@link BorderSeparation}), add them, re-solve, until none is violated. Each round is a
 * fresh solve of a tiny LP.
 */
public final class ReducedFormSolver {
  /** A Border set violated by less than this is accepted (well below the default verification tolerance). */
  static final double SEPARATION_TOLERANCE = 1e-9;

  /** Rounds before giving up (each round adds at least one new cut, and there are finitely many threshold sets). */
  static final int MAX_ROUNDS = 500;

  private ReducedFormSolver() {}

  /**
   * The reduced form's answer and, when the problem has at most {@link ExPostExpansion#MAX_PROFILES} profiles, an
   * ex post mechanism implementing it, checked against every row of the full LP.
   *
   * @param reduced the interim rule and its checks
   * @param expanded the ex post mechanism as an ordinary solve report, or null when it was not built
   */
  public record Result(ReducedFormReport reduced, SolveReport expanded) {

    /**
     * The answer as an ordinary solve report, so every renderer shows it: the expanded mechanism when there is one;
     * otherwise the interim rule alone (no ex post mechanism), with each type's winning probability on its winning
     * outcome, its interim payment and utility, and the reduced LP's verification.
     */
    public SolveReport asSolveReport() {
      if (expanded != null) {
        return expanded;
      }
      ReducedForm form = reduced.form();
      Problem problem = reduced.problem();
      List<InterimRow> interim = new ArrayList<>();
      if (reduced.interimAllocation() != null) {
        for (int i = 0; i < form.agentCount(); i++) {
          for (int t = 0; t < form.typeCount(i); t++) {
            double q = reduced.interimAllocation()[i][t];
            double p = reduced.interimPayment()[i][t];
            double[] lottery = new double[problem.outcomeCount()];
            // Only the agent's own winning probability is an interim quantity; who else wins is ex post detail.
            lottery[form.winOutcome()[i]] = q;
            double utility = form.base()[i][t].doubleValue() + form.gain()[i][t].doubleValue() * q - p;
            interim.add(new InterimRow(i, t, form.typeProbability()[i][t], lottery, p, utility));
          }
        }
      }
      String note =
          reduced.status() == SolveStatus.OPTIMAL
              ? "the ex post mechanism is not built for more than "
                  + ExPostExpansion.MAX_PROFILES
                  + " type profiles: the interim rule (winning probability and payment per type) is the answer"
              : "";
      String message =
          reduced.message().isEmpty() ? note : note.isEmpty() ? reduced.message() : reduced.message() + "; " + note;
      return new SolveReport(
          problem,
          reduced.status(),
          reduced.objective(),
          null,
          reduced.size(),
          interim,
          reduced.verification(),
          reduced.solverName(),
          reduced.buildNanos(),
          reduced.solveNanos(),
          reduced.checkNanos(),
          message);
    }
  }

  /**
   * The single entry point: solves {@code problem} by its reduced form and expands the answer when it is small
   * enough. Throws IllegalArgumentException (with the reason) when {@link ReducedForm#whyNot} says it does not apply.
   */
  public static Result solveAndExpand(Problem problem, SolveOptions options, LpSolver backend) {
    ReducedFormReport reduced = solve(problem, options, backend);
    SolveReport expanded =
        reduced.status() == SolveStatus.OPTIMAL && ExPostExpansion.fits(problem)
            ? expand(reduced, options, backend)
            : null;
    return new Result(reduced, expanded);
  }

  /** Solves {@code problem} by its reduced form; throws IllegalArgumentException when it does not apply. */
  public static ReducedFormReport solve(Problem problem, SolveOptions options, LpSolver backend) {
    ReducedForm form = ReducedForm.of(problem);
    int n = form.agentCount();
    double[][] f = new double[n][];
    for (int i = 0; i < n; i++) {
      f[i] = new double[form.typeCount(i)];
      for (int t = 0; t < f[i].length; t++) {
        f[i][t] = form.typeProbability()[i][t].doubleValue();
      }
    }
    ReducedLp reducedLp = new ReducedLp(form);
    Set<String> added = new HashSet<>();
    long build = 0;
    long solve = 0;
    long check = 0;
    int rounds = 0;
    String message = "";
    while (true) {
      long start = System.nanoTime();
      LinearProgram lp = reducedLp.program();
      build += System.nanoTime() - start;
      VerifiedLp verified = VerifiedLp.solve(lp, backend, options, n);
      rounds++;
      build += verified.result().buildNanos();
      solve += verified.result().solveNanos();
      check += verified.verifyNanos();
      LpSize size = new LpSize(lp.rowCount(), lp.columnCount(), verified.result().nonZeros());
      if (verified.result().primal() == null || verified.status() != SolveStatus.OPTIMAL) {
        return new ReducedFormReport(problem, form, verified.status(), verified.objective(), null, null, rounds,
            reducedLp.borderCutCount(), Double.NaN, Double.NaN, Double.NaN, size, verified.verification(),
            verified.result().solverName(), build, solve, check, verified.message());
      }
      long separateStart = System.nanoTime();
      double[] x = verified.result().primal();
      double[][] q = new double[n][];
      double[][] p = new double[n][];
      for (int i = 0; i < n; i++) {
        q[i] = new double[form.typeCount(i)];
        p[i] = new double[form.typeCount(i)];
        for (int t = 0; t < q[i].length; t++) {
          q[i][t] = x[reducedLp.q(i, t)];
          p[i][t] = x[reducedLp.p(i, t)];
        }
      }
      List<BorderCut> violated = BorderSeparation.violated(f, q, SEPARATION_TOLERANCE);
      int fresh = 0;
      for (BorderCut cut : violated) {
        if (added.add(key(cut.members()))) {
          reducedLp.addCut(cut.members());
          fresh++;
        }
      }
      check += System.nanoTime() - separateStart;
      if (fresh == 0 || rounds >= MAX_ROUNDS) {
        double border = BorderSeparation.maxViolation(f, q);
        double regret = InterimCheck.maxRegret(form, q, p);
        double shortfall = InterimCheck.maxIrShortfall(form, q, p);
        SolveStatus status = SolveStatus.OPTIMAL;
        double worst = Math.max(border, Math.max(regret, shortfall));
        if (worst > options.tolerance()) {
          status = SolveStatus.NUMERICAL_FAILURE;
          message =
              String.format(
                  Locale.ROOT,
                  "after %d rounds the interim rule violates Border by %.3g, BIC by %.3g, IR by %.3g (tolerance"
                      + " %.3g)",
                  rounds, border, regret, shortfall, options.tolerance());
        }
        return new ReducedFormReport(problem, form, status, verified.objective(), q, p, rounds,
            reducedLp.borderCutCount(), border, regret, shortfall, size, verified.verification(),
            verified.result().solverName(), build, solve, check, message);
      }
    }
  }

  /**
   * An ex post mechanism implementing the interim rule of {@code reduced}, verified against every row of the
   * problem's full LP (see {@link ExPostExpansion}).
   */
  public static SolveReport expand(ReducedFormReport reduced, SolveOptions options, LpSolver backend) {
    return ExPostExpansion.expand(reduced, options, backend);
  }

  private static String key(boolean[][] members) {
    StringBuilder sb = new StringBuilder();
    for (boolean[] agent : members) {
      for (boolean in : agent) {
        sb.append(in ? '1' : '0');
      }
      sb.append('|');
    }
    return sb.toString();
  }
}
