package org.mechlp.solver.calibrated;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.LinearObjective;
import org.mechlp.solver.lp.LinearProgram;

/**
 * The posterior-grid LP (docs/THEORY.md P1) over a given set of candidate posteriors; with fixed weights it is the LP
 * of a given signal structure (P0), with the vertices full transparency (P2), with the prior alone no disclosure. Its
 * objective is sum_g sum_θ [sum_x Q_g(x|θ) cbar_g(x,θ) + alpha P_g(θ) T_g(θ)], cbar_g(x,θ) = sum_w mu_g(w) p(θ|w)
 * c(x,θ,w).
 */
final class PosteriorLp {
  private PosteriorLp() {}

  static LinearProgram build(PosteriorLayout layout, List<BigFraction> fixedWeights) {
    return build(layout, fixedWeights, layout.data.statePrior);
  }

  /** The LP whose posteriors must average to {@code target} instead of the prior. */
  static LinearProgram build(PosteriorLayout layout, List<BigFraction> fixedWeights, BigFraction[] target) {
    CalibratedData d = layout.data;
    List<ConstraintFamily> families = new ArrayList<>();
    families.add(new BayesPlausibilityFamily(layout, target));
    families.add(new PosteriorFeasibilityFamily(layout));
    if (d.problem.mechanism().ic() != IcKind.NONE) {
      families.add(new PosteriorIcFamily(layout));
    }
    if (d.problem.mechanism().ir() != IrKind.NONE) {
      families.add(new PosteriorIrFamily(layout));
    }
    if (PosteriorTransferBoundsFamily.applies(d)) {
      families.add(new PosteriorTransferBoundsFamily(layout));
    }
    if (fixedWeights != null) {
      families.add(new SignalWeightFamily(layout, fixedWeights));
    }
    BigFraction[] objective = new BigFraction[layout.columnCount()];
    java.util.Arrays.fill(objective, BigFraction.ZERO);
    for (int g = 0; g < layout.count(); g++) {
      BigFraction[] mu = layout.posteriors.get(g);
      for (int t = 0; t < d.types; t++) {
        for (int x = 0; x < d.outcomes; x++) {
          objective[layout.allocation(g, t, x)] = d.weighted(mu, d.payoff, t, x);
        }
        if (d.transfers) {
          BigFraction coefficient = d.alpha.multiply(d.typeProbability(mu, t));
          for (int i = 0; i < d.agents; i++) {
            objective[layout.transfer(g, t, i)] = coefficient;
          }
        }
      }
    }
    return new LinearProgram(
        layout.bounds(),
        layout::columnName,
        new LinearObjective(true, objective, BigFraction.ZERO),
        families);
  }
}
