package org.mechlp.api;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.mechlp.model.InvalidInputException;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Problem;
import org.mechlp.model.json.MechanismJson;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.compare.ClassicBuiltIns;
import org.mechlp.solver.compare.CompareOptions;
import org.mechlp.solver.compare.Comparison;
import org.mechlp.solver.compare.Comparisons;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.pipeline.CalibratedExactSolve;
import org.mechlp.solver.pipeline.CalibratedSolve;
import org.mechlp.solver.pipeline.DeterministicSolve;
import org.mechlp.solver.pipeline.ExactSolve;
import org.mechlp.solver.pipeline.RangeSolve;
import org.mechlp.solver.pipeline.Refused;
import org.mechlp.solver.pipeline.SolveOutcome;
import org.mechlp.solver.pipeline.SolvePipeline;
import org.mechlp.solver.pipeline.SolveRequest;
import org.mechlp.solver.pipeline.StandardSolve;
import org.mechlp.solver.report.CheckReport;

/**
 * mechlp from Java, JShell or a notebook, without the command line: read a problem (from a file, a string or a
 * {@link ProblemBuilder}), solve it, check a mechanism, and read the answers as records.
 *
 * <pre>{@code
 * Problem problem = Mechlp.read(Path.of("instances/myerson-two-bidders.json"));
 * SolveOutcome outcome = Mechlp.solve(problem);            // verified; certified exactly when small
 * Mechanism mechanism = Mechlp.mechanism(outcome).orElseThrow();
 * CheckReport check = Mechlp.check(problem, mechanism, 0);  // every row, exactly
 * System.out.println(outcome.status() + " " + check.passed());
 * }</pre>
 *
 * <p>{@link #solve(Problem)} runs the same pipeline as {@code mechlp solve}: the answer is an instance of one of the
 * records of {@link SolveOutcome} ({@link StandardSolve}, {@link ExactSolve}, {@link CalibratedSolve}, ...), whose
 * fields hold the status, objective, mechanism, interim view, verification and strategy. For options (backend, time
 * limit, tolerance, strategy, {@code --exact}, a mode such as {@code range}), build a {@link SolveRequest} with
 * {@link #request(Problem)} and its {@code with...} methods and pass it to {@link #solve(SolveRequest)}.
 *
 * <p>Bad input throws {@link InvalidInputException}, whose issues name the JSON path and what is wrong; a request that
 * cannot run as asked throws {@link org.mechlp.solver.pipeline.InvalidRequestException}.
 */
public final class Mechlp {
  private Mechlp() {}

  /** Reads and validates a problem file (format {@code mechlp/1}, docs/FORMAT.md). */
  public static Problem read(Path file) throws IOException, InvalidInputException {
    return ProblemReader.read(file);
  }

  /** Reads and validates a problem given as JSON text; {@code sourceName} names it in messages. */
  public static Problem parse(String json, String sourceName) throws InvalidInputException {
    return ProblemReader.read(json, sourceName);
  }

  /** A builder of a problem named {@code name}, validated like a file when built. */
  public static ProblemBuilder problem(String name) {
    return new ProblemBuilder(name);
  }

  /** The default request for {@code problem}: the mode that fits it, default options, diagnosis of infeasibility. */
  public static SolveRequest request(Problem problem) {
    return SolveRequest.of(problem);
  }

  /** Solves {@code problem} as {@code mechlp solve} does without options. */
  public static SolveOutcome solve(Problem problem) {
    return solve(request(problem));
  }

  /** Solves {@code request}: a problem with its options and mode. */
  public static SolveOutcome solve(SolveRequest request) {
    return SolvePipeline.solve(request);
  }

  /**
   * The mechanism of an answer: the optimal one (or, for a range, the one of the problem's own sense), or empty when
   * there is none (infeasible, refused) or the answer is a calibrated rule per signal.
   */
  public static Optional<Mechanism> mechanism(SolveOutcome outcome) {
    Mechanism mechanism = null;
    if (outcome instanceof StandardSolve s) {
      mechanism = s.report().mechanism();
    } else if (outcome instanceof ExactSolve e) {
      mechanism = e.exact().report().mechanism();
    } else if (outcome instanceof DeterministicSolve d) {
      mechanism = d.report().deterministic().mechanism();
    } else if (outcome instanceof RangeSolve r) {
      mechanism = r.report().ownSense().mechanism();
    } else if (outcome instanceof CalibratedSolve || outcome instanceof CalibratedExactSolve
        || outcome instanceof Refused) {
      mechanism = null;
    }
    return Optional.ofNullable(mechanism);
  }

  /**
   * Compares the solution concepts of {@code problem} as {@code mechlp compare} does: the optimum under each IC and
   * IR constraint, randomized and deterministic, the built-in mechanisms that apply, and for a calibrated problem
   * full, no and optimal disclosure, each row verified, with the named gaps (README, "Comparing mechanisms").
   */
  public static Comparison compare(Problem problem) {
    return compare(problem, CompareOptions.defaults(ClassicBuiltIns.INSTANCE));
  }

  /** Compares with the given options (backend, tolerance, exact certification, threads, built-in mechanisms). */
  public static Comparison compare(Problem problem, CompareOptions options) {
    return Comparisons.compare(problem, options);
  }

  /**
   * Checks {@code mechanism} against every constraint of {@code problem}, with {@code tolerance} in the problem's
   * units; an exact mechanism is checked in exact arithmetic (tolerance 0 demands that every row hold exactly).
   */
  public static CheckReport check(Problem problem, Mechanism mechanism, double tolerance) {
    return MechanismChecker.check(problem, mechanism, new CheckOptions(tolerance, CheckOptions.defaults().maxListedRows()));
  }

  /** Checks {@code mechanism} with the default tolerance (1e-6). */
  public static CheckReport check(Problem problem, Mechanism mechanism) {
    return MechanismChecker.check(problem, mechanism, CheckOptions.defaults());
  }

  /** Reads a mechanism for {@code problem} from JSON text (format {@code mechlp-mechanism/1}, or a solve report). */
  public static Mechanism parseMechanism(Problem problem, String json, String sourceName)
      throws InvalidInputException {
    return MechanismJson.read(json, sourceName, problem);
  }

  /** The JSON text of {@code mechanism} (format {@code mechlp-mechanism/1}), exact values as fractions. */
  public static String mechanismJson(Problem problem, Mechanism mechanism) {
    return MechanismJson.toJson(problem, mechanism).toPrettyString();
  }
}
