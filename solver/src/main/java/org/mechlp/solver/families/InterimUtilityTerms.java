package org.mechlp.solver.families;

import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;

/**
 * The terms of an agent's interim utility under truthful reports, E[v_i(x) - t_i | theta_i = t], written with the
 * conditional weights f(profile) / f_i(t) so that a row in them is in the problem's units. Interim IR and pinned
 * utilities both constrain this expression.
 */
final class InterimUtilityTerms {
  private InterimUtilityTerms() {}

  /** Adds agent {@code i}'s interim utility at type {@code t} (whose probability must be positive) to {@code row}. */
  static void add(RowBuilder row, Problem problem, VariableIndex variables, int i, int t) {
    add(row, problem, variables, i, t, BigFraction.ONE);
  }

  /** Adds {@code scale} times agent {@code i}'s interim utility at type {@code t} to {@code row}. */
  static void add(RowBuilder row, Problem problem, VariableIndex variables, int i, int t, BigFraction scale) {
    BigFraction typeProbability = problem.prior().typeProbability(i, t);
    for (int p : variables.profiles().profilesWith(i, t)) {
      BigFraction weight = scale.multiply(problem.prior().profileProbability(p)).divide(typeProbability);
      if (Fractions.isZero(weight)) {
        continue;
      }
      for (int o = 0; o < problem.outcomeCount(); o++) {
        row.add(variables.allocation(p, o), weight.multiply(problem.expectedValue(i, o, p, variables.profiles())));
      }
      if (variables.hasTransfers()) {
        row.add(variables.transfer(p, i), weight.negate());
      }
    }
  }
}
