package org.mechlp.solver.properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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
 * Properties that must hold on every small private-values problem (2 agents x up to 3 types x up to 3 outcomes,
 * integer values, random positive priors), whatever the numbers: they follow from the LP's structure, not from
 * any particular answer. jqwik prints the seed of a failing case.
 */
class RandomProblemsPropertyTest {
  private static final double TOLERANCE = 1e-7;

  /** The random data of one problem: per agent, per type, per outcome an integer value, and prior weights. */
  record Data(int[][][] values, int[][] weights, int outcomes) {
    @Override
    public String toString() {
      return "values " + java.util.Arrays.deepToString(values) + ", prior weights "
          + java.util.Arrays.deepToString(weights) + ", outcomes " + outcomes;
    }
  }

  @Provide
  Arbitrary<Data> problems() {
    Arbitrary<Integer> agents = Arbitraries.integers().between(1, 2);
    Arbitrary<Integer> types = Arbitraries.integers().between(1, 3);
    Arbitrary<Integer> outcomes = Arbitraries.integers().between(2, 3);
    return Combinators.combine(agents, types, outcomes)
        .flatAs(
            (n, k, m) -> {
              Arbitrary<int[]> valueRow = Arbitraries.integers().between(0, 6).array(int[].class).ofSize(m);
              Arbitrary<int[][]> perAgent = valueRow.array(int[][].class).ofSize(k);
              Arbitrary<int[][][]> values = perAgent.array(int[][][].class).ofSize(n);
              Arbitrary<int[]> weightRow = Arbitraries.integers().between(1, 4).array(int[].class).ofSize(k);
              Arbitrary<int[][]> weights = weightRow.array(int[][].class).ofSize(n);
              return Combinators.combine(values, weights).as((v, w) -> new Data(v, w, m));
            });
  }

  static Problem build(Data data, IcKind ic, IrKind ir, int scale, boolean reverseTypes) {
    int n = data.values().length;
    int m = data.outcomes();
    List<Agent> agents = new ArrayList<>();
    List<List<BigFraction>> priors = new ArrayList<>();
    List<ValueFunction> valuations = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int k = data.values()[i].length;
      List<Integer> order = new ArrayList<>();
      for (int t = 0; t < k; t++) {
        order.add(t);
      }
      if (reverseTypes) {
        Collections.reverse(order);
      }
      List<AgentType> types = new ArrayList<>();
      List<BigFraction> prior = new ArrayList<>();
      int total = 0;
      for (int w : data.weights()[i]) {
        total += w;
      }
      BigFraction[][][] table = new BigFraction[k][1][m];
      for (int slot = 0; slot < k; slot++) {
        int t = order.get(slot);
        types.add(new AgentType("t" + t, Map.of()));
        prior.add(new BigFraction(data.weights()[i][t], total));
        for (int o = 0; o < m; o++) {
          table[slot][0][o] = new BigFraction(scale * data.values()[i][t][o]);
        }
      }
      agents.add(new Agent("a" + i, types));
      priors.add(prior);
      valuations.add(new ValueFunction(ValueFunction.Scope.OWN_TYPE, i, table));
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (int o = 0; o < m; o++) {
      outcomes.add(Outcome.of("o" + o));
    }
    TypeProfiles profiles = TypeProfiles.of(agents);
    Prior prior = Prior.independent(profiles, priors, List.of(BigFraction.ONE));
    List<List<BigFraction>> outside = new ArrayList<>();
    for (Agent a : agents) {
      outside.add(Collections.nCopies(a.typeCount(), BigFraction.ZERO));
    }
    MechanismSpec spec =
        new MechanismSpec(ic, ir, outside, BudgetKind.NONE, BigFraction.ZERO, TransferSpec.free(n), null);
    return new Problem(
        "random",
        "",
        agents,
        List.of(new State("default", Map.of())),
        false,
        outcomes,
        prior,
        valuations,
        null,
        spec,
        Objective.maximize(ObjectiveTerm.REVENUE));
  }

  static SolveReport solve(Problem problem) {
    SolveReport report = MechanismSolver.solve(problem, SolveOptions.defaults());
    // With IR every revenue is bounded by welfare and the null mechanism is feasible.
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    return report;
  }

  @Property(tries = 40)
  void everyOptimumPassesAnIndependentCheck(@ForAll("problems") Data data) {
    Problem problem = build(data, IcKind.DSIC, IrKind.EX_POST, 1, false);
    SolveReport report = solve(problem);

    assertThat(report.verification().maxViolation()).isLessThanOrEqualTo(1e-9);
    CheckReport check = MechanismChecker.check(problem, report.mechanism(), CheckOptions.defaults());
    assertThat(check.passed()).isTrue();
    assertThat(check.objective()).isCloseTo(report.objective(), within(TOLERANCE));
  }

  @Property(tries = 40)
  void weakerConstraintsNeverLowerRevenue(@ForAll("problems") Data data) {
    double dsicExPost = solve(build(data, IcKind.DSIC, IrKind.EX_POST, 1, false)).objective();
    double bicExPost = solve(build(data, IcKind.BIC, IrKind.EX_POST, 1, false)).objective();
    double bicInterim = solve(build(data, IcKind.BIC, IrKind.INTERIM, 1, false)).objective();

    assertThat(bicExPost).isGreaterThanOrEqualTo(dsicExPost - TOLERANCE);
    assertThat(bicInterim).isGreaterThanOrEqualTo(bicExPost - TOLERANCE);
  }

  @Property(tries = 30)
  void scalingValuesScalesRevenue(@ForAll("problems") Data data) {
    double base = solve(build(data, IcKind.BIC, IrKind.INTERIM, 1, false)).objective();
    double tripled = solve(build(data, IcKind.BIC, IrKind.INTERIM, 3, false)).objective();

    assertThat(tripled).isCloseTo(3 * base, within(TOLERANCE * 3));
  }

  @Property(tries = 30)
  void relabellingTypesLeavesRevenueUnchanged(@ForAll("problems") Data data) {
    double original = solve(build(data, IcKind.DSIC, IrKind.EX_POST, 1, false)).objective();
    double relabelled = solve(build(data, IcKind.DSIC, IrKind.EX_POST, 1, true)).objective();

    assertThat(relabelled).isCloseTo(original, within(TOLERANCE));
  }
}
