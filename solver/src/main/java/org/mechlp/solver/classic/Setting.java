package org.mechlp.solver.classic;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Fractions;
import org.mechlp.model.Problem;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.ValueFunction;

/**
 * What the built-ins read from a problem, exactly: every agent's value of every outcome by its own type (values must
 * be private once averaged over the state), the outcomes' costs, the type marginals and whether types are
 * independent, and the efficient rule. Built by {@link #of}, which says why when the values are not private.
 */
final class Setting {
  final Problem problem;
  final TypeProfiles profiles;
  final int n;
  final int m;
  final int profileCount;
  /** value[i][t][o]: agent i's value of outcome o when its type is t (averaged over the state). */
  final BigFraction[][][] value;
  final BigFraction[] cost;

  private Setting(Problem problem, BigFraction[][][] value) {
    this.problem = problem;
    this.profiles = problem.profiles();
    this.n = problem.agentCount();
    this.m = problem.outcomeCount();
    this.profileCount = profiles.count();
    this.value = value;
    this.cost = new BigFraction[m];
    for (int o = 0; o < m; o++) {
      cost[o] = problem.outcomes().get(o).cost();
    }
  }

  /** A problem's setting, or the reason it cannot be read as one with private values. */
  record Read(Setting setting, String reason) {}

  /**
   * The setting of {@code problem}. Values are private when every agent's expected value of every outcome (averaged
   * over the state given the profile, as the checker's rows do) depends on its own type alone; this is checked at
   * every profile unless the value function makes it evident.
   */
  static Read of(Problem problem) {
    TypeProfiles profiles = problem.profiles();
    int n = problem.agentCount();
    int m = problem.outcomeCount();
    BigFraction[][][] value = new BigFraction[n][][];
    for (int i = 0; i < n; i++) {
      int k = problem.agents().get(i).typeCount();
      value[i] = new BigFraction[k][m];
      ValueFunction v = problem.valuations().get(i);
      // Evident: the table is keyed by the own type and the state (if any) cannot carry information about others.
      boolean evident =
          v.scope() != ValueFunction.Scope.PROFILE
              && (problem.stateCount() == 1 || !v.isStateDependent() || problem.prior().isIndependent());
      for (int p = 0; p < profiles.count(); p++) {
        int t = profiles.typeOf(p, i);
        if (evident && value[i][t][0] != null) {
          continue;
        }
        for (int o = 0; o < m; o++) {
          BigFraction x = problem.expectedValue(i, o, p, profiles);
          if (value[i][t][o] == null) {
            value[i][t][o] = x;
          } else if (!value[i][t][o].equals(x)) {
            return new Read(
                null,
                "values are not private: " + problem.agents().get(i).name() + "'s value of outcome \""
                    + problem.outcomes().get(o).name() + "\" at its type " + problem.agents().get(i).types().get(t)
                    .name() + " is " + Fractions.format(value[i][t][o]) + " or " + Fractions.format(x)
                    + " depending on the other agents' types (interdependent values, or a state correlated with"
                    + " them)");
          }
        }
      }
    }
    return new Read(new Setting(problem, value), null);
  }

  /**
   * Why none of the money-based built-ins applies to {@code problem}, or empty: it must be a standard problem (not
   * calibrated, not data-driven), allow transfers when {@code needsTransfers}, and have private values.
   */
  static Optional<String> standardReason(Problem problem, boolean needsTransfers) {
    if (problem.isCalibrated()) {
      return Optional.of(
          "the problem is calibrated (it has a \"calibration\" block); built-in mechanisms are direct mechanisms"
              + " without disclosure");
    }
    if (problem.isDataDriven()) {
      return Optional.of(
          "the problem is data-driven (it has an \"estimator\"); only vcg and groves apply, as data-driven VCG");
    }
    if (needsTransfers && !problem.mechanism().transfers().allowed()) {
      return Optional.of("the problem allows no transfers (mechanism.transfers is false)");
    }
    return Optional.empty();
  }

  /** Agent i's type in profile p. */
  int type(int p, int i) {
    return profiles.typeOf(p, i);
  }

  /** Agent i's value of outcome o at profile p. */
  BigFraction value(int i, int p, int o) {
    return value[i][profiles.typeOf(p, i)][o];
  }

  /** f_i(t). */
  BigFraction typeProbability(int i, int t) {
    return problem.prior().typeProbability(i, t);
  }

  /** Why types are not independent across agents, or empty: f(θ) must equal the product of the marginals. */
  Optional<String> independenceReason() {
    if (problem.prior().isIndependent()) {
      return Optional.empty();
    }
    for (int p = 0; p < profileCount; p++) {
      BigFraction product = BigFraction.ONE;
      for (int i = 0; i < n; i++) {
        product = product.multiply(typeProbability(i, type(p, i)));
      }
      if (!product.equals(problem.prior().profileProbability(p))) {
        return Optional.of(
            "types are correlated: the prior of profile (" + problem.describeProfile(p, profiles) + ") is "
                + Fractions.format(problem.prior().profileProbability(p))
                + ", not the product of the agents' marginals " + Fractions.format(product));
      }
    }
    return Optional.empty();
  }

  /** Welfare of outcome o at profile p: the agents' values minus the outcome's cost. */
  BigFraction welfare(int p, int o) {
    BigFraction w = cost[o].negate();
    for (int i = 0; i < n; i++) {
      w = w.add(value(i, p, o));
    }
    return w;
  }

  /** The others' welfare of outcome o at profile p: every value but agent i's, minus the cost. */
  BigFraction othersWelfare(int i, int p, int o) {
    return welfare(p, o).subtract(value(i, p, o));
  }

  /** The efficient lottery at profile p: the welfare-maximizing outcomes, with ties broken by {@code tieBreak}. */
  BigFraction[] efficient(int p, ClassicOptions.TieBreak tieBreak) {
    BigFraction best = null;
    List<Integer> maximizers = new ArrayList<>();
    for (int o = 0; o < m; o++) {
      BigFraction w = welfare(p, o);
      int c = best == null ? 1 : w.compareTo(best);
      if (c > 0) {
        best = w;
        maximizers.clear();
      }
      if (c >= 0) {
        maximizers.add(o);
      }
    }
    return Lotteries.uniform(m, tieBreak.kept(maximizers, 1));
  }

  /** The expected value of {@code perOutcome} under {@code lottery}. */
  static BigFraction expectation(BigFraction[] lottery, java.util.function.IntFunction<BigFraction> perOutcome) {
    BigFraction sum = BigFraction.ZERO;
    for (int o = 0; o < lottery.length; o++) {
      if (!Fractions.isZero(lottery[o])) {
        sum = sum.add(lottery[o].multiply(perOutcome.apply(o)));
      }
    }
    return sum;
  }

  /** An empty exact mechanism table of this problem's dimensions. */
  Table table() {
    return new Table(profileCount, m, n);
  }
}
