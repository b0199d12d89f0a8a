package org.mechlp.solver.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.AgentType;
import org.mechlp.model.BudgetKind;
import org.mechlp.model.FixedAllocation;
import org.mechlp.model.Fractions;
import org.mechlp.model.IcKind;
import org.mechlp.model.IrKind;
import org.mechlp.model.MechanismSpec;
import org.mechlp.model.Objective;
import org.mechlp.model.ObjectiveTerm;
import org.mechlp.model.Outcome;
import org.mechlp.model.Prior;
import org.mechlp.model.Problem;
import org.mechlp.model.State;
import org.mechlp.model.TransferSpec;
import org.mechlp.model.TypeProfiles;
import org.mechlp.model.ValueFunction;

/**
 * Small hand-built problems for tests, made directly from the model records (no JSON). Every toy has free
 * transfers, zero outside options, no subsidy and no fixed allocation unless a {@code with...} method changes it.
 */
public final class Toys {
  private Toys() {}

  /** The exact value of {@code "3"}, {@code "0.25"} or {@code "1/3"}. */
  public static BigFraction q(String text) {
    return Fractions.parse(text).orElseThrow(() -> new IllegalArgumentException("not a number: " + text));
  }

  /**
   * One buyer, types low (value 1, probability 1/3) and high (value 3, probability 2/3), outcomes kept and sold
   * (value 0 and the type's value); BIC, interim IR, revenue. Columns: x[buyer=low|kept] 0, x[buyer=low|sold] 1,
   * x[buyer=high|kept] 2, x[buyer=high|sold] 3, t[buyer=low|buyer] 4, t[buyer=high|buyer] 5.
   */
  public static Problem oneBuyer() {
    return oneBuyer(q("1/3"), q("2/3"));
  }

  /** {@link #oneBuyer()} with the given type probabilities (for example a zero-probability type). */
  public static Problem oneBuyer(BigFraction low, BigFraction high) {
    List<Agent> agents = List.of(agent("buyer", "low", "high"));
    TypeProfiles profiles = TypeProfiles.of(agents);
    return new Problem(
        "one-buyer",
        "",
        agents,
        implicitState(),
        false,
        List.of(Outcome.of("kept"), Outcome.of("sold")),
        Prior.independent(profiles, List.of(List.of(low, high)), List.of(BigFraction.ONE)),
        List.of(ownType(0, new String[][] {{"0", "1"}, {"0", "3"}})),
        null,
        spec(agents, IcKind.BIC, IrKind.INTERIM, BudgetKind.NONE),
        Objective.maximize(ObjectiveTerm.REVENUE));
  }

  /**
   * Two bidders with independent types low (value 1, probability 1/4) and high (value 2, probability 3/4), outcomes
   * none, bidder1, bidder2 (each bidder values only winning); DSIC, ex post IR, revenue. Profiles 0..3 are (low,low),
   * (low,high), (high,low), (high,high); x(o|p) is column 3p+o and t_i(p) column 12+2p+i.
   */
  public static Problem twoBidders() {
    List<Agent> agents = List.of(agent("bidder1", "low", "high"), agent("bidder2", "low", "high"));
    TypeProfiles profiles = TypeProfiles.of(agents);
    List<BigFraction> typePrior = List.of(q("1/4"), q("3/4"));
    return auction(
        "two-bidders",
        agents,
        Prior.independent(profiles, List.of(typePrior, typePrior), List.of(BigFraction.ONE)),
        spec(agents, IcKind.DSIC, IrKind.EX_POST, BudgetKind.NONE));
  }

  /**
   * The Crémer–McLean pair of docs/THEORY.md, Classical results: the auction of {@link #twoBidders()} with the
   * correlated joint prior f(low,low) = f(high,high) = 1/3, f(low,high) = f(high,low) = 1/6; BIC, interim IR, revenue.
   * Each type has marginal 1/2, so f(θ_-i | θ_i) is 2/3 for the same type and 1/3 for the other.
   */
  public static Problem correlatedPair() {
    List<Agent> agents = List.of(agent("bidder1", "low", "high"), agent("bidder2", "low", "high"));
    TypeProfiles profiles = TypeProfiles.of(agents);
    Map<Long, BigFraction> joint =
        Map.of(0L, q("1/3"), 1L, q("1/6"), 2L, q("1/6"), 3L, q("1/3"));
    return auction(
        "correlated-pair",
        agents,
        Prior.joint(profiles, 1, joint),
        spec(agents, IcKind.BIC, IrKind.INTERIM, BudgetKind.NONE));
  }

  /**
   * One buyer whose type is a signal about a state: states bad and good, joint prior f(low,bad) = f(high,good) =
   * 3/8 and f(low,good) = f(high,bad) = 1/8; the value of sold is 0 (bad) or 4 (good) for low and 1 or 5 for high,
   * kept is worth 0. So ū(sold, low) = (3/8·0 + 1/8·4)/(1/2) = 1 and ū(sold, high) = (1/8·1 + 3/8·5)/(1/2) = 4.
   * Ex post IC, ex ante IR, welfare. Columns as in {@link #oneBuyer()}.
   */
  public static Problem twoStates() {
    List<Agent> agents = List.of(agent("buyer", "low", "high"));
    TypeProfiles profiles = TypeProfiles.of(agents);
    BigFraction[][][] values = {
      {{q("0"), q("0")}, {q("0"), q("4")}},
      {{q("0"), q("1")}, {q("0"), q("5")}}
    };
    // Key profile * stateCount + state: (low,bad) 0, (low,good) 1, (high,bad) 2, (high,good) 3.
    Map<Long, BigFraction> joint =
        Map.of(0L, q("3/8"), 1L, q("1/8"), 2L, q("1/8"), 3L, q("3/8"));
    return new Problem(
        "two-states",
        "",
        agents,
        List.of(new State("bad", Map.of()), new State("good", Map.of())),
        true,
        List.of(Outcome.of("kept"), Outcome.of("sold")),
        Prior.joint(profiles, 2, joint),
        List.of(new ValueFunction(ValueFunction.Scope.OWN_TYPE, 0, values)),
        null,
        spec(agents, IcKind.EX_POST, IrKind.EX_ANTE, BudgetKind.NONE),
        Objective.maximize(ObjectiveTerm.WELFARE));
  }

  /**
   * A public project: alice and bob, independent types low (value 1) and high (value 2) with probability 1/2 each,
   * outcomes skip (cost 0, worth 0) and build (cost 3, worth the type's value to each agent and 1 to the designer);
   * DSIC, ex post IR, ex post weak budget balance, welfare. Profiles 0..3 are (low,low), (low,high), (high,low),
   * (high,high); x(o|p) is column 2p+o and t_i(p) column 8+2p+i.
   */
  public static Problem publicProject() {
    List<Agent> agents = List.of(agent("alice", "low", "high"), agent("bob", "low", "high"));
    TypeProfiles profiles = TypeProfiles.of(agents);
    List<BigFraction> half = List.of(q("1/2"), q("1/2"));
    String[][] table = {{"0", "1"}, {"0", "2"}};
    return new Problem(
        "public-project",
        "",
        agents,
        implicitState(),
        false,
        List.of(Outcome.of("skip"), new Outcome("build", q("3"))),
        Prior.independent(profiles, List.of(half, half), List.of(BigFraction.ONE)),
        List.of(ownType(0, table), ownType(1, table)),
        new ValueFunction(ValueFunction.Scope.OUTCOME, -1, new BigFraction[][][] {{{q("0"), q("1")}}}),
        spec(agents, IcKind.DSIC, IrKind.EX_POST, BudgetKind.EX_POST_WEAK),
        Objective.maximize(ObjectiveTerm.WELFARE));
  }

  /**
   * A random small problem for property tests: 1-3 agents with 1-3 types, 1-3 outcomes with small costs, 1-2 states,
   * an independent or a joint prior (with some zero probabilities), private or interdependent integer values, and
   * random mechanism options (IC, IR, budget, transfers with random bounds, sometimes a fixed allocation) and
   * objective weights.
   */
  public static Problem random(Random random) {
    int n = 1 + random.nextInt(3);
    List<Agent> agents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String[] types = new String[1 + random.nextInt(3)];
      for (int t = 0; t < types.length; t++) {
        types[t] = "t" + t;
      }
      agents.add(agent("a" + i, types));
    }
    TypeProfiles profiles = TypeProfiles.of(agents);
    int m = 1 + random.nextInt(3);
    List<Outcome> outcomes = new ArrayList<>();
    for (int o = 0; o < m; o++) {
      outcomes.add(new Outcome("o" + o, new BigFraction(random.nextInt(4), 2)));
    }
    int w = 1 + random.nextInt(2);
    List<State> states = new ArrayList<>();
    for (int s = 0; s < w; s++) {
      states.add(new State("w" + s, Map.of()));
    }
    Prior prior;
    if (random.nextBoolean()) {
      List<List<BigFraction>> agentPriors = new ArrayList<>();
      for (Agent a : agents) {
        agentPriors.add(distribution(random, a.typeCount()));
      }
      prior = Prior.independent(profiles, agentPriors, distribution(random, w));
    } else {
      List<BigFraction> cells = distribution(random, profiles.count() * w);
      Map<Long, BigFraction> joint = new HashMap<>();
      for (int c = 0; c < cells.size(); c++) {
        if (!Fractions.isZero(cells.get(c))) {
          joint.put((long) c, cells.get(c));
        }
      }
      prior = Prior.joint(profiles, w, joint);
    }
    List<ValueFunction> valuations = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      boolean privateValues = random.nextBoolean();
      int keys = privateValues ? agents.get(i).typeCount() : profiles.count();
      valuations.add(
          new ValueFunction(
              privateValues ? ValueFunction.Scope.OWN_TYPE : ValueFunction.Scope.PROFILE,
              i,
              randomValues(random, keys, w, m)));
    }
    ValueFunction designer =
        random.nextBoolean()
            ? null
            : new ValueFunction(ValueFunction.Scope.OUTCOME, -1, randomValues(random, 1, w, m));
    List<List<BigFraction>> outside = new ArrayList<>();
    List<TransferSpec.Bound> bounds = new ArrayList<>();
    for (Agent a : agents) {
      List<BigFraction> options = new ArrayList<>();
      for (int t = 0; t < a.typeCount(); t++) {
        options.add(new BigFraction(random.nextInt(2)));
      }
      outside.add(options);
      bounds.add(new TransferSpec.Bound(randomEnd(random), randomEnd(random)));
    }
    FixedAllocation fixed = null;
    if (random.nextInt(3) == 0) {
      List<List<BigFraction>> lotteries = new ArrayList<>();
      for (int p = 0; p < profiles.count(); p++) {
        BigFraction[] lottery = new BigFraction[m];
        Arrays.fill(lottery, BigFraction.ZERO);
        lottery[random.nextInt(m)] = BigFraction.ONE;
        lotteries.add(List.of(lottery));
      }
      fixed = new FixedAllocation("table", lotteries);
    }
    MechanismSpec spec =
        new MechanismSpec(
            pick(random, IcKind.values()),
            pick(random, IrKind.values()),
            outside,
            pick(random, BudgetKind.values()),
            new BigFraction(random.nextInt(3)),
            new TransferSpec(random.nextInt(5) > 0, bounds),
            fixed);
    Map<ObjectiveTerm, BigFraction> weights = new HashMap<>();
    for (ObjectiveTerm term : ObjectiveTerm.values()) {
      if (random.nextInt(3) == 0) {
        weights.put(term, new BigFraction(random.nextInt(5) - 2));
      }
    }
    return new Problem(
        "random",
        "",
        agents,
        states,
        w > 1,
        outcomes,
        prior,
        valuations,
        designer,
        spec,
        new Objective(random.nextBoolean(), weights));
  }

  private static List<BigFraction> distribution(Random random, int size) {
    int[] weights = new int[size];
    int total = 0;
    for (int k = 0; k < size; k++) {
      // About one cell in four is 0, so zero-probability types and profiles occur.
      weights[k] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(3);
      total += weights[k];
    }
    if (total == 0) {
      weights[random.nextInt(size)] = 1;
      total = 1;
    }
    List<BigFraction> probabilities = new ArrayList<>();
    for (int k = 0; k < size; k++) {
      probabilities.add(new BigFraction(weights[k], total));
    }
    return probabilities;
  }

  private static BigFraction[][][] randomValues(Random random, int keys, int states, int outcomes) {
    BigFraction[][][] values = new BigFraction[keys][states][outcomes];
    for (BigFraction[][] byState : values) {
      for (BigFraction[] byOutcome : byState) {
        for (int o = 0; o < outcomes; o++) {
          byOutcome[o] = new BigFraction(random.nextInt(7) - 2);
        }
      }
    }
    return values;
  }

  private static BigFraction randomEnd(Random random) {
    return random.nextInt(3) == 0 ? new BigFraction(random.nextInt(5) - 2) : null;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  /** {@code problem} with IC kind {@code ic}. */
  public static Problem withIc(Problem problem, IcKind ic) {
    MechanismSpec s = problem.mechanism();
    return withSpec(
        problem,
        new MechanismSpec(
            ic, s.ir(), s.outsideOptions(), s.budget(), s.budgetAmount(), s.transfers(), s.fixedAllocation()));
  }

  /** {@code problem} with IR kind {@code ir}. */
  public static Problem withIr(Problem problem, IrKind ir) {
    MechanismSpec s = problem.mechanism();
    return withSpec(
        problem,
        new MechanismSpec(
            s.ic(), ir, s.outsideOptions(), s.budget(), s.budgetAmount(), s.transfers(), s.fixedAllocation()));
  }

  /** {@code problem} with outside options indexed [agent][type], each written as a fraction. */
  public static Problem withOutsideOptions(Problem problem, String[][] options) {
    List<List<BigFraction>> table = new ArrayList<>();
    for (String[] agentOptions : options) {
      table.add(fractions(agentOptions));
    }
    MechanismSpec s = problem.mechanism();
    return withSpec(
        problem,
        new MechanismSpec(s.ic(), s.ir(), table, s.budget(), s.budgetAmount(), s.transfers(), s.fixedAllocation()));
  }

  /** {@code problem} with budget balance {@code budget} and subsidy {@code amount}. */
  public static Problem withBudget(Problem problem, BudgetKind budget, String amount) {
    MechanismSpec s = problem.mechanism();
    return withSpec(
        problem,
        new MechanismSpec(
            s.ic(), s.ir(), s.outsideOptions(), budget, q(amount), s.transfers(), s.fixedAllocation()));
  }

  /** {@code problem} with the given transfer specification. */
  public static Problem withTransfers(Problem problem, TransferSpec transfers) {
    MechanismSpec s = problem.mechanism();
    return withSpec(
        problem,
        new MechanismSpec(
            s.ic(), s.ir(), s.outsideOptions(), s.budget(), s.budgetAmount(), transfers, s.fixedAllocation()));
  }

  /** {@code problem} with the allocation fixed to {@code lotteries}, indexed [profile][outcome]. */
  public static Problem withFixedAllocation(Problem problem, String[][] lotteries) {
    List<List<BigFraction>> table = new ArrayList<>();
    for (String[] lottery : lotteries) {
      table.add(fractions(lottery));
    }
    MechanismSpec s = problem.mechanism();
    return withSpec(
        problem,
        new MechanismSpec(
            s.ic(),
            s.ir(),
            s.outsideOptions(),
            s.budget(),
            s.budgetAmount(),
            s.transfers(),
            new FixedAllocation("table", table)));
  }

  /** {@code problem} with mechanism options {@code spec}. */
  public static Problem withSpec(Problem problem, MechanismSpec spec) {
    return new Problem(
        problem.name(),
        problem.description(),
        problem.agents(),
        problem.states(),
        problem.statesGiven(),
        problem.outcomes(),
        problem.prior(),
        problem.valuations(),
        problem.designerValue(),
        spec,
        problem.objective());
  }

  /** {@code problem} with objective {@code objective}. */
  public static Problem withObjective(Problem problem, Objective objective) {
    return new Problem(
        problem.name(),
        problem.description(),
        problem.agents(),
        problem.states(),
        problem.statesGiven(),
        problem.outcomes(),
        problem.prior(),
        problem.valuations(),
        problem.designerValue(),
        problem.mechanism(),
        objective);
  }

  /** An agent whose types carry no attributes. */
  public static Agent agent(String name, String... typeNames) {
    List<AgentType> types = new ArrayList<>();
    for (String t : typeNames) {
      types.add(new AgentType(t, Map.of()));
    }
    return new Agent(name, types);
  }

  /** Options with zero outside options, no subsidy, free transfers and no fixed allocation. */
  public static MechanismSpec spec(List<Agent> agents, IcKind ic, IrKind ir, BudgetKind budget) {
    List<List<BigFraction>> outside = new ArrayList<>();
    for (Agent a : agents) {
      outside.add(Collections.nCopies(a.typeCount(), BigFraction.ZERO));
    }
    return new MechanismSpec(
        ic, ir, outside, budget, BigFraction.ZERO, TransferSpec.free(agents.size()), null);
  }

  /** A private value of {@code owner} without states, {@code table[type][outcome]}. */
  public static ValueFunction ownType(int owner, String[][] table) {
    BigFraction[][][] values = new BigFraction[table.length][1][];
    for (int t = 0; t < table.length; t++) {
      values[t][0] = fractions(table[t]).toArray(new BigFraction[0]);
    }
    return new ValueFunction(ValueFunction.Scope.OWN_TYPE, owner, values);
  }

  private static Problem auction(String name, List<Agent> agents, Prior prior, MechanismSpec spec) {
    // Bidder i values outcome i+1 (its own win) at its type's value: low 1, high 2.
    List<ValueFunction> valuations = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      String[][] table = new String[2][3];
      for (int t = 0; t < 2; t++) {
        for (int o = 0; o < 3; o++) {
          table[t][o] = o == i + 1 ? String.valueOf(t + 1) : "0";
        }
      }
      valuations.add(ownType(i, table));
    }
    return new Problem(
        name,
        "",
        agents,
        implicitState(),
        false,
        List.of(Outcome.of("none"), Outcome.of("bidder1"), Outcome.of("bidder2")),
        prior,
        valuations,
        null,
        spec,
        Objective.maximize(ObjectiveTerm.REVENUE));
  }

  private static List<State> implicitState() {
    return List.of(new State("default", Map.of()));
  }

  private static List<BigFraction> fractions(String[] texts) {
    List<BigFraction> list = new ArrayList<>();
    for (String t : texts) {
      list.add(q(t));
    }
    return list;
  }
}
