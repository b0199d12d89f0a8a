package org.mechlp.solver.report;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.report.InterimRow;

/**
 * Interim quantities of a mechanism under truth-telling: for agent i of type θ_i (with f_i(θ_i) > 0), the expected
 * outcome lottery sum_{θ_-i} f(θ_-i | θ_i) x(·|θ), the expected payment and the expected utility, where values are
 * averaged over the state given the profile. Types of probability 0 have no interim view and are left out.
 */
public final class InterimSummary {
  private InterimSummary() {}

  /** The interim rows of {@code mechanism} in {@code problem}, by agent then type. */
  public static List<InterimRow> of(Problem problem, Mechanism mechanism) {
    TypeProfiles profiles = problem.profiles();
    Prior prior = problem.prior();
    int m = problem.outcomeCount();
    double[] profileProbability = new double[profiles.count()];
    for (int p = 0; p < profiles.count(); p++) {
      profileProbability[p] = prior.profileProbability(p).doubleValue();
    }
    List<InterimRow> rows = new ArrayList<>();
    for (int i = 0; i < problem.agentCount(); i++) {
      for (int t = 0; t < profiles.typeCount(i); t++) {
        BigFraction typeProbability = prior.typeProbability(i, t);
        if (Fractions.isZero(typeProbability)) {
          continue;
        }
        double ft = typeProbability.doubleValue();
        double[] lottery = new double[m];
        double transfer = 0;
        double utility = 0;
        for (int p : profiles.profilesWith(i, t)) {
          double w = profileProbability[p] / ft;
          if (w == 0) {
            continue;
          }
          double pay = mechanism.transfer(p, i);
          double value = 0;
          for (int o = 0; o < m; o++) {
            double q = mechanism.allocation(p, o);
            lottery[o] += w * q;
            if (q != 0) {
              value += q * expectedValue(problem, i, o, p, profiles);
            }
          }
          transfer += w * pay;
          utility += w * (value - pay);
        }
        rows.add(new InterimRow(i, t, typeProbability, lottery, transfer, utility));
      }
    }
    return rows;
  }

  private static double expectedValue(Problem problem, int agent, int outcome, int profile, TypeProfiles profiles) {
    if (problem.stateCount() == 1) {
      return problem.valuations().get(agent).valueDouble(outcome, profile, 0, profiles);
    }
    return problem.expectedValue(agent, outcome, profile, profiles).doubleValue();
  }
}
