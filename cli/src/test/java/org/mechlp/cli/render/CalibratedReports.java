package org.mechlp.cli.render;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.AgentType;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.MechanismSpec;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Outcome;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.State;
import org.mechlp.model.TransferSpec;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.ValueFunction;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.SignalRule;
import org.mechlp.solver.report.LpSize;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.report.Verification;

/** Hand-built calibrated reports, with solver-like residues, for the renderer tests. */
final class CalibratedReports {
  private CalibratedReports() {}

  /**
   * docs/THEORY.md, Calibrated examples, example C at prior 1/2 built from the model records: states "0" and "1" with
   * prior 1/2 each; one buyer with types t0, t1 of probability 1/2 each, independent of the state; t0 values the good 3
   * in state 0 and 1 in state 1, t1 values it 1 and 2; BIC and interim IR, with the given calibration, objective and
   * transfers.
   */
  static Problem exampleC(CalibrationSpec calibration, Objective objective, boolean transfers) {
    int[][] values = {{3, 1}, {1, 2}};
    BigFraction quarter = new BigFraction(1, 4);
    BigFraction[][][] table = new BigFraction[2][2][2];
    Map<Long, BigFraction> joint = new HashMap<>();
    for (int t = 0; t < 2; t++) {
      for (int w = 0; w < 2; w++) {
        table[t][w][0] = BigFraction.ZERO;
        table[t][w][1] = new BigFraction(values[t][w]);
        joint.put((long) t * 2 + w, quarter);
      }
    }
    List<Agent> agents =
        List.of(new Agent("buyer", List.of(new AgentType("t0", Map.of()), new AgentType("t1", Map.of()))));
    MechanismSpec spec =
        new MechanismSpec(
            IcKind.BIC,
            IrKind.INTERIM,
            List.of(Collections.nCopies(2, BigFraction.ZERO)),
            BudgetKind.NONE,
            BigFraction.ZERO,
            transfers ? TransferSpec.free(1) : new TransferSpec(false, List.of(TransferSpec.Bound.FREE)),
            null);
    return new Problem(
        "calibrated-example-c",
        "",
        agents,
        List.of(new State("0", Map.of()), new State("1", Map.of())),
        true,
        List.of(Outcome.of("none"), Outcome.of("buyer")),
        Prior.joint(TypeProfiles.of(agents), 2, joint),
        List.of(new ValueFunction(ValueFunction.Scope.OWN_TYPE, 0, table)),
        null,
        spec,
        objective,
        calibration);
  }

  /** Example C with optimal disclosure and the default grid, maximizing revenue. */
  static Problem exampleC() {
    return exampleC(CalibrationSpec.optimal(), Objective.maximize(ObjectiveTerm.REVENUE), true);
  }

  /**
   * The optimum of example C as a solver returns it (docs/THEORY.md, Calibrated examples, example C table, row 0.5):
   * revenue 1.625 from posteriors P(state 1) = 0 with weight 1/4 (price 3: only t0 buys) and 2/3 with weight 3/4 (price
   * 5/3: both buy). The signal structure is pi(s | w) = weight * posterior(w) / prior(w): s1 gets 1/4 * 1 / (1/2) = 1/2
   * of state 0 and none of state 1; s2 gets 3/4 * (1/3) / (1/2) = 1/2 of state 0 and 3/4 * (2/3) / (1/2) = 1 of state
   * 1. Full transparency 1.25, no disclosure 1.5, standard bound 1.625 (docs/THEORY.md, Calibrated examples).
   */
  static CalibratedReport exampleCOptimum(Problem problem, boolean exact, String exactness) {
    List<SignalRule> signals =
        List.of(
            new SignalRule(
                "s1",
                0.25000000000000006,
                new double[] {1.0, 0.0},
                new double[][] {{1e-17, 1.0}, {1.0, 0.0}},
                new double[] {3.0000000000000004, -0.0}),
            new SignalRule(
                "s2",
                0.75,
                new double[] {1.0 / 3, 2.0 / 3},
                new double[][] {{0.0, 1.0}, {0.0, 0.9999999999999998}},
                new double[] {5.0 / 3, 1.6666666666666663}));
    Map<String, Long> counts = new LinkedHashMap<>();
    Verification verification =
        new Verification(0.0, null, 40, false, null, List.of(), 0, List.of(), counts, 1.625, 1e-6);
    return new CalibratedReport(
        problem,
        SolveStatus.OPTIMAL,
        1.6250000000000002,
        exact,
        exactness,
        signals,
        new double[][] {{0.5, 0.0}, {0.5, 1.0}},
        1.25,
        1.5,
        1.625,
        new LpSize(170, 155, 600),
        31,
        verification,
        "Glop solver v9.14.6206",
        4_000_000L,
        12_340_000L,
        1_000_000L,
        "refined the grid around the used posteriors 1 time (51 candidates)");
  }

  /** The exact optimum of example C (the value equals the standard BIC bound). */
  static CalibratedReport exampleCOptimum() {
    return exampleCOptimum(
        exampleC(),
        true,
        "exact: equals the standard BIC bound, which no calibrated mechanism can exceed (docs/THEORY.md, sandwich)");
  }

  /** An infeasible calibrated solve: no point, no signals, no benchmarks. */
  static CalibratedReport infeasible(Problem problem) {
    return new CalibratedReport(
        problem,
        SolveStatus.INFEASIBLE,
        null,
        false,
        "lower bound: the best two-stage mechanism over 31 candidate posteriors",
        List.of(),
        new double[0][],
        null,
        null,
        null,
        new LpSize(170, 155, 600),
        31,
        null,
        "Glop solver v9.14.6206",
        4_000_000L,
        1_000_000L,
        0L,
        "");
  }
}
