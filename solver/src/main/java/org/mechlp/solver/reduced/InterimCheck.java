package org.mechlp.solver.reduced;

import org.mechlp.model.IrKind;
import org.mechlp.model.MechanismSpec;

/**
 * Recomputes BIC and IR of an interim rule (Q, P) directly from the problem's data, without the LP's rows: a second
 * account of the constraints the reduced LP enforced. Utilities are base + gain Q - P (see {@link ReducedForm}).
 */
final class InterimCheck {
  private InterimCheck() {}

  /** The largest interim gain from a misreport over types of positive probability (0 or less when BIC holds). */
  static double maxRegret(ReducedForm form, double[][] q, double[][] p) {
    double worst = 0;
    for (int i = 0; i < form.agentCount(); i++) {
      for (int t = 0; t < form.typeCount(i); t++) {
        if (form.typeProbability()[i][t].doubleValue() == 0) {
          continue;
        }
        double g = form.gain()[i][t].doubleValue();
        double truth = g * q[i][t] - p[i][t];
        for (int r = 0; r < form.typeCount(i); r++) {
          worst = Math.max(worst, g * q[i][r] - p[i][r] - truth);
        }
      }
    }
    return worst;
  }

  /** The largest IR shortfall for the problem's IR kind (interim or ex ante; 0 for none). */
  static double maxIrShortfall(ReducedForm form, double[][] q, double[][] p) {
    MechanismSpec spec = form.problem().mechanism();
    double worst = 0;
    for (int i = 0; i < form.agentCount(); i++) {
      double exAnte = 0;
      for (int t = 0; t < form.typeCount(i); t++) {
        double f = form.typeProbability()[i][t].doubleValue();
        double surplus =
            form.base()[i][t].doubleValue() + form.gain()[i][t].doubleValue() * q[i][t] - p[i][t]
                - spec.outsideOption(i, t).doubleValue();
        exAnte += f * surplus;
        if (spec.ir() == IrKind.INTERIM && f > 0) {
          worst = Math.max(worst, -surplus);
        }
      }
      if (spec.ir() == IrKind.EX_ANTE) {
        worst = Math.max(worst, -exAnte);
      }
    }
    return worst;
  }
}
