package org.mechlp.solver.reduced;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.Fractions;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.MechanismSpec;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Outcome;
import org.mechlp.model.Problem;
import org.mechlp.model.TransferSpec;
import org.mechlp.model.ValueFunction;

/**
 * The single-item structure of a problem, read from its valuations (never from outcome names): agent i values the
 * outcome {@code winOutcome[i]} at {@code base[i][θ] + gain[i][θ]} and every other outcome at {@code base[i][θ]}, no
 * outcome is a win for two agents, and at least one outcome ({@code nobodyOutcome}) is a win for nobody. Then agent
 * i's interim utility depends only on Q_i(θ_i), the interim probability of winning, and P_i(θ_i), the interim
 * payment, which is what makes the reduced form exact for BIC with independent types.
 *
 * @param problem the problem
 * @param winOutcome per agent, the outcome in which it gets the item
 * @param nobodyOutcome an outcome in which nobody gets the item (the expansion puts the unallocated mass there)
 * @param base per agent and type, the value of not getting the item
 * @param gain per agent and type, the value of getting the item minus {@code base}
 * @param typeProbability per agent and type, f_i(θ_i)
 */
public record ReducedForm(
    Problem problem,
    int[] winOutcome,
    int nobodyOutcome,
    BigFraction[][] base,
    BigFraction[][] gain,
    BigFraction[][] typeProbability) {

  /** Whether the reduced form solves {@code problem} exactly. */
  public static boolean applies(Problem problem) {
    return whyNot(problem).isEmpty();
  }

  /** Why the reduced form does not apply to {@code problem}, or empty when it does. */
  public static Optional<String> whyNot(Problem problem) {
    Object analysis = analyze(problem);
    return analysis instanceof String reason ? Optional.of(reason) : Optional.empty();
  }

  /** The reduced form of {@code problem}; throws IllegalArgumentException with the reason when it does not apply. */
  public static ReducedForm of(Problem problem) {
    Object analysis = analyze(problem);
    if (analysis instanceof String reason) {
      throw new IllegalArgumentException("the reduced form does not apply: " + reason);
    }
    return (ReducedForm) analysis;
  }

  /** Number of agents. */
  public int agentCount() {
    return winOutcome.length;
  }

  /** Number of types of {@code agent}. */
  public int typeCount(int agent) {
    return base[agent].length;
  }

  /** Returns a ReducedForm, or a String saying why none exists. */
  private static Object analyze(Problem problem) {
    MechanismSpec spec = problem.mechanism();
    if (problem.isCalibrated()) {
      return "calibrated problems are not supported";
    }
    if (spec.ic() != IcKind.BIC) {
      return "the reduced form needs ic = bic (got " + spec.ic().json() + ")";
    }
    if (spec.ir() == IrKind.EX_POST) {
      return "ex post IR constrains ex post payments; the reduced form supports ir = interim, exante or none";
    }
    if (!problem.prior().isIndependent()) {
      return "the prior is not independent across agents";
    }
    if (spec.budget() != BudgetKind.NONE && spec.budget() != BudgetKind.EX_ANTE
        && spec.budget() != BudgetKind.EX_ANTE_STRONG) {
      return "budget " + spec.budget().json() + " is ex post; the reduced form supports none, exante, exante-strong";
    }
    if (spec.hasFixedAllocation()) {
      return "the allocation is fixed";
    }
    if (!spec.pinnedUtilities().isEmpty()) {
      return "pinned utilities are not supported";
    }
    if (!spec.constraints().isEmpty()) {
      // A profile's outcome probability has no interim counterpart; interim terms would need their own rows.
      return "custom constraints (mechanism.constraints) are not expressed in the reduced form";
    }
    TransferSpec transfers = spec.transfers();
    if (!transfers.allowed()) {
      return "transfers are switched off";
    }
    for (TransferSpec.Bound b : transfers.bounds()) {
      if (b.lower() != null || b.upper() != null) {
        return "transfer bounds are ex post; the reduced form needs unbounded transfers";
      }
    }
    for (Outcome o : problem.outcomes()) {
      if (!Fractions.isZero(o.cost())) {
        return "outcome " + o.name() + " has a cost; the reduced form needs costless outcomes";
      }
    }
    if (problem.designerValue() != null
        && !Fractions.isZero(problem.objective().weight(ObjectiveTerm.DESIGNER))) {
      return "the objective weighs a designer value of outcomes";
    }
    int n = problem.agentCount();
    int m = problem.outcomeCount();
    int[] win = new int[n];
    BigFraction[][] base = new BigFraction[n][];
    BigFraction[][] gain = new BigFraction[n][];
    BigFraction[][] f = new BigFraction[n][];
    boolean[] taken = new boolean[m];
    for (int i = 0; i < n; i++) {
      ValueFunction v = problem.valuations().get(i);
      String name = problem.agents().get(i).name();
      if (v.scope() == ValueFunction.Scope.PROFILE) {
        return "agent " + name + " has interdependent values";
      }
      if (v.isStateDependent()) {
        return "agent " + name + "'s values depend on the state";
      }
      int k = problem.agents().get(i).typeCount();
      // Each outcome's value vector over the agent's own types; outcome o is read at a profile with type t.
      BigFraction[][] vectors = new BigFraction[m][k];
      for (int t = 0; t < k; t++) {
        for (int o = 0; o < m; o++) {
          vectors[o][t] = v.value(o, profileWithType(problem, i, t), 0, problem.profiles());
        }
      }
      List<BigFraction[]> distinct = new ArrayList<>();
      List<List<Integer>> groups = new ArrayList<>();
      for (int o = 0; o < m; o++) {
        int g = 0;
        while (g < distinct.size() && !Arrays.equals(distinct.get(g), vectors[o])) {
          g++;
        }
        if (g == distinct.size()) {
          distinct.add(vectors[o]);
          groups.add(new ArrayList<>());
        }
        groups.get(g).add(o);
      }
      if (distinct.size() != 2) {
        return "agent " + name + " values the outcomes in " + distinct.size()
            + " different ways; a single item needs exactly two (getting it or not)";
      }
      int winGroup;
      if (groups.get(0).size() == 1 && groups.get(1).size() > 1) {
        winGroup = 0;
      } else if (groups.get(1).size() == 1 && groups.get(0).size() > 1) {
        winGroup = 1;
      } else if (groups.get(0).size() == 1 && groups.get(1).size() == 1) {
        // Two outcomes only: the item is the one valued more in total (either reading is exact).
        winGroup = sum(distinct.get(1)).compareTo(sum(distinct.get(0))) >= 0 ? 1 : 0;
      } else {
        return "agent " + name + " values several outcomes as getting the item";
      }
      win[i] = groups.get(winGroup).get(0);
      if (taken[win[i]]) {
        return "outcome " + problem.outcomes().get(win[i]).name() + " gives the item to two agents";
      }
      taken[win[i]] = true;
      base[i] = distinct.get(1 - winGroup);
      gain[i] = new BigFraction[k];
      f[i] = new BigFraction[k];
      for (int t = 0; t < k; t++) {
        gain[i][t] = distinct.get(winGroup)[t].subtract(base[i][t]);
        f[i][t] = problem.prior().typeProbability(i, t);
      }
    }
    int nobody = -1;
    for (int o = 0; o < m && nobody < 0; o++) {
      if (!taken[o]) {
        nobody = o;
      }
    }
    if (nobody < 0) {
      return "every outcome gives the item to someone; the reduced form needs an outcome where nobody gets it";
    }
    return new ReducedForm(problem, win, nobody, base, gain, f);
  }

  private static int profileWithType(Problem problem, int agent, int type) {
    return problem.profiles().withType(0, agent, type);
  }

  private static BigFraction sum(BigFraction[] values) {
    BigFraction s = BigFraction.ZERO;
    for (BigFraction v : values) {
      s = s.add(v);
    }
    return s;
  }
}
