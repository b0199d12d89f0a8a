package org.mechlp.solver.reduced;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.compile.CompiledProblem;
import org.mechlp.solver.compile.LpCompiler;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.LpStatus;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.InterimSummary;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.verify.SolutionVerifier;

/**
 * Builds an ex post mechanism that implements a reduced form's interim rule and checks it end to end. A feasibility
 * LP over y_i(θ) (the probability that agent i gets the item at profile θ), with
 *
 * <pre>
 * sum_i y_i(θ) <= 1                                   every profile θ
 * sum_{θ_-i} f_-i(θ_-i) y_i(θ_i, θ_-i) = Q_i(θ_i)     every agent i and type θ_i (zero-probability ones too: they
 *                                                      are misreports in the BIC rows)
 * </pre>
 *
 * has a solution exactly when Q satisfies Border's inequalities. The mechanism gives the item to i with probability
 * y_i(θ), keeps it otherwise, and charges t_i(θ) = P_i(θ_i); with independent types its interim allocation and
 * payments are Q and P, so BIC and interim IR carry over. The mechanism is then verified against every row and
 * bound of the problem's ordinary compiled LP, and its objective compared with the reduced optimum.
 */
public final class ExPostExpansion {
  /** Profiles above which the expansion is not built (the full verification would dominate the time). */
  public static final int MAX_PROFILES = 20_000;

  private ExPostExpansion() {}

  /** Whether {@code problem} is small enough to expand. */
  public static boolean fits(Problem problem) {
    long profiles = 1;
    for (int i = 0; i < problem.agentCount(); i++) {
      profiles *= problem.agents().get(i).typeCount();
      if (profiles > MAX_PROFILES) {
        return false;
      }
    }
    return true;
  }

  /** The expanded, fully verified mechanism of an OPTIMAL reduced form. */
  public static SolveReport expand(ReducedFormReport reduced, SolveOptions options, LpSolver backend) {
    Problem problem = reduced.problem();
    if (reduced.status() != SolveStatus.OPTIMAL) {
      throw new IllegalArgumentException("only an optimal reduced form can be expanded");
    }
    if (!fits(problem)) {
      throw new IllegalArgumentException(
          "the ex post form is not built for more than " + MAX_PROFILES + " type profiles");
    }
    ReducedForm form = reduced.form();
    TypeProfiles profiles = problem.profiles();
    int n = problem.agentCount();
    int count = profiles.count();
    long start = System.nanoTime();
    ReducedFamily capacity = new ReducedFamily("expansion-capacity", "at most one winner per profile", false);
    for (int p = 0; p < count; p++) {
      int[] columns = new int[n];
      BigFraction[] ones = new BigFraction[n];
      for (int i = 0; i < n; i++) {
        columns[i] = p * n + i;
        ones[i] = BigFraction.ONE;
      }
      capacity.add(new ReducedFamily.Spec("capacity[" + p + "]", "the item is sold at most once at profile "
          + problem.describeProfile(p, profiles), -1, columns, ones, Sense.LE, BigFraction.ONE));
    }
    ReducedFamily interim = new ReducedFamily("expansion-interim", "interim winning probabilities", false);
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < form.typeCount(i); t++) {
        List<Integer> columns = new ArrayList<>();
        List<BigFraction> weights = new ArrayList<>();
        for (int p = 0; p < count; p++) {
          if (profiles.typeOf(p, i) != t) {
            continue;
          }
          BigFraction w = BigFraction.ONE;
          for (int j = 0; j < n && !Fractions.isZero(w); j++) {
            if (j != i) {
              w = w.multiply(form.typeProbability()[j][profiles.typeOf(p, j)]);
            }
          }
          if (!Fractions.isZero(w)) {
            columns.add(p * n + i);
            weights.add(w);
          }
        }
        interim.add(new ReducedFamily.Spec("interim[" + i + ":" + t + "]", "Q of agent " + i + " type " + t, i,
            columns.stream().mapToInt(Integer::intValue).toArray(), weights.toArray(new BigFraction[0]), Sense.EQ,
            Fractions.fromDouble(reduced.interimAllocation()[i][t])));
      }
    }
    int columnCount = count * n;
    BigFraction[] zero = new BigFraction[columnCount];
    Arrays.fill(zero, BigFraction.ZERO);
    LinearProgram lp = new LinearProgram(
        Collections.nCopies(columnCount, ColumnBounds.NON_NEGATIVE),
        c -> "y[" + c / n + "|" + c % n + "]",
        new LinearObjective(true, zero, BigFraction.ZERO),
        List.of(capacity, interim));
    long built = System.nanoTime();
    LpResult result = backend.solve(lp, options.solver());
    LpSize reducedSize = reduced.size();
    if (result.status() != LpStatus.OPTIMAL || result.primal() == null) {
      return new SolveReport(problem, SolveStatus.NUMERICAL_FAILURE, null, null, reducedSize, List.of(), null,
          result.solverName(), reduced.buildNanos() + built - start, reduced.solveNanos() + result.solveNanos(), 0,
          "the ex post expansion LP answered " + result.status() + " " + result.message());
    }
    double[] y = result.primal();
    int m = problem.outcomeCount();
    double[] allocation = new double[count * m];
    double[] transfers = new double[count * n];
    for (int p = 0; p < count; p++) {
      double sold = 0;
      for (int i = 0; i < n; i++) {
        double yi = Math.max(0, y[p * n + i]);
        allocation[p * m + form.winOutcome()[i]] = yi;
        sold += yi;
        transfers[p * n + i] = reduced.interimPayment()[i][profiles.typeOf(p, i)];
      }
      allocation[p * m + form.nobodyOutcome()] = Math.max(0, 1 - sold);
    }
    Mechanism mechanism = Mechanism.ofDoubles(count, m, n, allocation, transfers);
    long verifyStart = System.nanoTime();
    CompiledProblem full = LpCompiler.compile(problem);
    VariableIndex vars = full.variables();
    double[] x = new double[vars.columnCount()];
    for (int p = 0; p < count; p++) {
      for (int o = 0; o < m; o++) {
        x[vars.allocation(p, o)] = mechanism.allocation(p, o);
      }
      for (int i = 0; i < n; i++) {
        x[vars.transfer(p, i)] = mechanism.transfer(p, i);
      }
    }
    SolutionVerifier.Result verified =
        SolutionVerifier.verify(full.lp(), x, null, options.tolerance(), options.maxListedRows(), n);
    long verifyNanos = System.nanoTime() - verifyStart;
    double objective = verified.verification().objectiveRecomputed();
    SolveStatus status = SolveStatus.OPTIMAL;
    String message = String.format(Locale.ROOT,
        "reduced form: %d rounds, %d Border cuts; ex post mechanism from a %d-column expansion LP, verified against"
            + " all %d rows of the full LP", reduced.rounds(), reduced.borderCuts(), columnCount,
        full.lp().rowCount());
    double maxViolation = verified.verification().maxViolation();
    if (maxViolation > options.tolerance()) {
      status = SolveStatus.NUMERICAL_FAILURE;
      message += String.format(Locale.ROOT, "; the expanded mechanism violates %s by %.3g",
          verified.verification().worstRow(), maxViolation);
    } else if (!(Math.abs(objective - reduced.objective())
        <= options.tolerance() * Math.max(1, Math.abs(objective)))) {
      status = SolveStatus.NUMERICAL_FAILURE;
      message += String.format(Locale.ROOT, "; the expanded objective %.12g differs from the reduced %.12g",
          objective, reduced.objective());
    }
    return new SolveReport(problem, status, objective, mechanism, reducedSize, InterimSummary.of(problem, mechanism),
        verified.verification(), result.solverName(), reduced.buildNanos() + built - start,
        reduced.solveNanos() + result.solveNanos(), reduced.checkNanos() + verifyNanos, message);
  }
}
