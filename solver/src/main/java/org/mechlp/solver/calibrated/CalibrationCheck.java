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
    if (mechanism.states() != d.states || mechanism.types() != d.types || mechanism.outcomes() != d.outcomes
        || mechanism.agents() != d.agents) {
      throw new IllegalArgumentException("the mechanism's dimensions do not match the problem");
    }
    CalibrationSpec spec = problem.calibration() == null ? CalibrationSpec.optimal() : problem.calibration();
    if (d.agents > 1) {
      return severalAgents(d, spec, mechanism, options);
    }
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

  /**
   * C1 for several agents (docs/THEORY.md, Several agents: a public signal, "Checking a mechanism"): agent i of type
   * θ_i, facing the others' types drawn from p(θ_-i | w, θ_i) each period, learns in state w its interim rule: for each
   * report r, the law of the outcome, sum_{θ_-i} p(θ_-i | w, θ_i) q(· | w, r, θ_-i), and (with observePayments) its
   * expected payment; with typesRedrawn also the law of its own type p_i(· | w). It can tell apart exactly the states
   * whose rules differ; IC and IR must hold within each such cell. Each cell is listed as {@code agent:type@state}.
   */
  private static CalibrationCheck severalAgents(
      CalibratedData d, CalibrationSpec spec, StateMechanism mechanism, CheckOptions options) {
    PosteriorLayout layout = StandardBoundLp.vertexLayout(d);
    int[][][] cellOf = new int[d.agents][][];
    // members[agent][type][cell] = the vertices of the cell.
    List<List<List<List<Integer>>>> members = new ArrayList<>();
    List<List<String>> cellStates = new ArrayList<>();
    for (int i = 0; i < d.agents; i++) {
      int k = d.profiles.typeCount(i);
      cellOf[i] = new int[k][layout.count()];
      List<List<List<Integer>>> perType = new ArrayList<>();
      for (int t = 0; t < k; t++) {
        Map<List<BigFraction>, List<Integer>> partition = new LinkedHashMap<>();
        for (int g = 0; g < layout.count(); g++) {
          List<BigFraction> key = interimRule(d, spec, mechanism, i, t, StandardBoundLp.stateOf(layout, g));
          partition.computeIfAbsent(key, x -> new ArrayList<>()).add(g);
        }
        List<List<Integer>> cells = new ArrayList<>(partition.values());
        for (int c = 0; c < cells.size(); c++) {
          for (int g : cells.get(c)) {
            cellOf[i][t][g] = c;
          }
          // Only the states where this type occurs: the others teach it nothing and constrain nothing.
          List<String> states = new ArrayList<>();
          for (int g : cells.get(c)) {
            if (!Fractions.isZero(layout.agentTypeProbability(g, i, t))) {
              states.add(d.agentName(i) + ":" + d.agentTypeName(i, t) + "@"
                  + d.stateName(StandardBoundLp.stateOf(layout, g)));
            }
          }
          if (!states.isEmpty()) {
            cellStates.add(states);
          }
        }
        perType.add(cells.stream().map(List::copyOf).toList());
      }
      members.add(perType);
    }
    StandardBoundLp.Cells cells =
        new StandardBoundLp.Cells() {
          @Override
          public int cell(int agent, int type, int g) {
            return cellOf[agent][type][g];
          }

          @Override
          public String name(int agent, int type, int cell) {
            List<String> names = new ArrayList<>();
            for (int g : members.get(agent).get(type).get(cell)) {
              names.add(d.stateName(StandardBoundLp.stateOf(layout, g)));
            }
            return String.join("+", names);
          }
        };
    BigFraction[] x = StandardBoundLp.point(layout, mechanism);
    Verification calibrated =
        SolutionVerifier.verifyExact(StandardBoundLp.build(d, cells), x, options.tolerance(),
            options.maxListedRows(), d.agents).verification();
    Verification standard =
        SolutionVerifier.verifyExact(StandardBoundLp.build(d), x, options.tolerance(), options.maxListedRows(),
            d.agents).verification();
    return new CalibrationCheck(cellStates, calibrated.violationCount() == 0, calibrated, standard);
  }

  /**
   * What agent i of type t learns in state w: per report r and outcome x, sum over the others' types of p(θ_-i | w,
   * t) q(x | w, r, θ_-i); then the expected payments (with observePayments); then p_i(· | w) (with typesRedrawn). A
   * state where type t has probability 0 teaches that type nothing: its rule is the empty list.
   */
  private static List<BigFraction> interimRule(
      CalibratedData d, CalibrationSpec spec, StateMechanism mechanism, int i, int t, int w) {
    int k = d.profiles.typeCount(i);
    BigFraction own = BigFraction.ZERO;
    for (int p : d.profiles.profilesWith(i, t)) {
      own = own.add(d.likelihood[w][p]);
    }
    List<BigFraction> rule = new ArrayList<>();
    if (Fractions.isZero(own)) {
      return rule;
    }
    boolean payments = spec.observePayments() && d.transfers;
    for (int r = 0; r < k; r++) {
      BigFraction[] law = new BigFraction[d.outcomes + (payments ? 1 : 0)];
      java.util.Arrays.fill(law, BigFraction.ZERO);
      for (int p : d.profiles.profilesWith(i, t)) {
        BigFraction weight = d.likelihood[w][p].divide(own);
        if (Fractions.isZero(weight)) {
          continue;
        }
        int lie = d.profiles.withType(p, i, r);
        for (int o = 0; o < d.outcomes; o++) {
          law[o] = law[o].add(weight.multiply(mechanism.allocation(w, lie, o)));
        }
        if (payments) {
          law[d.outcomes] = law[d.outcomes].add(weight.multiply(mechanism.transfer(w, lie, i)));
        }
      }
      rule.addAll(List.of(law));
    }
    if (spec.typesRedrawn()) {
      for (int s = 0; s < k; s++) {
        BigFraction q = BigFraction.ZERO;
        for (int p : d.profiles.profilesWith(i, s)) {
          q = q.add(d.likelihood[w][p]);
        }
        rule.add(q);
      }
    }
    return rule;
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
