package org.mechlp.solver.families;

import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.WelfareWeights;

/**
 * The coefficients of a problem's weighted-sum objective under its reference prior. Every term is an expectation
 * under the prior of a truthful report, with the state summed as sum_ω f(θ,ω) v(o,θ,ω) = f(θ) ū(o,θ):
 *
 * <pre>
 * REVENUE        sum_θ f(θ) sum_i t_i(θ)
 * COST           sum_θ f(θ) sum_o cost(o) x(o|θ)
 * PROFIT         REVENUE - COST
 * WELFARE        sum_θ sum_o x(o|θ) f(θ) [sum_i w_i(θ_i) ū_i(o,θ) - cost(o)] + sum_θ f(θ) sum_i (1 - w_i(θ_i)) t_i(θ)
 * AGENT_UTILITY  sum_θ sum_o x(o|θ) f(θ) sum_i ū_i(o,θ) - REVENUE
 * DESIGNER       sum_θ sum_o x(o|θ) f(θ) ū_0(o,θ)
 * </pre>
 *
 * The welfare weights w_i(θ_i) are 1 unless the objective gives {@link WelfareWeights}; then the agents' utilities are
 * weighted and the designer's money counts at weight 1, so transfers no longer cancel (docs/THEORY.md, Robust and
 * Rawlsian objectives). Transfer terms appear only when the problem has transfers; a feasibility objective (no terms)
 * has all coefficients 0, and so has the epigraph column.
 */
public final class ObjectiveCoefficients {
  private ObjectiveCoefficients() {}

  /** One coefficient per column of {@code variables} (the epigraph column, if any, gets 0). */
  public static BigFraction[] of(Problem problem, VariableIndex variables) {
    Objective objective = problem.objective();
    BigFraction[] c = new BigFraction[variables.columnCount()];
    Arrays.fill(c, BigFraction.ZERO);
    BigFraction revenue = objective.weight(ObjectiveTerm.REVENUE);
    BigFraction cost = objective.weight(ObjectiveTerm.COST);
    BigFraction profit = objective.weight(ObjectiveTerm.PROFIT);
    BigFraction welfare = objective.weight(ObjectiveTerm.WELFARE);
    BigFraction agentUtility = objective.weight(ObjectiveTerm.AGENT_UTILITY);
    BigFraction designer = objective.weight(ObjectiveTerm.DESIGNER);
    WelfareWeights weights = objective.welfareWeights();
    // Per unit of f(θ): weight on each agent's value, on cost, on each transfer (before welfare weights).
    BigFraction valueWeight = welfare.add(agentUtility);
    BigFraction costWeight = cost.subtract(profit).subtract(welfare);
    BigFraction transferWeight = revenue.add(profit).subtract(agentUtility);
    boolean values = !Fractions.isZero(valueWeight);
    boolean designerValue = !Fractions.isZero(designer) && problem.designerValue() != null;

    TypeProfiles profiles = variables.profiles();
    Prior prior = problem.prior();
    int n = problem.agentCount();
    BigFraction[] agentValueWeight = new BigFraction[n];
    BigFraction[] agentTransferWeight = new BigFraction[n];
    Arrays.fill(agentValueWeight, valueWeight);
    Arrays.fill(agentTransferWeight, transferWeight);
    for (int p = 0; p < profiles.count(); p++) {
      BigFraction f = prior.profileProbability(p);
      if (Fractions.isZero(f)) {
        continue;
      }
      if (weights != null) {
        // welfare * [w (v - t) + t] = welfare * w * v + welfare * (1 - w) * t for each agent.
        for (int i = 0; i < n; i++) {
          BigFraction w = weights.weight(i, profiles.typeOf(p, i));
          agentValueWeight[i] = agentUtility.add(welfare.multiply(w));
          agentTransferWeight[i] = transferWeight.add(welfare.multiply(BigFraction.ONE.subtract(w)));
        }
      }
      for (int o = 0; o < problem.outcomeCount(); o++) {
        BigFraction perUnit = costWeight.multiply(problem.outcomes().get(o).cost());
        if (values || weights != null) {
          BigFraction sum = BigFraction.ZERO;
          for (int i = 0; i < n; i++) {
            if (!Fractions.isZero(agentValueWeight[i])) {
              sum = sum.add(agentValueWeight[i].multiply(problem.expectedValue(i, o, p, profiles)));
            }
          }
          perUnit = perUnit.add(sum);
        }
        if (designerValue) {
          perUnit = perUnit.add(designer.multiply(problem.expectedDesignerValue(o, p, profiles)));
        }
        c[variables.allocation(p, o)] = f.multiply(perUnit);
      }
      if (variables.hasTransfers()) {
        for (int i = 0; i < n; i++) {
          c[variables.transfer(p, i)] = f.multiply(agentTransferWeight[i]);
        }
      }
    }
    return c;
  }
}
