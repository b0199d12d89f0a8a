package org.mechlp.solver.calibrated;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.solver.lp.ConstraintFamily;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;

/**
 * Participation under the agent's posterior (MATH.md R2 and P1; the IR timing, given type and signal, is our
 * choice, MATH.md 1.2):
 *
 * <pre>
 * for every posterior g and type θ with P_g(θ) > 0:
 *   sum_x Q_g(x|θ) E_g[u(x,θ,w) | θ] - T_g(θ) - lambda_g ubar(θ) >= 0
 * </pre>
 */
final class PosteriorIrFamily implements ConstraintFamily {
  private final PosteriorLayout layout;
  private final long rows;

  PosteriorIrFamily(PosteriorLayout layout) {
    this.layout = layout;
    this.rows = layout.possibleTypes();
  }

  @Override
  public String id() {
    return "ir-posterior";
  }

  @Override
  public String title() {
    return "participation under the posterior";
  }

  @Override
  public long rowCount() {
    return rows;
  }

  @Override
  public void forEachRow(Consumer<Row> sink) {
    CalibratedData d = layout.data;
    for (int g = 0; g < layout.count(); g++) {
      BigFraction[] mu = layout.posteriors.get(g);
      for (int t = 0; t < d.types; t++) {
        BigFraction pt = d.typeProbability(mu, t);
        if (Fractions.isZero(pt)) {
          continue;
        }
        Map<Integer, BigFraction> terms = new HashMap<>();
        for (int x = 0; x < d.outcomes; x++) {
          PosteriorLayout.add(terms, layout.allocation(g, t, x), d.weighted(mu, d.utility, t, x).divide(pt));
        }
        if (d.transfers) {
          PosteriorLayout.add(terms, layout.transfer(g, t), BigFraction.MINUS_ONE);
        }
        PosteriorLayout.add(terms, layout.weight(g), d.outside[t].negate());
        sink.accept(PosteriorLayout.row(this, new int[] {g, t}, terms, Sense.GE, BigFraction.ZERO));
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    return "ir-posterior[" + layout.names.get(key[0]) + "|" + layout.data.typeName(key[1]) + "]";
  }

  @Override
  public String describe(int[] key) {
    CalibratedData d = layout.data;
    return "IR (posterior): after signal " + layout.names.get(key[0]) + " " + layout.describePosterior(key[0])
        + ", " + d.agentName() + " of type " + d.typeName(key[1]) + " must get at least its outside option "
        + Fractions.format(d.outside[key[1]]);
  }

  @Override
  public int agentOf(int[] key) {
    return 0;
  }
}
