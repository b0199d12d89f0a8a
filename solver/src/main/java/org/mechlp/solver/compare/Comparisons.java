package org.mechlp.solver.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.mechlp.model.CalibrationSpec.Disclosure;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.Problem;
import org.mechlp.solver.pipeline.InvalidRequestException;

/**
 * Builds a {@link Comparison} of a problem.
 *
 * <p>Rows of a standard problem, in this order: the optimum under each incentive constraint (DSIC and BIC with
 * private values; ex post IC and BIC with interdependent values, where DSIC does not apply) and each participation
 * constraint (ex post, interim, ex ante), lotteries allowed; the same with pure outcomes (the deterministic
 * mixed-integer program); then every built-in mechanism. With private values ex post IC has the rows of DSIC
 * (docs/THEORY.md, Constraint families) and gets one line saying so. The problem's own constraints mark their row;
 * when they are not in the grid (no IC or no IR) the problem as given comes first. A calibrated problem gets full,
 * no and optimal disclosure (and its own fixed signal, when it has one) instead of the constraint grid, and no
 * built-in mechanisms (they are direct mechanisms without disclosure).
 *
 * <p>Each row is an independent solve, so {@code jobs} threads solve them at once; the rows come back in the order
 * above whatever the number of threads.
 */
public final class Comparisons {
  private static final List<IrKind> IR_GRID = List.of(IrKind.EX_POST, IrKind.INTERIM, IrKind.EX_ANTE);

  private Comparisons() {}

  /**
   * Compares the solution concepts and built-in mechanisms of {@code problem}.
   *
   * @throws InvalidRequestException when the problem cannot be compared (a data-driven problem)
   */
  public static Comparison compare(Problem problem, CompareOptions options) {
    if (problem.isDataDriven()) {
      throw new InvalidRequestException(
          "compare: " + problem.name() + " is data-driven (its transfers depend on an estimate of the state); compare"
              + " takes standard and calibrated problems, use 'mechlp vcg' for a data-driven one");
    }
    RowSolver solver = new RowSolver(options);
    List<Callable<ComparisonRow>> tasks =
        problem.isCalibrated() ? disclosureRows(problem, solver) : constraintRows(problem, solver);
    // Built-in mechanisms are direct mechanisms without disclosure: a calibrated problem has none to list.
    List<String> builtIns = problem.isCalibrated() ? List.of() : options.builtIns().names();
    for (String name : builtIns) {
      RowSolver.Key key = new RowSolver.Key("built-in/" + name, name, RowKind.BUILT_IN, null, null);
      tasks.add(timed(key, () -> solver.builtIn(key, problem, options.builtIns(), name)));
    }
    List<ComparisonRow> rows = run(tasks, options.jobs());
    return new Comparison(problem, options.exact(), rows, Gaps.of(problem, rows));
  }

  private static List<Callable<ComparisonRow>> constraintRows(Problem problem, RowSolver solver) {
    boolean privateValues = problem.hasPrivateValues();
    IcKind strict = privateValues ? IcKind.DSIC : IcKind.EX_POST;
    List<IcKind> ics = List.of(strict, IcKind.BIC);
    IcKind ownIc = ownIc(problem);
    IrKind ownIr = problem.mechanism().ir();
    boolean ownInGrid = ics.contains(ownIc) && IR_GRID.contains(ownIr);
    List<Callable<ComparisonRow>> tasks = new ArrayList<>();
    if (!ownInGrid) {
      RowSolver.Key key =
          new RowSolver.Key("as-given", "as given: " + icWords(problem.mechanism().ic()) + ", IR "
              + irWords(ownIr), RowKind.OPTIMUM, problem.mechanism().ic(), ownIr);
      tasks.add(own(timed(key, () -> solver.optimum(key, problem))));
    }
    for (RowKind kind : List.of(RowKind.OPTIMUM, RowKind.DETERMINISTIC)) {
      for (IcKind ic : ics) {
        for (IrKind ir : IR_GRID) {
          RowSolver.Key key = new RowSolver.Key(id(ic, ir, kind), label(ic, ir, kind), kind, ic, ir);
          Callable<ComparisonRow> task =
              timed(key, () -> solver.optimum(key, ProblemVariants.withConstraints(problem, ic, ir)));
          boolean own = kind == RowKind.OPTIMUM && ic == ownIc && ir == ownIr;
          tasks.add(own ? own(task) : task);
        }
      }
      if (kind == RowKind.OPTIMUM) {
        tasks.add(() -> privateValues
            ? ComparisonRow.unsolved("expost-ic", "ex post IC", RowKind.OPTIMUM, IcKind.EX_POST, null,
                RowStatus.SAME, "same as DSIC (with private values its rows are the DSIC rows)")
            : ComparisonRow.unsolved("dsic", "DSIC", RowKind.OPTIMUM, IcKind.DSIC, null, RowStatus.NOT_APPLICABLE,
                "values are interdependent: DSIC needs private values; ex post IC takes its place"));
      }
    }
    return tasks;
  }

  /** The problem's own IC kind in the grid's terms: ex post IC with private values is DSIC. */
  private static IcKind ownIc(Problem problem) {
    IcKind ic = problem.mechanism().ic();
    return ic == IcKind.EX_POST && problem.hasPrivateValues() ? IcKind.DSIC : ic;
  }

  private static List<Callable<ComparisonRow>> disclosureRows(Problem problem, RowSolver solver) {
    Disclosure ownDisclosure = problem.calibration().disclosure();
    List<Disclosure> policies = new ArrayList<>(List.of(Disclosure.FULL, Disclosure.NONE, Disclosure.OPTIMAL));
    if (ownDisclosure == Disclosure.FIXED) {
      policies.add(Disclosure.FIXED);
    }
    List<Callable<ComparisonRow>> tasks = new ArrayList<>();
    for (Disclosure d : policies) {
      RowSolver.Key key =
          new RowSolver.Key("disclosure/" + (d == Disclosure.FIXED ? "given" : d.json()), disclosureWords(d),
              RowKind.DISCLOSURE, problem.mechanism().ic(), problem.mechanism().ir());
      Callable<ComparisonRow> task =
          timed(key, () -> solver.disclosure(key, ProblemVariants.withDisclosure(problem, d)));
      tasks.add(d == ownDisclosure ? own(task) : task);
    }
    return tasks;
  }

  /** Runs the tasks on {@code jobs} threads and returns their rows in the tasks' order. */
  private static List<ComparisonRow> run(List<Callable<ComparisonRow>> tasks, int jobs) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(jobs, Math.max(1, tasks.size())), r -> {
      Thread t = new Thread(r, "mechlp-compare");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<ComparisonRow>> futures = new ArrayList<>();
      for (Callable<ComparisonRow> task : tasks) {
        futures.add(pool.submit(task));
      }
      List<ComparisonRow> rows = new ArrayList<>();
      for (Future<ComparisonRow> future : futures) {
        rows.add(future.get());
      }
      return rows;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("compare was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The task with its time recorded; a row whose solve throws (a request the pipeline refuses, a backend error)
   * becomes a failed row with the message, so one row never stops the others.
   */
  private static Callable<ComparisonRow> timed(RowSolver.Key key, Callable<ComparisonRow> task) {
    return () -> {
      long start = System.nanoTime();
      ComparisonRow row;
      try {
        row = task.call();
      } catch (RuntimeException e) {
        row = RowSolver.failed(key, e.getMessage() == null ? e.toString() : e.getMessage());
      }
      return row.withNanos(System.nanoTime() - start);
    };
  }

  private static Callable<ComparisonRow> own(Callable<ComparisonRow> task) {
    return () -> task.call().withOwn(true);
  }

  private static String id(IcKind ic, IrKind ir, RowKind kind) {
    return ic.json() + "/" + ir.json() + "-ir" + (kind == RowKind.DETERMINISTIC ? "/deterministic" : "");
  }

  private static String label(IcKind ic, IrKind ir, RowKind kind) {
    return icWords(ic) + ", IR " + irWords(ir) + (kind == RowKind.DETERMINISTIC ? ", deterministic" : "");
  }

  static String icWords(IcKind ic) {
    return switch (ic) {
      case DSIC -> "DSIC";
      case BIC -> "BIC";
      case EX_POST -> "ex post IC";
      case NONE -> "no IC";
      default -> ic.json();
    };
  }

  static String irWords(IrKind ir) {
    return switch (ir) {
      case EX_POST -> "ex post";
      case INTERIM -> "interim";
      case EX_ANTE -> "ex ante";
      default -> ir.json();
    };
  }

  private static String disclosureWords(Disclosure d) {
    return switch (d) {
      case FULL -> "full disclosure";
      case NONE -> "no disclosure";
      case OPTIMAL -> "optimal disclosure";
      case FIXED -> "the given signal";
    };
  }
}
