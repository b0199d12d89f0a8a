package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.model.StateMechanism;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.report.Verification;
import org.mechlp.solver.verify.SolutionVerifier;

/**
 * The direct calibration check C1 of a state-dependent mechanism (docs/THEORY.md, Checking a calibrated mechanism): an
 * agent who uses the mechanism repeatedly learns the interim rule of the realized state, so it can tell apart exactly
 * the states whose rules differ. The check partitions the states by exact equality of their interim rules (lotteries,
 * plus payments when the agent observes them; plus the type distribution p(· | w) when types are redrawn each period),
 * then requires IC and IR within every cell given the agent's belief over the cell's states. It also reports the
 * standard BIC check (the agent knows only its type), which every calibrated mechanism passes (docs/THEORY.md,
 * sandwich).
 *
 * @param cells the cells of the partition, as state names, in order of their first state
 * @param passed true when no cell's IC or IR row is violated beyond the tolerance
 * @param calibrated the verification of the rows within the cells
 * @param standard the verification of the standard BIC and interim IR rows (the agent does not learn the cell)
 */
public record CalibrationCheck(
    List<List<String>> cells, boolean passed, Verification calibrated, Verification standard) {
  public CalibrationCheck {
    cells = cells.stream().map(List::copyOf).toList();
  }

  /** Checks {@code mechanism} against the calibrated {@code problem}'s IC and IR. */
  public static CalibrationCheck check(Problem problem, StateMechanism mechanism, CheckOptions options) {
    CalibratedData d = new CalibratedData(problem);
    d.requireSingleAgent("the calibration check C1");
    if (mechanism.states() != d.states || mechanism.types() != d.types || mechanism.outcomes() != d.outcomes) {
      throw new IllegalArgumentException("the mechanism's dimensions do not match the problem");
    }
    CalibrationSpec spec = problem.calibration() == null ? CalibrationSpec.optimal() : problem.calibration();
    Map<List<BigFraction>, List<Integer>> partition = new LinkedHashMap<>();
    for (int w = 0; w < d.states; w++) {
      if (Fractions.isZero(d.statePrior[w])) {
        // A state that never occurs teaches nothing and constrains nothing.
        continue;
      }
      List<BigFraction> key = new ArrayList<>(mechanism.interimRule(w, spec.observePayments() && d.transfers));
      if (spec.typesRedrawn()) {
        key.addAll(List.of(d.likelihood[w]));
      }
      partition.computeIfAbsent(key, k -> new ArrayList<>()).add(w);
    }
    List<int[]> cells = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<List<String>> cellStates = new ArrayList<>();
    for (List<Integer> cell : partition.values()) {
      cells.add(cell.stream().mapToInt(Integer::intValue).toArray());
      List<String> states = new ArrayList<>();
      for (int w : cell) {
        states.add(d.stateName(w));
      }
      cellStates.add(states);
      names.add(String.join("+", states));
    }
    BigFraction[] x = point(d, mechanism);
    LinearProgram byCell = StateContingentLp.build(d, cells, names);
    LinearProgram pooled = StateContingentLp.build(d);
    Verification calibrated =
        SolutionVerifier.verifyExact(byCell, x, options.tolerance(), options.maxListedRows(), 1).verification();
    Verification standard =
        SolutionVerifier.verifyExact(pooled, x, options.tolerance(), options.maxListedRows(), 1).verification();
    return new CalibrationCheck(cellStates, calibrated.violationCount() == 0, calibrated, standard);
  }

  /** The mechanism in the column layout of {@link StateContingentLp}. */
  private static BigFraction[] point(CalibratedData d, StateMechanism mechanism) {
    int allocationColumns = d.states * d.types * d.outcomes;
    BigFraction[] x = new BigFraction[allocationColumns + (d.transfers ? d.states * d.types : 0)];
    for (int w = 0; w < d.states; w++) {
      for (int t = 0; t < d.types; t++) {
        for (int o = 0; o < d.outcomes; o++) {
          x[(w * d.types + t) * d.outcomes + o] = mechanism.allocation(w, t, o);
        }
        if (d.transfers) {
          x[allocationColumns + w * d.types + t] = mechanism.transfer(w, t);
        }
      }
    }
    return x;
  }
}
