package org.mechlp.solver.datadriven;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveStatus;

/**
 * Random small data-driven problems (two agents with two types each, two states, two outcomes, a random joint
 * prior, utilities that depend on the outcome, the own type and the state): the guarantees of docs/THEORY.md,
 * Data-driven mechanisms, and the LP's relation to the message-driven one.
 */
class DataDrivenPropertyTest {
  /** A random instance: prior weights, utility coefficients, click rates per (outcome, state) in 1..9 / 10. */
  record Instance(int[] prior, int[] coefficients, int[] rates) {}

  @Provide
  Arbitrary<Instance> instances() {
    Arbitrary<int[]> prior = Arbitraries.integers().between(1, 5).array(int[].class).ofSize(32);
    Arbitrary<int[]> coefficients = Arbitraries.integers().between(-3, 4).array(int[].class).ofSize(12);
    Arbitrary<int[]> rates = Arbitraries.integers().between(1, 9).array(int[].class).ofSize(4);
    return Combinators.combine(prior, coefficients, rates).as(Instance::new);
  }

  /**
   * The problem as a file: agent i's value of outcome x is c1 * v + c2 * z + c3 * v * z with v its type's attribute
   * (1 or 2) and z the state's (0 or 1); types are (preference, signal) pairs made correlated with the state by the
   * random joint prior over (a's type, b's type, state).
   */
  static String json(Instance in, String estimator, String mechanism, String objective) {
    StringBuilder prior = new StringBuilder();
    int total = 0;
    for (int w : in.prior()) {
      total += w;
    }
    int k = 0;
    for (int s = 0; s < 2; s++) {
      for (int a = 0; a < 4; a++) {
        for (int b = 0; b < 4; b++) {
          prior.append(k == 0 ? "" : ",").append(String.format(
              "{\"types\": {\"a\": \"t%d\", \"b\": \"t%d\"}, \"state\": \"s%d\", \"p\": \"%d/%d\"}",
              a, b, s, in.prior()[k], total));
          k++;
        }
      }
    }
    String types = "[{\"name\": \"t0\", \"v\": 1}, {\"name\": \"t1\", \"v\": 1}, {\"name\": \"t2\", \"v\": 2},"
        + " {\"name\": \"t3\", \"v\": 2}]";
    int[] c = in.coefficients();
    String valuations = String.format(
        "{\"a\": {\"expression\": {\"x0\": \"%d * v + %d * state.z + %d * v * state.z\","
            + " \"x1\": \"%d * v + %d * state.z + %d * v * state.z\"}},"
            + " \"b\": {\"expression\": {\"x0\": \"%d * v + %d * state.z + %d * v * state.z\","
            + " \"x1\": \"%d * v + %d * state.z + %d * v * state.z\"}}}",
        c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8], c[9], c[10], c[11]);
    return "{\"format\": \"mechlp/1\", \"agents\": [{\"name\": \"a\", \"types\": " + types + "}, {\"name\": \"b\","
        + " \"types\": " + types + "}], \"states\": [{\"name\": \"s0\", \"z\": 0}, {\"name\": \"s1\", \"z\": 1}],"
        + " \"prior\": [" + prior + "], \"outcomes\": [\"x0\", \"x1\"], \"valuations\": " + valuations + ","
        + " \"mechanism\": " + mechanism + ", \"objective\": \"" + objective + "\", \"estimator\": " + estimator
        + "}";
  }

  /**
   * An unbiased click estimator: click with probability q(x, s) = rate / 10, a different rate in each state, and
   * phi = q; with two states every utility is affine in phi.
   */
  static String clickEstimator(Instance in) {
    int[] r = in.rates().clone();
    List<String> entries = new ArrayList<>();
    StringBuilder phi = new StringBuilder();
    for (int x = 0; x < 2; x++) {
      if (r[2 * x] == r[2 * x + 1]) {
        r[2 * x + 1] = r[2 * x] == 9 ? 1 : r[2 * x] + 1;
      }
      phi.append(x == 0 ? "" : ",").append(String.format("\"x%d\": {\"s0\": \"%d/10\", \"s1\": \"%d/10\"}", x,
          r[2 * x], r[2 * x + 1]));
      for (int s = 0; s < 2; s++) {
        int q = r[2 * x + s];
        entries.add(String.format("{\"outcome\": \"x%d\", \"state\": \"s%d\", \"p\": {\"c\": \"%d/10\","
            + " \"n\": \"%d/10\"}}", x, s, q, 10 - q));
      }
    }
    return "{\"estimates\": [{\"name\": \"c\", \"value\": 1}, {\"name\": \"n\", \"value\": 0}], \"likelihood\": ["
        + String.join(",", entries) + "], \"affine\": {\"phi\": {" + phi + "}}}";
  }

  private static DataDrivenProblem read(String json) throws Exception {
    return DataDrivenProblem.of(ProblemReader.read(json, "random.json"));
  }

  private static final String EFFICIENT = "{\"ir\": \"none\", \"allocation\": \"efficient\"}";

  @Property(tries = 40)
  void fullRevelationVcgIsAnExactPosteriorEquilibrium(@ForAll("instances") Instance in) throws Exception {
    DataDrivenData data = new DataDrivenData(read(json(in, "\"fullRevelation\"", EFFICIENT, "feasibility")));
    for (DataDrivenVcg.H h : DataDrivenVcg.H.values()) {
      DataDrivenCheck check = DataDrivenChecker.check(data, DataDrivenVcg.build(data, h), 0);
      assertThat(check.gains()).allSatisfy(g -> assertThat(g.epsilon()).isEqualTo(BigFraction.ZERO));
    }
  }

  @Property(tries = 40)
  void affineUnbiasedVcgIsAnExactPosteriorEquilibrium(@ForAll("instances") Instance in) throws Exception {
    DataDrivenProblem p = read(json(in, clickEstimator(in), EFFICIENT, "feasibility"));
    assertThat(p.estimator().isUnbiased()).isTrue();
    DataDrivenData data = new DataDrivenData(p);
    DataDrivenCheck check = DataDrivenChecker.check(data, DataDrivenVcg.build(data, DataDrivenVcg.H.CLARKE), 0);
    assertThat(check.gains()).allSatisfy(g -> assertThat(g.epsilon()).isEqualTo(BigFraction.ZERO));
  }

  @Property(tries = 25)
  void dataNeverLowersTheLpValueAndEveryOptimumPassesCheck(@ForAll("instances") Instance in) throws Exception {
    // Revenue under interim IR is bounded by the expected welfare, so both LPs are bounded; any message-driven
    // mechanism is a data-driven one whose transfers ignore the estimate.
    DataDrivenProblem p = read(json(in, clickEstimator(in),
        "{\"ir\": \"interim\", \"allocation\": \"efficient\"}", "revenue"));
    DataDrivenReport report = DataDrivenSolver.solve(p, SolveOptions.defaults(), false);
    DataDrivenRun dd = report.dataDriven();
    DataDrivenRun md = report.messageDriven();
    if (md.status() == SolveStatus.OPTIMAL) {
      assertThat(dd.status()).isEqualTo(SolveStatus.OPTIMAL);
      assertThat(dd.objective()).isGreaterThanOrEqualTo(md.objective() - 1e-7);
    }
    if (dd.status() == SolveStatus.OPTIMAL) {
      DataDrivenCheck check = DataDrivenChecker.check(new DataDrivenData(p), dd.mechanism(), 1e-6);
      assertThat(check.passes()).as(check.toString()).isTrue();
    } else {
      assertThat(dd.status()).isEqualTo(SolveStatus.INFEASIBLE);
      assertThat(dd.infeasibility().certified()).isTrue();
    }
  }
}
