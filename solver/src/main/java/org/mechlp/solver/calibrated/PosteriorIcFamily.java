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
 * Incentive compatibility under the agent's posterior (MATH.md R2 and P1): after signal g, the agent of type θ
 * must not gain by reporting θ', given its belief over states P(w | θ, g), proportional to mu_g(w) p(θ | w):
 *
 * <pre>
 * for every posterior g, type θ with P_g(θ) > 0, report θ' != θ:
 *   sum_x [Q_g(x|θ) - Q_g(x|θ')] E_g[u(x,θ,w) | θ] - T_g(θ) + T_g(θ') >= 0
 * </pre>
 *
 * MATH.md writes the row multiplied by P_g(θ); dividing by that datum keeps it in utility units scaled by lambda_g,
 * so a violation is lambda_g times the gain from the misreport. Types the posterior rules out get no rows.
 */
final class PosteriorIcFamily implements ConstraintFamily {
  private final PosteriorLayout layout;
  private final long rows;

  PosteriorIcFamily(PosteriorLayout layout) {
    this.layout = layout;
    this.rows = layout.possibleTypes() * (layout.data.types - 1);
  }

  @Override
  public String id() {
    return "ic-posterior";
  }

  @Override
  public String title() {
    return "incentive compatibility under the posterior";
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
        BigFraction[] value = new BigFraction[d.outcomes];
        for (int x = 0; x < d.outcomes; x++) {
          value[x] = d.weighted(mu, d.utility, t, x).divide(pt);
        }
        for (int r = 0; r < d.types; r++) {
          if (r == t) {
            continue;
          }
          Map<Integer, BigFraction> terms = new HashMap<>();
          for (int x = 0; x < d.outcomes; x++) {
            PosteriorLayout.add(terms, layout.allocation(g, t, x), value[x]);
            PosteriorLayout.add(terms, layout.allocation(g, r, x), value[x].negate());
          }
          if (d.transfers) {
            PosteriorLayout.add(terms, layout.transfer(g, t), BigFraction.MINUS_ONE);
            PosteriorLayout.add(terms, layout.transfer(g, r), BigFraction.ONE);
          }
          sink.accept(PosteriorLayout.row(this, new int[] {g, t, r}, terms, Sense.GE, BigFraction.ZERO));
        }
      }
    }
  }

  @Override
  public String rowName(int[] key) {
    CalibratedData d = layout.data;
    return "ic-posterior[" + layout.names.get(key[0]) + "|" + d.typeName(key[1]) + "->" + d.typeName(key[2])
        + "]";
  }

  @Override
  public String describe(int[] key) {
    CalibratedData d = layout.data;
    return "IC (posterior): after signal " + layout.names.get(key[0]) + " " + layout.describePosterior(key[0])
        + ", " + d.agentName() + " of type " + d.typeName(key[1]) + " must not gain by reporting "
        + d.typeName(key[2]);
  }

  @Override
  public int agentOf(int[] key) {
    return 0;
  }

  @Override
  public boolean isIncentiveConstraint() {
    return true;
  }
}
