package org.mechlp.solver.datadriven;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.Fractions;
import org.mechlp.model.datadriven.DataDrivenMechanism;
import org.mechlp.solver.certify.Ratios;

/**
 * Checks a data-driven mechanism directly from the model, without the LP's rows: each agent's expected utility from
 * every report is computed from the prior, the estimator's law and the transfer table, in exact arithmetic, and the
 * largest gain from misreporting is epsilon (docs/THEORY.md, Data-driven mechanisms).
 */
public final class DataDrivenChecker {
  private final DataDrivenData data;
  private final DataDrivenMechanism m;

  private DataDrivenChecker(DataDrivenData data, DataDrivenMechanism mechanism) {
    this.data = data;
    this.m = mechanism;
  }

  /** Checks {@code mechanism} against the problem's equilibrium, IR and budget. */
  public static DataDrivenCheck check(DataDrivenData data, DataDrivenMechanism mechanism, double tolerance) {
    return new DataDrivenChecker(data, mechanism).run(tolerance);
  }

  /**
   * Agent i's expected utility at true profile t from the reported profile r, the state weighted by
   * {@code stateWeights}: sum over states, outcomes and estimates of f x(o|r) g(e|state, o) (u_i - p_i(r, e)).
   */
  BigFraction utility(int agent, int t, int r, BigFraction[] stateWeights) {
    BigFraction sum = BigFraction.ZERO;
    for (int w = 0; w < data.states; w++) {
      BigFraction f = stateWeights[w];
      if (Fractions.isZero(f)) {
        continue;
      }
      for (int x = 0; x < data.outcomes; x++) {
        BigFraction px = m.allocation()[r][x];
        if (Fractions.isZero(px)) {
          continue;
        }
        BigFraction value = data.utility[agent][t][x][w];
        for (int e = 0; e < data.estimates; e++) {
          BigFraction g = data.g(e, w, x);
          if (!Fractions.isZero(g)) {
            value = value.subtract(g.multiply(m.transfers()[agent][r][e]));
          }
        }
        sum = sum.add(f.multiply(px).multiply(value));
      }
    }
    return sum;
  }

  private DataDrivenCheck run(double tolerance) {
    List<DataDrivenCheck.AgentGain> gains = new ArrayList<>();
    for (int i = 0; i < data.agents; i++) {
      gains.add(gain(i));
    }
    return new DataDrivenCheck(data.ddp.equilibrium().json(), gains, ir(), budget(), feasibility(), m.exact(),
        m.exact() ? 0 : tolerance);
  }

  private DataDrivenCheck.AgentGain gain(int i) {
    BigFraction best = BigFraction.ZERO;
    String where = "";
    int types = data.profiles.typeCount(i);
    switch (data.ddp.equilibrium()) {
      case POSTERIOR -> {
        for (int t = 0; t < data.profileCount; t++) {
          if (!data.possible(t)) {
            continue;
          }
          BigFraction truth = utility(i, t, t, data.posterior[t]);
          for (int r = 0; r < types; r++) {
            BigFraction g = utility(i, t, data.deviation(t, i, r), data.posterior[t]).subtract(truth);
            if (g.compareTo(best) > 0) {
              best = g;
              where = "true profile " + data.describe(t) + ", " + agentName(i) + " reports " + data.typeNameOf(i, r);
            }
          }
        }
      }
      case BAYES -> {
        for (int own = 0; own < types; own++) {
          BigFraction marginal = data.problem.prior().typeProbability(i, own);
          if (Fractions.isZero(marginal)) {
            continue;
          }
          for (int r = 0; r < types; r++) {
            BigFraction g = BigFraction.ZERO;
            for (int t : data.profiles.profilesWith(i, own)) {
              if (data.possible(t)) {
                BigFraction weight = data.profileProbability[t].divide(marginal);
                g = g.add(weight.multiply(utility(i, t, data.deviation(t, i, r), data.posterior[t])
                    .subtract(utility(i, t, t, data.posterior[t]))));
              }
            }
            if (g.compareTo(best) > 0) {
              best = g;
              where = agentName(i) + " of type " + data.typeNameOf(i, own) + " reports " + data.typeNameOf(i, r);
            }
          }
        }
      }
      case EXPOST -> {
        for (int t = 0; t < data.profileCount; t++) {
          for (int w = 0; w < data.states; w++) {
            if (Fractions.isZero(data.problem.prior().probability(t, w))) {
              continue;
            }
            BigFraction[] unit = new BigFraction[data.states];
            Arrays.fill(unit, BigFraction.ZERO);
            unit[w] = BigFraction.ONE;
            BigFraction truth = utility(i, t, t, unit);
            for (int r = 0; r < types; r++) {
              BigFraction g = utility(i, t, data.deviation(t, i, r), unit).subtract(truth);
              if (g.compareTo(best) > 0) {
                best = g;
                where = "true profile " + data.describe(t) + " in state " + data.problem.states().get(w).name()
                    + ", " + agentName(i) + " reports " + data.typeNameOf(i, r);
              }
            }
          }
        }
      }
      default -> throw new IllegalStateException("unknown equilibrium");
    }
    return new DataDrivenCheck.AgentGain(agentName(i), best, where);
  }

  private List<DataDrivenCheck.Violation> ir() {
    List<DataDrivenCheck.Violation> list = new ArrayList<>();
    var spec = data.problem.mechanism();
    for (int i = 0; i < data.agents; i++) {
      switch (spec.ir()) {
        case INTERIM -> {
          for (int own = 0; own < data.profiles.typeCount(i); own++) {
            BigFraction marginal = data.problem.prior().typeProbability(i, own);
            if (Fractions.isZero(marginal)) {
              continue;
            }
            BigFraction u = BigFraction.ZERO;
            for (int t : data.profiles.profilesWith(i, own)) {
              if (data.possible(t)) {
                u = u.add(data.profileProbability[t].divide(marginal).multiply(utility(i, t, t, data.posterior[t])));
              }
            }
            short_(list, spec.outsideOption(i, own).subtract(u),
                "IR (interim): " + agentName(i) + " of type " + data.typeNameOf(i, own) + " expects " + Ratios.ratio(u));
          }
        }
        case EX_POST -> {
          DataDrivenLayout layout = new DataDrivenLayout(data, m.allocation());
          for (int t = 0; t < data.profileCount; t++) {
            if (!data.possible(t)) {
              continue;
            }
            for (int e = 0; e < data.estimates; e++) {
              BigFraction pe = layout.estimateProbability(t, e);
              if (Fractions.isZero(pe)) {
                continue;
              }
              BigFraction u = BigFraction.ZERO;
              for (int w = 0; w < data.states; w++) {
                for (int x = 0; x < data.outcomes; x++) {
                  u = u.add(data.posterior[t][w].multiply(m.allocation()[t][x]).multiply(data.g(e, w, x))
                      .multiply(data.utility[i][t][x][w]));
                }
              }
              u = u.divide(pe).subtract(m.transfers()[i][t][e]);
              short_(list, spec.outsideOption(i, data.profiles.typeOf(t, i)).subtract(u),
                  "IR (ex post): " + agentName(i) + " at " + data.describe(t) + " after estimate "
                      + data.estimator.estimates().get(e).name() + " keeps " + Ratios.ratio(u));
            }
          }
        }
        case EX_ANTE -> {
          BigFraction u = BigFraction.ZERO;
          BigFraction outside = BigFraction.ZERO;
          for (int t = 0; t < data.profileCount; t++) {
            if (data.possible(t)) {
              u = u.add(data.profileProbability[t].multiply(utility(i, t, t, data.posterior[t])));
            }
          }
          for (int own = 0; own < data.profiles.typeCount(i); own++) {
            outside = outside.add(data.problem.prior().typeProbability(i, own).multiply(spec.outsideOption(i, own)));
          }
          short_(list, outside.subtract(u), "IR (ex ante): " + agentName(i) + " expects " + Ratios.ratio(u));
        }
        case NONE -> { }
        default -> throw new IllegalStateException("unknown IR");
      }
    }
    return list;
  }

  private List<DataDrivenCheck.Violation> budget() {
    List<DataDrivenCheck.Violation> list = new ArrayList<>();
    var spec = data.problem.mechanism();
    BudgetKind kind = spec.budget();
    if (kind == BudgetKind.NONE) {
      return list;
    }
    boolean strong = kind == BudgetKind.EX_ANTE_STRONG || kind == BudgetKind.EX_POST_STRONG;
    BigFraction floor = spec.budgetAmount().negate();
    if (kind == BudgetKind.EX_POST_WEAK || kind == BudgetKind.EX_POST_STRONG) {
      for (int t = 0; t < data.profileCount; t++) {
        for (int e = 0; e < data.estimates; e++) {
          BigFraction net = expectedCost(t).negate();
          for (int i = 0; i < data.agents; i++) {
            net = net.add(m.transfers()[i][t][e]);
          }
          BigFraction gap = floor.subtract(net);
          budgetGap(list, strong ? gap.abs() : gap, "Budget (ex post): at " + data.describe(t) + " with estimate "
              + data.estimator.estimates().get(e).name() + " transfers less cost are " + Ratios.ratio(net));
        }
      }
    } else {
      DataDrivenLayout layout = new DataDrivenLayout(data, m.allocation());
      BigFraction net = BigFraction.ZERO;
      for (int t = 0; t < data.profileCount; t++) {
        if (!data.possible(t)) {
          continue;
        }
        BigFraction atT = expectedCost(t).negate();
        for (int e = 0; e < data.estimates; e++) {
          BigFraction pe = layout.estimateProbability(t, e);
          for (int i = 0; i < data.agents; i++) {
            atT = atT.add(pe.multiply(m.transfers()[i][t][e]));
          }
        }
        net = net.add(data.profileProbability[t].multiply(atT));
      }
      BigFraction gap = floor.subtract(net);
      budgetGap(list, strong ? gap.abs() : gap,
          "Budget (ex ante): expected transfers less cost are " + Ratios.ratio(net));
    }
    return list;
  }

  private BigFraction expectedCost(int t) {
    BigFraction c = BigFraction.ZERO;
    for (int x = 0; x < data.outcomes; x++) {
      c = c.add(m.allocation()[t][x].multiply(data.cost[x]));
    }
    return c;
  }

  private List<DataDrivenCheck.Violation> feasibility() {
    List<DataDrivenCheck.Violation> list = new ArrayList<>();
    for (int t = 0; t < data.profileCount; t++) {
      BigFraction sum = BigFraction.ZERO;
      for (int x = 0; x < data.outcomes; x++) {
        BigFraction p = m.allocation()[t][x];
        sum = sum.add(p);
        if (p.getNumerator().signum() < 0) {
          list.add(new DataDrivenCheck.Violation("Feasibility: negative probability of outcome "
              + data.problem.outcomes().get(x).name() + " at " + data.describe(t), p.negate()));
        }
      }
      if (!sum.equals(BigFraction.ONE)) {
        list.add(new DataDrivenCheck.Violation("Feasibility: the outcome probabilities at " + data.describe(t)
            + " sum to " + Ratios.ratio(sum), sum.subtract(BigFraction.ONE).abs()));
      }
    }
    return list;
  }

  private static void short_(List<DataDrivenCheck.Violation> list, BigFraction shortfall, String text) {
    if (shortfall.getNumerator().signum() > 0) {
      list.add(new DataDrivenCheck.Violation(text + ", short by " + Ratios.ratio(shortfall), shortfall));
    }
  }

  private static void budgetGap(List<DataDrivenCheck.Violation> list, BigFraction gap, String text) {
    if (gap.getNumerator().signum() > 0) {
      list.add(new DataDrivenCheck.Violation(text + ", off by " + Ratios.ratio(gap), gap));
    }
  }

  private String agentName(int i) {
    return data.problem.agents().get(i).name();
  }
}
