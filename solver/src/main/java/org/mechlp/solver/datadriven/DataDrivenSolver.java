package org.mechlp.solver.datadriven;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.verify.VerifiedLp;
import org.mechlp.solver.certify.Certification;
import org.mechlp.solver.certify.Certifier;
import org.mechlp.solver.certify.InfeasibilityCertification;
import org.mechlp.solver.certify.InfeasibilityProver;
import org.mechlp.solver.certify.Ratios;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.verify.SolutionVerifier;

/**
 * Solves a data-driven problem and the same problem with the estimator switched off. Every point is verified
 * against every row, independently of the solver; an infeasible answer is reported only with a Farkas certificate
 * checked in exact arithmetic (its rows say why); with {@code exact} the optimum is certified from the simplex basis.
 */
public final class DataDrivenSolver {
  private DataDrivenSolver() {}

  /**
   * Solves both LPs with OR-Tools, side by side: the message-driven LP on a second thread while this one solves the
   * data-driven LP (they share nothing but the read-only problem).
   */
  public static DataDrivenReport solve(DataDrivenProblem problem, SolveOptions options, boolean exact) {
    OrToolsLpSolver.loadNativeLibraries();
    ExecutorService second = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, "message-driven LP");
      thread.setDaemon(true);
      return thread;
    });
    try {
      Future<DataDrivenRun> messageDriven = second.submit(() -> run(problem.messageDriven(), options, exact));
      DataDrivenRun dataDriven = run(problem, options, exact);
      return new DataDrivenReport(problem, dataDriven, messageDriven.get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while solving the message-driven LP", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      second.shutdownNow();
    }
  }

  /** Solves one LP: the data-driven one of {@code problem}. */
  public static DataDrivenRun run(DataDrivenProblem problem, SolveOptions options, boolean exact) {
    long start = System.nanoTime();
    DataDrivenData data = new DataDrivenData(problem);
    DataDrivenLp built = DataDrivenLp.build(data);
    LinearProgram lp = built.lp();
    InfeasibilityCertification cycle = DifferenceCycles.prove(lp);
    if (cycle != null) {
      // Rows that contradict each other around a cycle (a chain of misreports): proven without a solver.
      LpSize size = new LpSize(lp.rowCount(), lp.columnCount(), nonZeros(lp));
      return new DataDrivenRun(SolveStatus.INFEASIBLE, null, null, null, size, null, null, cycle,
          conflict(lp, cycle.certificate().multipliers()), cycle.reason(), System.nanoTime() - start, built);
    }
    BackendSettings simplex = simplexSettings(options.solver());
    BackendSettings settings = exact ? simplex : options.solver();
    LpSolver backend = new BlockLpSolver(new OrToolsLpSolver());
    SolveOptions used = new SolveOptions(settings, options.tolerance(), options.maxListedRows());
    VerifiedLp verified = VerifiedLp.solve(lp, backend, used, data.agents);
    LpResult result = verified.result();
    LpSize size = new LpSize(lp.rowCount(), lp.columnCount(), result.nonZeros());
    Function<LinearProgram, LpResult> resolver = p -> OrToolsLpSolver.solveForExactBasis(p, simplex);
    String message = verified.message();
    if (verified.status() == SolveStatus.INFEASIBLE) {
      InfeasibilityCertification proof = InfeasibilityProver.prove(lp, backend, simplex, resolver);
      if (!proof.certified()) {
        return new DataDrivenRun(SolveStatus.NUMERICAL_FAILURE, null, null, null, size, null, null, proof, List.of(),
            join(message, "the solver says infeasible, but no Farkas certificate was found: " + proof.reason()),
            System.nanoTime() - start, built);
      }
      return new DataDrivenRun(SolveStatus.INFEASIBLE, null, null, null, size, null, null, proof,
          conflict(lp, proof.certificate().multipliers()), message, System.nanoTime() - start, built);
    }
    if (result.primal() == null) {
      return new DataDrivenRun(verified.status(), null, null, null, size, null, null, null, List.of(), message,
          System.nanoTime() - start, built);
    }
    BigFraction[] point = new BigFraction[result.primal().length];
    for (int j = 0; j < point.length; j++) {
      point[j] = Fractions.fromDouble(result.primal()[j]);
    }
    DataDrivenMechanism mechanism = built.decode(point, false);
    if (!exact || verified.status() != SolveStatus.OPTIMAL) {
      if (verified.status() == SolveStatus.OPTIMAL) {
        mechanism = rationalized(lp, built, result.primal(), data.agents, mechanism);
      }
      return new DataDrivenRun(verified.status(), verified.objective(), null, mechanism, size,
          verified.verification(), null, null, List.of(), message, System.nanoTime() - start, built);
    }
    Certification certification = Certifier.certify(lp, result.basis(), resolver);
    if (!certification.certified()) {
      return new DataDrivenRun(SolveStatus.NUMERICAL_FAILURE, verified.objective(), null, mechanism, size,
          verified.verification(), certification, null, List.of(),
          join(message, "certification failed: " + certification.reason()), System.nanoTime() - start, built);
    }
    BigFraction[] exactPoint = certification.certificate().primal();
    var exactCheck =
        SolutionVerifier.verifyExact(lp, exactPoint, 0, options.maxListedRows(), data.agents).verification();
    return new DataDrivenRun(SolveStatus.OPTIMAL, certification.objective().doubleValue(),
        certification.objective(), built.decode(exactPoint, true), size, exactCheck, certification, null, List.of(),
        message, System.nanoTime() - start, built);
  }

  /**
   * The solver's point with every value replaced by the simplest nearby fraction, kept as an exact mechanism when it
   * satisfies every row and bound exactly (so a checker with tolerance 0 accepts it); else the floating one.
   */
  private static DataDrivenMechanism rationalized(
      LinearProgram lp, DataDrivenLp built, double[] primal, int agents, DataDrivenMechanism floating) {
    BigFraction[] point = new BigFraction[primal.length];
    for (int j = 0; j < point.length; j++) {
      point[j] = Fractions.rationalize(primal[j]);
      if (lp.bounds().get(j).violation(point[j]).getNumerator().signum() != 0) {
        return floating;
      }
    }
    var exactCheck = SolutionVerifier.verifyExact(lp, point, 0, 0, agents).verification();
    return exactCheck.exactMaxViolation() != null && Fractions.isZero(exactCheck.exactMaxViolation())
        ? built.decode(point, true)
        : floating;
  }

  /** GLOP unless CLP was asked for: both report the simplex basis that exact certification starts from. */
  private static BackendSettings simplexSettings(BackendSettings requested) {
    Backend backend = requested.backend() == Backend.CLP ? Backend.CLP : Backend.GLOP;
    return new BackendSettings(backend, requested.timeLimit(), requested.threads());
  }

  /** The rows a Farkas certificate combines, each with its multiplier, in words. */
  static List<String> conflict(LinearProgram lp, BigFraction[] multipliers) {
    List<String> rows = new ArrayList<>();
    int[] index = {0};
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(
          row -> {
            BigFraction y = multipliers[index[0]++];
            if (!Fractions.isZero(y)) {
              rows.add(String.format(Locale.ROOT, "%s x %s: %s", Ratios.ratio(y.abs()), row.name(),
                  row.describe()));
            }
          });
    }
    return rows;
  }

  private static long nonZeros(LinearProgram lp) {
    long[] count = {0};
    for (ConstraintFamily family : lp.families()) {
      family.forEachRow(row -> count[0] += row.columns().length);
    }
    return count[0];
  }

  private static String join(String a, String b) {
    return a == null || a.isEmpty() ? b : a + "; " + b;
  }
}
