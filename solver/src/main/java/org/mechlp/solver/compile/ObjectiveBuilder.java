package org.mechlp.solver.compile;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.families.VariableIndex;
import org.mechlp.solver.lp.LinearObjective;

/**
 * Builds the LP objective from the problem's objective terms. Every term is an expectation under the prior of a
 * truthful report, with the state summed as sum_ω f(θ,ω) v(o,θ,ω) = f(θ) ū(o,θ):
 *
 * <pre>
 * REVENUE        sum_θ f(θ) sum_i t_i(θ)
 * COST           sum_θ f(θ) sum_o cost(o) x(o|θ)
 * PROFIT         REVENUE - COST
 * WELFARE        sum_θ sum_o x(o|θ) f(θ) [sum_i ū_i(o,θ) - cost(o)]
 * AGENT_UTILITY  sum_θ sum_o x(o|θ) f(θ) sum_i ū_i(o,θ) - REVENUE
 * DESIGNER       sum_θ sum_o x(o|θ) f(θ) ū_0(o,θ)
 * </pre>
 *
 * The objective is the weighted sum of these with constant 0; transfer terms appear only when the problem has
 * transfers, and a feasibility objective (no terms) has all coefficients 0.
 */
public final class ObjectiveBuilder {
  private ObjectiveBuilder() {}

  /** The objective of {@code problem} over its columns. */
  public static LinearObjective build(Problem problem, VariableIndex variables) {
    Objective objective = problem.objective();
    BigFraction[] c = new BigFraction[variables.columnCount()];
    Arrays.fill(c, BigFraction.ZERO);
    BigFraction revenue = objective.weight(ObjectiveTerm.REVENUE);
    BigFraction cost = objective.weight(ObjectiveTerm.COST);
    BigFraction profit = objective.weight(ObjectiveTerm.PROFIT);
    BigFraction welfare = objective.weight(ObjectiveTerm.WELFARE);
    BigFraction agentUtility = objective.weight(ObjectiveTerm.AGENT_UTILITY);
    BigFraction designer = objective.weight(ObjectiveTerm.DESIGNER);
    // Per unit of f(θ): weight on each agent's value, on cost, on each transfer.
    BigFraction valueWeight = welfare.add(agentUtility);
    BigFraction costWeight = cost.subtract(profit).subtract(welfare);
    BigFraction transferWeight = revenue.add(profit).subtract(agentUtility);
    boolean values = !Fractions.isZero(valueWeight);
    boolean designerValue = !Fractions.isZero(designer) && problem.designerValue() != null;

    TypeProfiles profiles = variables.profiles();
    Prior prior = problem.prior();
    for (int p = 0; p < profiles.count(); p++) {
      BigFraction f = prior.profileProbability(p);
      if (Fractions.isZero(f)) {
        continue;
      }
      for (int o = 0; o < problem.outcomeCount(); o++) {
        BigFraction perUnit = costWeight.multiply(problem.outcomes().get(o).cost());
        if (values) {
          BigFraction sum = BigFraction.ZERO;
          for (int i = 0; i < problem.agentCount(); i++) {
            sum = sum.add(problem.expectedValue(i, o, p, profiles));
          }
          perUnit = perUnit.add(valueWeight.multiply(sum));
        }
        if (designerValue) {
          perUnit = perUnit.add(designer.multiply(problem.expectedDesignerValue(o, p, profiles)));
        }
        c[variables.allocation(p, o)] = f.multiply(perUnit);
      }
      if (variables.hasTransfers()) {
        BigFraction t = f.multiply(transferWeight);
        for (int i = 0; i < problem.agentCount(); i++) {
          c[variables.transfer(p, i)] = t;
        }
      }
    }
    return new LinearObjective(objective.maximize(), c, BigFraction.ZERO);
  }
}
