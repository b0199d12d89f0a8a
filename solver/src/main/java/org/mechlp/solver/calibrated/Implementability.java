package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.Problem;
import org.mechlp.model.StateMechanism;
import org.mechlp.solver.lp.BackendSettings;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.lp.LpSolver;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;
import org.mechlp.solver.verify.SolutionVerifier;
import org.mechlp.solver.verify.VerifiedLp;

/**
 * The outcome-level check C2 (docs/THEORY.md, Checking a calibrated mechanism): can some calibrated (two-stage)
 * mechanism produce the same outcome as a given state-dependent mechanism? Under private values the answer is exact:
 * yes iff every state's rule is IC and IR on its own (full transparency implements it). Otherwise a feasibility LP over
 * candidate posteriors decides: feasible means yes (with a witness); infeasible is inconclusive, since a posterior
 * outside the grid might be needed.
 *
 * @param verdict YES, NO or INCONCLUSIVE
 * @param reason how the verdict was reached
 */
public record Implementability(Verdict verdict, String reason) {
  /** The answer of C2. */
  public enum Verdict {
    YES,
    NO,
    INCONCLUSIVE
  }

  /** Decides C2 for {@code mechanism} in {@code problem} with OR-Tools. */
  public static Implementability check(Problem problem, StateMechanism mechanism, CheckOptions options) {
    return check(problem, mechanism, options, new OrToolsLpSolver());
  }

  /** Decides C2 with the given backend. */
  public static Implementability check(
      Problem problem, StateMechanism mechanism, CheckOptions options, LpSolver backend) {
    CalibratedData d = new CalibratedData(problem);
    if (d.agents > 1) {
      // Necessary for any calibrated mechanism, with any number of agents: its outcome satisfies standard BIC and
      // interim IR (docs/THEORY.md, Several agents: a public signal, "The standard bound").
      Verification standard =
          SolutionVerifier.verifyExact(StandardBoundLp.build(d),
              StandardBoundLp.point(StandardBoundLp.vertexLayout(d), mechanism), options.tolerance(),
              options.maxListedRows(), d.agents).verification();
      if (standard.violationCount() > 0) {
        return new Implementability(Verdict.NO, "the outcome violates standard BIC or interim IR ("
            + standard.worstRow() + "), which the outcome of every calibrated mechanism satisfies");
      }
    } else if (d.privateValues()) {
      // docs/THEORY.md, Checking a calibrated mechanism: under private values IC/IR sets are convex and belief-free, so
      // full transparency implements the outcome iff every state's own rule is IC and IR: C1 with every state in a cell
      // of its own. Pooling states with equal rules changes nothing here: with private values beliefs do not enter IC
      // or IR.
      CalibrationCheck perState = CalibrationCheck.check(problem, mechanism, options);
      return perState.passed()
          ? new Implementability(Verdict.YES, "private values: every state's rule is IC and IR on its own, so full"
              + " transparency implements the outcome")
          : new Implementability(Verdict.NO, "private values: some state's rule is not IC or IR on its own ("
              + perState.calibrated().worstRow() + "), and no calibrated mechanism can produce the outcome");
    }
    CalibrationSpec spec = problem.calibration() == null ? CalibrationSpec.optimal() : problem.calibration();
    List<BigFraction[]> candidates =
        PosteriorGrid.candidates(d.prior(), spec.gridResolution(), spec.maxDenominator());
    List<String> names = new ArrayList<>();
    for (int g = 0; g < candidates.size(); g++) {
      names.add("g" + (g + 1));
    }
    PosteriorLayout layout = new PosteriorLayout(d, candidates, names);
    LinearProgram base = PosteriorLp.build(layout, null);
    List<org.mechlp.solver.lp.ConstraintFamily> families = new ArrayList<>(base.families());
    families.add(new OutcomeMatchingFamily(layout, mechanism));
    BigFraction[] zero = new BigFraction[layout.columnCount()];
    java.util.Arrays.fill(zero, BigFraction.ZERO);
    LinearProgram feasibility =
        new LinearProgram(
            base.bounds(),
            base::columnName,
            new org.mechlp.solver.lp.LinearObjective(true, zero, BigFraction.ZERO),
            families);
    SolveOptions solve =
        new SolveOptions(BackendSettings.defaults(), Math.max(options.tolerance(), 1e-9), options.maxListedRows());
    VerifiedLp result = VerifiedLp.solve(feasibility, backend, solve, d.agents);
    if (result.status() == SolveStatus.OPTIMAL) {
      // The witness: the posteriors the two-stage mechanism uses, with their probabilities.
      List<String> used = new ArrayList<>();
      double[] x = result.result().primal();
      for (int g = 0; g < layout.count(); g++) {
        double weight = x[layout.weight(g)];
        if (weight > 1e-9) {
          used.add(
              layout.describePosterior(g)
                  + " with probability "
                  + String.format(java.util.Locale.ROOT, "%.6g", weight));
        }
      }
      return new Implementability(
          Verdict.YES,
          (d.agents > 1 ? "a public-signal two-stage mechanism (calibrated) produces the same outcome; it discloses"
              + " the posteriors " : "a two-stage mechanism produces the same outcome; it discloses the posteriors ")
              + String.join("; ", used));
    }
    return new Implementability(
        Verdict.INCONCLUSIVE,
        (d.agents > 1 ? "no public-signal two-stage mechanism over the " : "no two-stage mechanism over the ")
            + candidates.size()
            + " candidate posteriors produces the outcome ("
            + result.status()
            + "); a posterior outside the grid might (raise calibration.grid or calibration.maxDenominator)"
            + (d.agents > 1 ? ", and with several agents a calibrated mechanism need not use a public signal" : ""));
  }
}
