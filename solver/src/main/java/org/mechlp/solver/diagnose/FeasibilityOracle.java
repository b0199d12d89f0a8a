package org.mechlp.solver.diagnose;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * Answers "can these rows hold together?" for subsets of one LP's rows, over that LP's columns and bounds: each
 * question is one verified LP solve with a zero objective. A claimed feasible point is re-checked by the verifier,
 * so a point that only the backend's tolerances accept counts as UNKNOWN, not FEASIBLE. Counts its solves and
 * knows the diagnosis deadline.
 */
final class FeasibilityOracle {
  /** The answer to one feasibility question. */
  enum Verdict {
    FEASIBLE,
    INFEASIBLE,
    UNKNOWN
  }

  private final LinearProgram lp;
  private final LpSolver backend;
  private final SolveOptions options;
  private final int agentCount;
  private final long deadlineNanos;
  private int solves;

  /**
   * An oracle over the columns of {@code lp}.
   *
   * @param deadlineNanos the {@link System#nanoTime()} after which {@link #pastDeadline()} is true
   */
  FeasibilityOracle(LinearProgram lp, LpSolver backend, SolveOptions options, int agentCount, long deadlineNanos) {
    this.lp = Objects.requireNonNull(lp, "lp");
    this.backend = Objects.requireNonNull(backend, "backend");
    this.options = Objects.requireNonNull(options, "options");
    this.agentCount = agentCount;
    this.deadlineNanos = deadlineNanos;
  }

  /** Whether the rows of {@code families}, with the LP's column bounds, have a common point. */
  Verdict test(List<ConstraintFamily> families) {
    BigFraction[] zero = new BigFraction[lp.columnCount()];
    Arrays.fill(zero, BigFraction.ZERO);
    LinearProgram question =
        new LinearProgram(
            lp.bounds(), lp::columnName, new LinearObjective(false, zero, BigFraction.ZERO), families);
    return verdict(solve(question));
  }

  /** Solves and verifies {@code program} (any objective), counting the solve. */
  VerifiedLp solve(LinearProgram program) {
    solves++;
    return VerifiedLp.solve(program, backend, options, agentCount);
  }

  /** The verdict of a verified solve: FEASIBLE only for a verified point. */
  static Verdict verdict(VerifiedLp solved) {
    return switch (solved.status()) {
      case OPTIMAL -> Verdict.FEASIBLE;
      case INFEASIBLE -> Verdict.INFEASIBLE;
      default -> Verdict.UNKNOWN;
    };
  }

  /** The LP whose columns and bounds every question uses. */
  LinearProgram lp() {
    return lp;
  }

  /** Whether the diagnosis has used up its time. */
  boolean pastDeadline() {
    return System.nanoTime() - deadlineNanos > 0;
  }

  /** LP solves so far. */
  int solves() {
    return solves;
  }
}
