package org.mechlp.solver.compare;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Mechanism;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;

/**
 * What a mechanism yields in expectation under the prior when everybody reports truthfully, with the same
 * definitions as the objective terms (org.mechlp.solver.compile.ObjectiveBuilder):
 *
 * <pre>
 * revenue      sum_θ f(θ) sum_i t_i(θ)
 * welfare      sum_θ f(θ) sum_o x(o|θ) [sum_i ū_i(o,θ) - cost(o)]
 * utility_i    sum_θ f(θ) [sum_o x(o|θ) ū_i(o,θ) - t_i(θ)]
 * cost         sum_θ f(θ) sum_o x(o|θ) cost(o)
 * budget       revenue - cost                                 (the designer's expected surplus)
 * designer     sum_θ f(θ) sum_o x(o|θ) ū_0(o,θ)               (the designer's own value, 0 without one)
 * </pre>
 *
 * where ū_i(o,θ) is agent i's value averaged over the state given θ. Exact when the mechanism is.
 *
 * @param revenue the expected transfers collected
 * @param welfare the expected total value net of the outcome's cost
 * @param utilities each agent's expected utility, in agent order
 * @param budget the expected budget surplus: transfers collected minus the outcome's cost (negative: a subsidy)
 * @param cost the expected cost of the outcome
 * @param designer the designer's expected own value of the outcome (0 without a designer value)
 */
public record Metrics(
    Quantity revenue, Quantity welfare, List<Quantity> utilities, Quantity budget, Quantity cost, Quantity designer) {
  public Metrics {
    utilities = List.copyOf(utilities);
  }

  /**
   * The value of a weighted sum of objective terms from these expectations (revenue, profit = budget, welfare, agent
   * utility = the sum of the utilities, designer, cost); exact when every term is. An independent recomputation of
   * a plain objective under the problem's prior, for cross-checks; null for a term it does not know.
   */
  public Quantity objective(Objective objective) {
    Quantity agentUtility = utilities.stream().reduce(Quantity.of(BigFraction.ZERO), Quantity::plus);
    Quantity sum = Quantity.of(BigFraction.ZERO);
    for (ObjectiveTerm term : ObjectiveTerm.values()) {
      BigFraction w = objective.weight(term);
      if (Fractions.isZero(w)) {
        continue;
      }
      Quantity value =
          switch (term) {
            case REVENUE -> revenue;
            case PROFIT -> budget;
            case WELFARE -> welfare;
            case AGENT_UTILITY -> agentUtility;
            case DESIGNER -> designer;
            case COST -> cost;
            default -> null;
          };
      if (value == null) {
        return null;
      }
      sum = sum.plus(value.times(w));
    }
    return sum;
  }

  /** The metrics of {@code mechanism} in {@code problem}, in exact arithmetic when the mechanism is exact. */
  public static Metrics of(Problem problem, Mechanism mechanism) {
    return mechanism.isExact() ? exact(problem, mechanism) : floating(problem, mechanism);
  }

  private static Metrics exact(Problem problem, Mechanism mechanism) {
    TypeProfiles profiles = problem.profiles();
    Prior prior = problem.prior();
    int n = problem.agentCount();
    BigFraction revenue = BigFraction.ZERO;
    BigFraction cost = BigFraction.ZERO;
    BigFraction values = BigFraction.ZERO;
    BigFraction designer = BigFraction.ZERO;
    BigFraction[] utility = new BigFraction[n];
    java.util.Arrays.fill(utility, BigFraction.ZERO);
    for (int p = 0; p < profiles.count(); p++) {
      BigFraction f = prior.profileProbability(p);
      if (Fractions.isZero(f)) {
        continue;
      }
      for (int o = 0; o < problem.outcomeCount(); o++) {
        BigFraction q = mechanism.exactAllocation(p, o);
        if (Fractions.isZero(q)) {
          continue;
        }
        BigFraction weight = f.multiply(q);
        cost = cost.add(weight.multiply(problem.outcomes().get(o).cost()));
        designer = designer.add(weight.multiply(problem.expectedDesignerValue(o, p, profiles)));
        for (int i = 0; i < n; i++) {
          BigFraction v = weight.multiply(problem.expectedValue(i, o, p, profiles));
          utility[i] = utility[i].add(v);
          values = values.add(v);
        }
      }
      for (int i = 0; i < n; i++) {
        BigFraction t = f.multiply(mechanism.exactTransfer(p, i));
        revenue = revenue.add(t);
        utility[i] = utility[i].subtract(t);
      }
    }
    List<Quantity> utilities = new ArrayList<>();
    for (BigFraction u : utility) {
      utilities.add(Quantity.of(u));
    }
    return new Metrics(Quantity.of(revenue), Quantity.of(values.subtract(cost)), utilities,
        Quantity.of(revenue.subtract(cost)), Quantity.of(cost), Quantity.of(designer));
  }

  private static Metrics floating(Problem problem, Mechanism mechanism) {
    TypeProfiles profiles = problem.profiles();
    Prior prior = problem.prior();
    int n = problem.agentCount();
    double revenue = 0;
    double cost = 0;
    double values = 0;
    double designer = 0;
    double[] utility = new double[n];
    for (int p = 0; p < profiles.count(); p++) {
      double f = prior.profileProbability(p).doubleValue();
      if (f == 0) {
        continue;
      }
      for (int o = 0; o < problem.outcomeCount(); o++) {
        double q = mechanism.allocation(p, o);
        if (q == 0) {
          continue;
        }
        double weight = f * q;
        cost += weight * problem.outcomes().get(o).cost().doubleValue();
        designer += weight * problem.expectedDesignerValue(o, p, profiles).doubleValue();
        for (int i = 0; i < n; i++) {
          double v = weight * problem.expectedValue(i, o, p, profiles).doubleValue();
          utility[i] += v;
          values += v;
        }
      }
      for (int i = 0; i < n; i++) {
        double t = f * mechanism.transfer(p, i);
        revenue += t;
        utility[i] -= t;
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
