package org.mechlp.solver.symmetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.Agent;
import org.mechlp.model.AgentType;
import org.mechlp.model.BudgetKind;
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
import org.mechlp.solver.MechanismChecker;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.CheckOptions;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.CheckReport;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/**
 * On random problems that are symmetric by construction the reduced LP reaches the full LP's optimum (the full solve
 * is the independent computation), its expansion passes {@code check}, and breaking one agent's values leaves that
 * agent out of every class. Construction: outcomes are "none", a public outcome and one "agent i wins" per agent;
 * every agent values them through the same tables (own win a[t], another agent's win c[t], none b[t], public d[t])
 * and has the same prior, so any relabelling of agents with the matching relabelling of wins maps the problem to
 * itself.
 */
class SymmetryPropertyTest {
  private static final int OFFSET = 100;

  /** Random shared tables and mechanism options. */
  record Data(int agents, int[][] values, int[] weights, IcKind ic, IrKind ir, boolean welfare) {
    @Override
    public String toString() {
      return agents + " agents, values " + java.util.Arrays.deepToString(values) + ", weights "
          + java.util.Arrays.toString(weights) + ", " + ic + "/" + ir + (welfare ? ", welfare" : ", revenue");
    }
  }

  @Provide
  Arbitrary<Data> symmetricProblems() {
    Arbitrary<Integer> agents = Arbitraries.integers().between(2, 3);
    Arbitrary<Integer> types = Arbitraries.integers().between(1, 3);
    Arbitrary<IcKind> ic = Arbitraries.of(IcKind.DSIC, IcKind.BIC);
    Arbitrary<IrKind> ir = Arbitraries.of(IrKind.EX_POST, IrKind.INTERIM);
    Arbitrary<Boolean> welfare = Arbitraries.of(false, true);
    return Combinators.combine(agents, types, ic, ir, welfare)
        .flatAs(
            (n, k, icKind, irKind, w) -> {
              // values[t] = {own win, other's win, none, public}
              Arbitrary<int[]> row = Arbitraries.integers().between(0, 6).array(int[].class).ofSize(4);
              Arbitrary<int[][]> values = row.array(int[][].class).ofSize(k);
              Arbitrary<int[]> weights = Arbitraries.integers().between(1, 4).array(int[].class).ofSize(k);
              return Combinators.combine(values, weights).as((v, p) -> new Data(n, v, p, icKind, irKind, w));
            });
  }

  /** The problem; when {@code perturbAgent0}, agent 0's value of its own win at type 0 is raised by 100. */
  static Problem build(Data data, boolean perturbAgent0) {
    int n = data.agents();
    int k = data.values().length;
    int m = n + 2;
    int none = n;
    int pub = n + 1;
    int total = 0;
    for (int w : data.weights()) {
      total += w;
    }
    List<Agent> agents = new ArrayList<>();
    List<List<BigFraction>> priors = new ArrayList<>();
    List<ValueFunction> valuations = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<AgentType> types = new ArrayList<>();
      List<BigFraction> prior = new ArrayList<>();
      BigFraction[][][] table = new BigFraction[k][1][m];
      for (int t = 0; t < k; t++) {
        types.add(new AgentType("t" + t, Map.of()));
        prior.add(new BigFraction(data.weights()[t], total));
        int[] v = data.values()[t];
        for (int o = 0; o < n; o++) {
          table[t][0][o] = new BigFraction(o == i ? v[0] : v[1]);
        }
        table[t][0][none] = new BigFraction(v[2]);
        table[t][0][pub] = new BigFraction(v[3]);
      }
      if (perturbAgent0 && i == 0) {
        table[0][0][0] = table[0][0][0].add(OFFSET);
      }
      agents.add(new Agent("a" + i, types));
      priors.add(prior);
      valuations.add(new ValueFunction(ValueFunction.Scope.OWN_TYPE, i, table));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int o = 0; o < n; o++) {
      outcomes.add(Outcome.of("win" + o));
    }
    outcomes.add(Outcome.of("none"));
    outcomes.add(new Outcome("public", BigFraction.TWO));
    TypeProfiles profiles = TypeProfiles.of(agents);
    Prior prior = Prior.independent(profiles, priors, List.of(BigFraction.ONE));
    List<List<BigFraction>> outside = new ArrayList<>();
    for (Agent a : agents) {
      outside.add(Collections.nCopies(a.typeCount(), BigFraction.ZERO));
    }
    MechanismSpec spec =
        new MechanismSpec(data.ic(), data.ir(), outside, BudgetKind.NONE, BigFraction.ZERO, TransferSpec.free(n), null);
    // Welfare alone is unbounded in no direction here (transfers cancel); add revenue so transfers matter.
    Objective objective =
        data.welfare()
            ? new Objective(true, Map.of(ObjectiveTerm.WELFARE, BigFraction.ONE, ObjectiveTerm.REVENUE,
                new BigFraction(1, 2)))
            : Objective.maximize(ObjectiveTerm.REVENUE);
    return new Problem(
        "random-symmetric", "", agents, List.of(new State("default", Map.of())), false, outcomes, prior,
        valuations, null, spec, objective);
  }

  private static BigInteger factorial(int n) {
    BigInteger f = BigInteger.ONE;
    for (int i = 2; i <= n; i++) {
      f = f.multiply(BigInteger.valueOf(i));
    }
    return f;
  }

  @Property(tries = 40)
  void symmetricOptimumEqualsFullOptimum(@ForAll("symmetricProblems") Data data) {
    Problem problem = build(data, false);
    SymmetricSolve symmetric = SymmetricSolver.solve(problem, SolveOptions.defaults());
    SolveReport full = MechanismSolver.solve(problem, SolveOptions.defaults());
    // Every relabelling of the n agents is a symmetry by construction: the group is S_n.
    assertThat(symmetric.statistics().group().order()).isEqualTo(factorial(data.agents()));
    // IR makes revenue at most welfare, and the null mechanism (none, no transfers) is feasible: both are OPTIMAL.
    assertThat(full.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(symmetric.report().status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(symmetric.report().objective()).isCloseTo(full.objective(), within(1e-9));
    CheckReport check = MechanismChecker.check(problem, symmetric.report().mechanism(), CheckOptions.defaults());
    assertThat(check.passed()).isTrue();
    assertThat(check.objective()).isCloseTo(full.objective(), within(1e-9));
  }

  @Property(tries = 25)
  void brokenAgentIsLeftOut(@ForAll("symmetricProblems") Data data) {
    // Agent 0's own-win value at type 0 is raised by 100, above every other value (all in 0..6): no outcome
    // relabelling can match it, so agent 0 is in a class of its own; the other agents stay interchangeable.
    Problem problem = build(data, true);
    SymmetryGroup group = Symmetries.detect(problem);
    assertThat(group.agentClasses()).contains(List.of(0));
    assertThat(group.order()).isEqualTo(factorial(data.agents() - 1));
    SymmetricSolve symmetric = SymmetricSolver.solve(problem, SolveOptions.defaults());
    SolveReport full = MechanismSolver.solve(problem, SolveOptions.defaults());
    assertThat(symmetric.report().status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(symmetric.report().objective()).isCloseTo(full.objective(), within(1e-9));
  }
}
