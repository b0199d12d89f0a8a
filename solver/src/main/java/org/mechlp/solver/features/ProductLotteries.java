package org.mechlp.solver.features;

import org.mechlp.solver.families.VariableIndex;

/**
 * Decodes a point of the feature LP into a point of the full LP: type t gets the product of independent item
 * lotteries, x(o|t) = prod_{k in mask(o)} q_tk prod_{k not in mask(o)} (1 - q_tk), whose expected features are
 * exactly q_t (and whose probabilities sum to 1), and pays p_t = c_t + w_t q_t - u_t, so that its utility is u_t.
 * Item probabilities a solver returns a hair outside [0, 1] are clamped first.
 */
final class ProductLotteries {
  private ProductLotteries() {}

  /** The full LP's point for the feature point {@code y}. */
  static double[] decode(FeatureForm form, double[] y) {
    VariableIndex variables = form.compiled().variables();
    int items = form.items();
    int[] masks = form.structure().masks();
    double[] x = new double[variables.columnCount()];
    double[] q = new double[items];
    for (int t = 0; t < form.types(); t++) {
      double[] w = form.weights(t);
      double payment = form.base(t) - y[form.utilityColumn(t)];
      for (int k = 0; k < items; k++) {
        q[k] = Math.min(1, Math.max(0, y[form.itemColumn(t, k)]));
        payment += w[k] * q[k];
      }
      for (int o = 0; o < masks.length; o++) {
        double probability = 1;
        for (int k = 0; k < items; k++) {
          probability *= (masks[o] & (1 << k)) != 0 ? q[k] : 1 - q[k];
        }
        x[variables.allocation(t, o)] = probability;
      }
      x[variables.transfer(t, 0)] = payment;
    }
    return x;
  }
}
