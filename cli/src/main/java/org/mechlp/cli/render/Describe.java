package org.mechlp.cli.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.Mechanism;
import org.mechlp.model.MechanismSpec;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Problem;
import org.mechlp.model.RobustKind;

/** Short descriptions of problem parts shared by the text and JSON reports. */
public final class Describe {
  /** Probabilities below this are left out of lottery cells (they print as 0 anyway). */
  private static final double NEGLIGIBLE = 1e-9;

  private Describe() {}

  /** The objective in words, for example "maximize revenue" or "maximize revenue + 1/2 welfare". */
  public static String objective(Objective objective) {
    if (objective.isFeasibility()) {
      return "feasibility (no objective)";
    }
    if (objective.isRawlsian()) {
      return "maximize the least interim utility (Rawlsian)";
    }
    List<String> terms = new ArrayList<>();
    for (ObjectiveTerm term : ObjectiveTerm.values()) {
      BigFraction w = objective.weight(term);
      if (w.getNumerator().signum() != 0) {
        terms.add(w.equals(BigFraction.ONE) ? term.json() : Numbers.exact(w) + " " + term.json());
      }
    }
    return (objective.maximize() ? "maximize " : "minimize ") + String.join(" + ", terms)
        + (objective.welfareWeights() != null ? " (weighted welfare)" : "");
  }

  /**
   * The objective in words with how a set of priors judges it, for example "maximize revenue; worst case over 2
   * priors (max-min)".
   */
  public static String objective(Problem problem) {
    String text = objective(problem.objective());
    int priors = problem.priors().size();
    if (priors < 2 || problem.objective().isFeasibility()) {
      return text;
    }
    return text + (problem.objective().robust() == RobustKind.REGRET
        ? "; largest regret over " + priors + " priors (minimax regret)"
        : "; worst case over " + priors + " priors (max-min)");
  }

  /** The constraints in words, for example "IC dsic, IR expost, budget none". */
  public static String constraints(MechanismSpec spec) {
    String text = "IC " + spec.ic().json() + ", IR " + spec.ir().json() + ", budget " + spec.budget().json();
    if (spec.budgetAmount().getNumerator().signum() != 0) {
      text += " (subsidy up to " + Numbers.exact(spec.budgetAmount()) + ")";
    }
    if (!spec.transfers().allowed()) {
      text += ", no transfers";
    }
    if (spec.hasFixedAllocation()) {
      text += ", fixed allocation (" + spec.fixedAllocation().source() + ")";
    }
    return text;
  }

  /** The lottery at a reported profile, zero-probability outcomes left out: "bidder2: 1" or "none: 0.5, a: 0.5". */
  public static String lottery(Problem problem, Mechanism mechanism, int profile) {
    double[] p = new double[problem.outcomeCount()];
    for (int o = 0; o < p.length; o++) {
      p[o] = mechanism.allocation(profile, o);
    }
    return lottery(problem, p);
  }

  /** A lottery over the problem's outcomes, zero-probability outcomes left out; "-" when all are zero. */
  public static String lottery(Problem problem, double[] probabilities) {
    List<String> parts = new ArrayList<>();
    for (int o = 0; o < probabilities.length; o++) {
      if (Math.abs(probabilities[o]) >= NEGLIGIBLE) {
        parts.add(problem.outcomes().get(o).name() + ": " + Numbers.format(probabilities[o]));
      }
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  /** The exact lottery at a reported profile of an exact mechanism, zero outcomes left out. */
  public static String exactLottery(Problem problem, Mechanism mechanism, int profile) {
    List<String> parts = new ArrayList<>();
    for (int o = 0; o < problem.outcomeCount(); o++) {
      BigFraction p = mechanism.exactAllocation(profile, o);
      if (p.getNumerator().signum() != 0) {
        parts.add(problem.outcomes().get(o).name() + ": " + Numbers.exact(p));
      }
    }
    return parts.isEmpty() ? "-" : String.join(", ", parts);
  }

  /** The name of agent {@code agent}, or "-" for rows that concern no single agent. */
  public static String agentName(Problem problem, int agent) {
    return agent < 0 ? "-" : problem.agents().get(agent).name();
  }

  /** The name of {@code type} of {@code agent}. */
  public static String typeName(Problem problem, int agent, int type) {
    Agent a = problem.agents().get(agent);
    return a.types().get(type).name();
  }

  /** The probabilities of the outcomes as a map from outcome name, zero entries left out. */
  public static Map<String, Double> lotteryMap(Problem problem, double[] probabilities) {
    Map<String, Double> map = new java.util.LinkedHashMap<>();
    for (int o = 0; o < probabilities.length; o++) {
      if (Math.abs(probabilities[o]) >= NEGLIGIBLE) {
        map.put(problem.outcomes().get(o).name(), probabilities[o]);
      }
    }
    return map;
  }
}
