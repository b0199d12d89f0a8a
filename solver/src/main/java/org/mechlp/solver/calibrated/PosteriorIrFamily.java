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
 * Participation under the posterior (docs/THEORY.md R2 and P1; for several agents with a public signal, 1.7; the IR
 * timing, given type and signal, is our choice, docs/THEORY.md, Calibrated mechanisms). With wu_i and P_g as in {@link
 * PosteriorIcFamily}:
 *
 * <pre>
 * for every posterior g, agent i and type θ_i with P_g(θ_i) > 0:
 *   sum_{θ_-i} [sum_x Q_g(x|θ) wu_i(x,θ) - P_g(θ) T_g,i(θ)] / P_g(θ_i) - lambda_g ubar_i(θ_i) >= 0
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
      for (int i = 0; i < d.agents; i++) {
        for (int t = 0; t < d.profiles.typeCount(i); t++) {
          BigFraction mass = layout.agentTypeProbability(g, i, t);
          if (Fractions.isZero(mass)) {
            continue;
          }
          Map<Integer, BigFraction> terms = new HashMap<>();
          for (int p : d.profiles.profilesWith(i, t)) {
            BigFraction weight = d.typeProbability(mu, p);
            if (Fractions.isZero(weight)) {
              continue;
            }
            for (int x = 0; x < d.outcomes; x++) {
              PosteriorLayout.add(terms, layout.allocation(g, p, x), d.weightedUtility(mu, i, p, x).divide(mass));
            }
            if (d.transfers) {
              PosteriorLayout.add(terms, layout.transfer(g, p, i), weight.divide(mass).negate());
            }
          }
          PosteriorLayout.add(terms, layout.weight(g), d.agentOutside[i][t].negate());
          sink.accept(PosteriorLayout.row(this, new int[] {g, i, t}, terms, Sense.GE, BigFraction.ZERO));
        }
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    CalibratedData d = layout.data;
    String who = d.agents == 1 ? "" : d.agentName(key[1]) + ":";
    return "ir-posterior[" + layout.names.get(key[0]) + "|" + who + d.agentTypeName(key[1], key[2]) + "]";
  }

  @Override
  public String describe(int[] key) {
    CalibratedData d = layout.data;
    return "IR (posterior): after signal " + layout.names.get(key[0]) + " " + layout.describePosterior(key[0])
        + ", " + d.agentName(key[1]) + " of type " + d.agentTypeName(key[1], key[2])
        + " must get at least its outside option " + Fractions.format(d.agentOutside[key[1]][key[2]]);
  }

  @Override
  public int agentOf(int[] key) {
    return key[1];
  }
}
