package org.mechlp.solver.compare;

import java.util.ArrayList;
import java.util.List;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.solver.calibrated.CalibratedReport;
import org.mechlp.solver.calibrated.SignalRule;

/**
 * The {@link Metrics} of a calibrated (two-stage) mechanism: nature draws the profile θ and the state ω, the
 * designer sends signal s with probability π(s | ω), and the state-independent rule of s applies to the reported
 * profile. Every expectation is therefore
 *
 * <pre>
 * sum_s sum_ω sum_θ f(θ, ω) π(s | ω) [ ... rule of s at θ, valued in state ω ... ]
 * </pre>
 *
 * (docs/THEORY.md, Calibrated mechanisms). The rules are the solver's floating-point ones, so the metrics are too.
 */
final class CalibratedMetrics {
  private CalibratedMetrics() {}

  /** The metrics of the report's signal structure and rules, or null when it has no rules (not optimal). */
  static Metrics of(CalibratedReport report) {
    List<SignalRule> signals = report.signals();
    if (signals.isEmpty() || report.signalStructure() == null) {
      return null;
    }
    Problem problem = report.problem();
    TypeProfiles profiles = problem.profiles();
    int n = problem.agentCount();
    double revenue = 0;
    double cost = 0;
    double values = 0;
    double designer = 0;
    double[] utility = new double[n];
    for (int s = 0; s < signals.size(); s++) {
      SignalRule rule = signals.get(s);
      for (int w = 0; w < problem.stateCount(); w++) {
        double pi = report.signalStructure()[s][w];
        if (pi == 0) {
          continue;
        }
        for (int p = 0; p < profiles.count(); p++) {
          double f = problem.prior().probability(p, w).doubleValue() * pi;
          if (f == 0) {
            continue;
          }
          for (int o = 0; o < problem.outcomeCount(); o++) {
            double q = rule.allocation()[p][o];
            if (q == 0) {
              continue;
            }
            cost += f * q * problem.outcomes().get(o).cost().doubleValue();
            if (problem.designerValue() != null) {
              designer += f * q * problem.designerValue().valueDouble(o, p, w, profiles);
            }
            for (int i = 0; i < n; i++) {
              double v = f * q * problem.valuations().get(i).valueDouble(o, p, w, profiles);
              utility[i] += v;
              values += v;
            }
          }
          for (int i = 0; i < n; i++) {
            double t = f * rule.transfers()[p * n + i];
            revenue += t;
            utility[i] -= t;
          }
        }
      }
    }
    List<Quantity> utilities = new ArrayList<>();
    for (double u : utility) {
      utilities.add(Quantity.of(u));
    }
    return new Metrics(Quantity.of(revenue), Quantity.of(values - cost), utilities, Quantity.of(revenue - cost),
        Quantity.of(cost), Quantity.of(designer));
  }
}
