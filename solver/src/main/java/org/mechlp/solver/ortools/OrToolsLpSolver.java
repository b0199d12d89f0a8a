package org.mechlp.solver.ortools;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.Backend;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.BasisStatus;
import org.mechlp.solver.lp.ColumnBounds;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpBasis;
import org.mechlp.solver.lp.LpResult;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.lp.LpStatus;

/**
 * Solves LPs with OR-Tools' MPSolver: the only class in mechlp that touches OR-Tools. It builds a fresh solver per
 * call (never shared across threads), copies the primal point and the duals into Java arrays right after the solve
 * (MPSolver's getters return garbage after any model change), and always deletes the native solver.
 *
 * <p>Duals are "d objective / d right-hand side": the change of the optimal objective per unit increase of the row's
 * right-hand side, for maximization and minimization alike (so a binding {@code <=} row of a maximization, or a
 * binding {@code >=} row of a minimization, has a non-negative dual). They are returned only for GLOP, CLP and PDLP;
 * HiGHS through OR-Tools 9.14 reports row activities in their place and SCIP has none
 * (docs/adr/0005-or-tools-backend.md, Duals and basis).
 *
 * <p>Statuses: a GLOP "infeasible" or "unbounded" is accepted only when GLOP without presolve agrees, and GLOP's
 * presolve may call an unbounded LP infeasible, so an INFEASIBLE answer is re-checked with the objective dropped;
 * GLOP failures are retried once with CLP; PDLP answers NOT_SOLVED (mapped to FAILED) on an unbounded LP, so a
 * failure is followed by a feasibility solve whose outcome goes into the message.
 *
 * <p>Native output: {@code suppressOutput()} silences GLOP, CLP, PDLP and SCIP, but HiGHS 1.11 still prints its
 * banner ("Running HiGHS 1.11.0 ...") on file descriptor 1, where Java cannot intercept it; callers that need a
 * clean standard output must redirect the descriptor itself (the CLI's launcher does).
 */
public final class OrToolsLpSolver implements LpSolver {
  /** PDLP's default 1e-6 optimality tolerance leaves rows violated by ~1e-5 (docs/adr/0005-or-tools-backend.md,
   * Accuracy).
   */
  private static final String PDLP_PARAMETERS =
      "termination_criteria { simple_optimality_criteria { eps_optimal_absolute: 1e-9 "
          + "eps_optimal_relative: 1e-9 } iteration_limit: %d } num_threads: %d";

  private static final String GLOP_WITHOUT_PRESOLVE = "use_preprocessing:false";

  /**
   * CP-SAT turns continuous columns into scaled integers (its parameters mip_var_scaling, mip_wanted_precision):
   * measured on instances/bilateral-trade.json it answered OPTIMAL at 0.14 where SCIP found and mechlp verified a
   * deterministic mechanism worth 1/6, with every scaling tried; only_solve_ip:true makes it refuse the model.
   */
  public static final String CP_SAT_SCALED =
      "CP-SAT scaled the continuous columns to integers, so its optimum and bound are those of the scaled model"
          + " (the point is verified; SCIP may find better)";

  /** Loads the native libraries once per process (from the per-user cache, see {@link NativeLibraries}). */
  private static final class Natives {
    static {
      NativeLibraries.load();
    }

    static void load() {
      // Class initialization above does the work, exactly once, thread-safely.
    }
  }

  /** GLOP without presolve and with tight tolerances: a second basis for exact certification to try. */
  private static final String GLOP_FOR_EXACT_BASIS =
      "use_preprocessing:false primal_feasibility_tolerance:1e-12 dual_feasibility_tolerance:1e-12";

  /**
   * Solves {@code lp} with GLOP without presolve and with tight tolerances, for a basis that exact certification
   * can retry when the default solve's basis is not exactly optimal. No status confirmation or fallback.
   */
  public static LpResult solveForExactBasis(LinearProgram lp, BackendSettings settings) {
    Natives.load();
    return solveWith(lp, settings, Backend.GLOP, GLOP_FOR_EXACT_BASIS);
  }

  /** Loads OR-Tools' native libraries now (benchmarks call this so that no measurement includes it). */
  public static void loadNativeLibraries() {
    Natives.load();
  }

  @Override
  public LpResult solve(LinearProgram lp, BackendSettings settings) {
    Natives.load();
    if (lp.hasIntegerColumns() && !settings.backend().solvesIntegerPrograms()) {
      return failure(
          settings.backend().cliName(),
          "the program has integer columns: solve it with scip or cpsat, "
              + settings.backend().cliName()
              + " would solve the LP relaxation",
          System.nanoTime());
    }
    LpResult result = solveWith(lp, settings, settings.backend());
    boolean saysNo =
        result.status() == LpStatus.INFEASIBLE || result.status() == LpStatus.UNBOUNDED;
    String confirmParameters = null;
    if (saysNo && settings.backend() == Backend.GLOP) {
      // GLOP's presolve has called feasible, degenerate mechanism LPs infeasible (a two-agent BIC problem with
      // identical values, RandomProblemsPropertyTest); a "no" is only accepted when GLOP agrees without presolve.
      confirmParameters = GLOP_WITHOUT_PRESOLVE;
      LpResult second = solveWith(lp, settings, Backend.GLOP, confirmParameters);
      if (second.status() != result.status()) {
        String note =
            "GLOP with presolve answered "
                + result.status()
                + ", without presolve "
                + second.status();
        result = withMessage(second, combined(result, second), note);
      }
    }
    if (result.status() == LpStatus.INFEASIBLE && hasObjective(lp)) {
      result = disambiguateInfeasible(lp, settings, result, confirmParameters);
    }
    Backend answering = settings.backend();
    if (result.status() == LpStatus.FAILED && settings.backend() == Backend.GLOP) {
      // GLOP is stricter than CLP about numerics (google/or-tools#1986): retry once before giving up.
      LpResult retry = solveWith(lp, settings, Backend.CLP);
      String note = "GLOP failed (" + result.message() + "); answered by CLP";
      answering = Backend.CLP;
      result =
          new LpResult(
              retry.status(),
              retry.objective(),
              retry.primal(),
              retry.duals(),
              retry.solverName(),
              retry.iterations(),
              retry.nonZeros(),
              result.buildNanos() + retry.buildNanos(),
              result.solveNanos() + retry.solveNanos(),
              retry.message().isEmpty() ? note : note + "; " + retry.message(),
              retry.basis(),
              retry.bestBound());
    }
    if (result.status() == LpStatus.FAILED && hasObjective(lp)) {
      result = explainFailure(lp, settings, answering, result);
    }
    return result;
  }

  /**
   * After a failure, solves the constraints alone: if they are feasible the failure may be an unbounded objective
   * (PDLP answers NOT_SOLVED on unbounded LPs), if not the problem is infeasible. Neither is proven by the failed
   * solve, so the status stays FAILED and the finding goes into the message.
   */
  private static LpResult explainFailure(
      LinearProgram lp, BackendSettings settings, Backend backend, LpResult result) {
    LpResult check = solveWith(withoutObjective(lp), settings, backend);
    String finding =
        switch (check.status()) {
          case OPTIMAL -> "the constraints alone are feasible, so the objective may be unbounded";
          case INFEASIBLE -> "the constraints alone are infeasible";
          default -> "";
        };
    if (finding.isEmpty()) {
      return result;
    }
    return new LpResult(
        result.status(),
        result.objective(),
        result.primal(),
        result.duals(),
        result.solverName(),
        result.iterations(),
        result.nonZeros(),
        result.buildNanos() + check.buildNanos(),
        result.solveNanos() + check.solveNanos(),
        result.message().isEmpty() ? finding : result.message() + "; " + finding,
        result.basis(),
        result.bestBound());
  }

  private static LinearProgram withoutObjective(LinearProgram lp) {
    BigFraction[] zeros = new BigFraction[lp.columnCount()];
    Arrays.fill(zeros, BigFraction.ZERO);
    return lp.withObjective(new LinearObjective(true, zeros, BigFraction.ZERO));
  }

  private static LpResult combined(LpResult first, LpResult second) {
    return new LpResult(
        second.status(),
        second.objective(),
        second.primal(),
        second.duals(),
        second.solverName(),
        first.iterations() + second.iterations(),
        second.nonZeros(),
        first.buildNanos() + second.buildNanos(),
        first.solveNanos() + second.solveNanos(),
        second.message(),
        second.basis(),
        second.bestBound());
  }

  private static LpResult withMessage(LpResult result, LpResult timing, String note) {
    String message = result.message().isEmpty() ? note : note + "; " + result.message();
    return new LpResult(
        timing.status(),
        timing.objective(),
        timing.primal(),
        timing.duals(),
        timing.solverName(),
        timing.iterations(),
        timing.nonZeros(),
        timing.buildNanos(),
        timing.solveNanos(),
        message,
        timing.basis(),
        timing.bestBound());
  }

  private static boolean hasObjective(LinearProgram lp) {
    for (BigFraction c : lp.objective().coefficients()) {
      if (c.getNumerator().signum() != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * GLOP's presolve answers INFEASIBLE for some unbounded LPs (it proves "infeasible or unbounded"); re-solving the
   * constraints alone tells the two apart: if they are feasible, the objective is unbounded.
   */
  private static LpResult disambiguateInfeasible(
      LinearProgram lp, BackendSettings settings, LpResult result, String glopParameters) {
    LpResult check = solveWith(withoutObjective(lp), settings, settings.backend(), glopParameters);
    if (check.status() != LpStatus.OPTIMAL) {
      return result;
    }
    return new LpResult(
        LpStatus.UNBOUNDED,
        Double.NaN,
        null,
        null,
        result.solverName(),
        result.iterations() + check.iterations(),
        result.nonZeros(),
        result.buildNanos() + check.buildNanos(),
        result.solveNanos() + check.solveNanos(),
        "the constraints are feasible but the objective is unbounded");
  }

  /** OR-Tools' name of the backend's solver. */
  static String solverId(Backend backend) {
    return switch (backend) {
      case GLOP -> "GLOP";
      case PDLP -> "PDLP";
      case HIGHS -> "HIGHS_LP";
      case CLP -> "CLP";
      case SCIP -> "SCIP";
      case CP_SAT -> "CP_SAT";
    };
  }

  private static LpResult solveWith(LinearProgram lp, BackendSettings settings, Backend backend) {
    return solveWith(lp, settings, backend, null);
  }

  private static LpResult solveWith(
      LinearProgram lp, BackendSettings settings, Backend backend, String glopParameters) {
    long start = System.nanoTime();
    // One deadline for the whole command: compiling, earlier solves and fallbacks have used part of it.
    Duration limit = settings.timeLimit();
    String limitText = settings.deadline().describe();
    if (limit.isZero()) {
      return new LpResult(
          LpStatus.LIMIT_REACHED, Double.NaN, null, null, backend.cliName(), 0, 0, 0, 0,
          limitText + " was used up before " + backend.cliName() + " could start");
    }
    if (backend == Backend.HIGHS) {
      return HighsModelSolve.solve(lp, limit, limitText);
    }
    MPSolver solver = MPSolver.createSolver(solverId(backend));
    if (solver == null) {
      return failure(backend.cliName(), "OR-Tools has no " + backend.cliName() + " backend here", start);
    }
    try {
      solver.suppressOutput();
      int n = lp.columnCount();
      MPVariable[] columns = new MPVariable[n];
      List<ColumnBounds> bounds = lp.bounds();
      for (int j = 0; j < n; j++) {
        ColumnBounds b = bounds.get(j);
        // Infinite bounds stay infinite: GLOP answers ABNORMAL with finite sentinels such as ±1e9.
        columns[j] =
            lp.isInteger(j)
                ? solver.makeIntVar(b.lowerDouble(), b.upperDouble(), "c" + j)
                : solver.makeNumVar(b.lowerDouble(), b.upperDouble(), "c" + j);
      }
      MPObjective mpObjective = solver.objective();
      MpModel.setObjective(mpObjective, columns, lp.objective());
      List<MPConstraint> rows = new ArrayList<>();
      long[] nonZeros = {0};
      for (ConstraintFamily family : lp.families()) {
        family.forEachRow(
            row -> {
              rows.add(MpModel.addRow(solver, columns, row, ""));
              nonZeros[0] += row.columns().length;
            });
      }
      solver.setTimeLimit(Math.max(1, limit.toMillis()));
      long simplexCap = IterationCaps.simplex(rows.size(), n);
      String setup = "";
      if (backend == Backend.GLOP) {
        String cap = "max_number_of_iterations:" + simplexCap;
        solver.setSolverSpecificParametersAsString(glopParameters == null ? cap : glopParameters + " " + cap);
      }
      if (backend == Backend.CP_SAT && scalesContinuousColumns(lp)) {
        setup = CP_SAT_SCALED;
      }
      if (backend == Backend.PDLP) {
        solver.setNumThreads(settings.threads());
        if (!solver.setSolverSpecificParametersAsString(
            String.format(Locale.ROOT, PDLP_PARAMETERS, IterationCaps.PDLP, settings.threads()))) {
          setup = "PDLP rejected mechlp's tolerances and ran with its defaults (about 1e-6)";
        }
      }
      long built = System.nanoTime();
      MPSolver.ResultStatus status = solver.solve();
      long solved = System.nanoTime();
      boolean hitLimit = solved - built >= limit.toNanos() * 95 / 100;
      long cap = backend == Backend.GLOP ? simplexCap : backend == Backend.PDLP ? IterationCaps.PDLP : -1;
      boolean hitCap =
          cap > 0 && status != MPSolver.ResultStatus.OPTIMAL && IterationCaps.reached(solver.iterations(), cap);
      LpStatus lpStatus = map(status, hitLimit || hitCap);
      boolean mip = lp.hasIntegerColumns();
      double[] primal = null;
      double[] duals = null;
      LpBasis basis = null;
      double objectiveValue = Double.NaN;
      double bestBound = Double.NaN;
      // A MIP's incumbent at a limit is a real integer point (unlike CLP's LP "feasible" points,
      // docs/adr/0005-or-tools-backend.md, Time limits): keep it, with the proven bound, so the report can give the
      // gap. It is verified like any point.
      boolean mipIncumbent = mip && status == MPSolver.ResultStatus.FEASIBLE;
      if (mip && (lpStatus == LpStatus.OPTIMAL || mipIncumbent)) {
        bestBound = mpObjective.bestBound();
      }
      if (mipIncumbent) {
        primal = new double[n];
        for (int j = 0; j < n; j++) {
          primal[j] = columns[j].solutionValue();
        }
        objectiveValue = mpObjective.value();
      }
      if (lpStatus == LpStatus.OPTIMAL) {
        primal = new double[n];
        for (int j = 0; j < n; j++) {
          primal[j] = columns[j].solutionValue();
        }
        objectiveValue = mpObjective.value();
        if (backend.hasReliableDuals() && !mip) {
          duals = new double[rows.size()];
          for (int r = 0; r < duals.length; r++) {
            duals[r] = rows.get(r).dualValue();
          }
        }
        if ((backend == Backend.GLOP || backend == Backend.CLP) && !mip) {
          basis = basisOf(columns, rows);
        }
      }
      String outcome =
          switch (status) {
            case OPTIMAL, INFEASIBLE, UNBOUNDED -> "";
            case FEASIBLE -> "stopped at a limit with a feasible point that is not proven optimal";
            case NOT_SOLVED ->
                hitCap
                    ? "the iteration limit of " + cap + " was reached"
                    : hitLimit ? limitText + " reached" : "the backend did not solve the model";
            default -> "the backend answered " + status;
          };
      String message = setup.isEmpty() || outcome.isEmpty() ? setup + outcome : setup + "; " + outcome;
      return new LpResult(
          lpStatus,
          objectiveValue,
          primal,
          duals,
          describe(backend, solver),
          iterations(solver, backend),
          nonZeros[0],
          built - start,
          solved - built,
          message,
          basis,
          bestBound);
    } finally {
      solver.delete();
    }
  }

  /** Whether CP-SAT would have to scale some continuous column of {@code lp} to an integer one. */
  public static boolean scalesContinuousColumns(LinearProgram lp) {
    for (int j = 0; j < lp.columnCount(); j++) {
      if (!lp.isInteger(j)) {
        return true;
      }
    }
    return false;
  }

  static LpBasis basisOf(MPVariable[] columns, List<MPConstraint> rows) {
    BasisStatus[] columnStatus = new BasisStatus[columns.length];
    for (int j = 0; j < columns.length; j++) {
      columnStatus[j] = map(columns[j].basisStatus());
    }
    BasisStatus[] rowStatus = new BasisStatus[rows.size()];
    for (int r = 0; r < rowStatus.length; r++) {
      rowStatus[r] = map(rows.get(r).basisStatus());
    }
    return new LpBasis(columnStatus, rowStatus);
  }

  private static BasisStatus map(MPSolver.BasisStatus status) {
    return switch (status) {
      case BASIC -> BasisStatus.BASIC;
      case AT_LOWER_BOUND -> BasisStatus.AT_LOWER;
      case AT_UPPER_BOUND -> BasisStatus.AT_UPPER;
      case FIXED_VALUE -> BasisStatus.FIXED;
      case FREE -> BasisStatus.FREE;
    };
  }

  private static LpStatus map(MPSolver.ResultStatus status, boolean hitLimit) {
    return switch (status) {
      case OPTIMAL -> LpStatus.OPTIMAL;
      case INFEASIBLE -> LpStatus.INFEASIBLE;
      case UNBOUNDED -> LpStatus.UNBOUNDED;
      // CLP may call an infeasible point FEASIBLE at a time limit (docs/adr/0005-or-tools-backend.md, Time limits):
      // never use it.
      case FEASIBLE -> LpStatus.LIMIT_REACHED;
      case NOT_SOLVED -> hitLimit ? LpStatus.LIMIT_REACHED : LpStatus.FAILED;
      default -> LpStatus.FAILED;
    };
  }

  private static String describe(Backend backend, MPSolver solver) {
    // HiGHS through OR-Tools 9.14 calls itself "PDLP Solver" (docs/adr/0005-or-tools-backend.md, Solver names).
    return backend == Backend.HIGHS ? "HiGHS 1.11.0 (via OR-Tools 9.14)" : solver.solverVersion();
  }

  private static long iterations(MPSolver solver, Backend backend) {
    if (backend == Backend.HIGHS || backend == Backend.SCIP || backend == Backend.CP_SAT) {
      return 0;
    }
    return solver.iterations();
  }

  private static LpResult failure(String name, String message, long start) {
    return new LpResult(
        LpStatus.FAILED, Double.NaN, null, null, name, 0, 0, System.nanoTime() - start, 0, message);
  }
}
