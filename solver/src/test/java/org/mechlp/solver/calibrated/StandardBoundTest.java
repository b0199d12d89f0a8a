package org.mechlp.solver.calibrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.lp.LinearProgram;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.ortools.OrToolsLpSolver;
import org.mechlp.solver.report.SolveStatus;
import org.mechlp.solver.verify.VerifiedLp;
import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * The standard bound for several agents ({@link StandardBoundLp}): the pooled vertex LP equals, for one agent, the
 * single-agent P4 LP ({@link StateContingentLp}) on the calibrated examples, and, for two agents, an LP written
 * directly from the formulas of docs/THEORY.md (Several agents: a public signal, "The standard bound") and solved by
 * ojAlgo, with no mechlp family, layout or OR-Tools involved.
 */
class StandardBoundTest {
  static final Path BYSTANDER = Path.of("src/test/resources/calibrated/bystander.json");

  private static Problem read(String name) throws Exception {
    return ProblemReader.read(Path.of(System.getProperty("instances.dir"), name + ".json"));
  }

  private static double solve(LinearProgram lp, CalibratedData d) {
    VerifiedLp solved = VerifiedLp.solve(lp, new OrToolsLpSolver(), SolveOptions.defaults(), d.agents);
    assertThat(solved.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(solved.verification().maxViolation()).isLessThanOrEqualTo(1e-9);
    return d.sign * solved.objective();
  }

  /** Example A: 3/2 (Cremer-McLean through the state); example C: 13/8 (docs/THEORY.md, Calibrated examples). */
  @ParameterizedTest
  @ValueSource(strings = {"calibrated-example-a", "calibrated-example-c"})
  void forOneAgentItIsTheStateContingentLp(String name) throws Exception {
    CalibratedData d = new CalibratedData(read(name));
    assertThat(solve(StandardBoundLp.build(d), d)).isCloseTo(solve(StateContingentLp.build(d), d), within(1e-9));
  }

  /** calibrated-two-bidders: the full surplus 31/18 by hand (the instance's description), and ojAlgo agrees. */
  @Test
  void twoCorrelatedBiddersMatchTheIndependentLp() throws Exception {
    Problem problem = read("calibrated-two-bidders");
    CalibratedData d = new CalibratedData(problem);
    double mechlp = solve(StandardBoundLp.build(d), d);
    double independent = independentStandardBound(problem);
    assertThat(independent).isCloseTo(31.0 / 18, within(1e-7));
    assertThat(mechlp).isCloseTo(independent, within(1e-7));
  }

  /** Example A with a bystander (src/test/resources/calibrated/bystander.json): example A's 3/2; ojAlgo agrees. */
  @Test
  void theBystanderLeavesExampleAsBound() throws Exception {
    Problem problem = ProblemReader.read(BYSTANDER);
    CalibratedData d = new CalibratedData(problem);
    double independent = independentStandardBound(problem);
    assertThat(independent).isCloseTo(1.5, within(1e-7));
    assertThat(solve(StandardBoundLp.build(d), d)).isCloseTo(independent, within(1e-7));
  }

  /**
   * The solver reports the bystander problem's public-signal value 7/6 as a lower bound with the standard bound 3/2
   * beside it (gap 1/3, derived in the problem's description), and the two correlated bidders' 31/18 as exact.
   */
  @Test
  void severalAgentsGetTheBoundAndTheGap() throws Exception {
    CalibratedReport bystander = CalibratedSolver.solve(ProblemReader.read(BYSTANDER), SolveOptions.defaults());
    assertThat(bystander.objective()).isCloseTo(7.0 / 6, within(1e-7));
    assertThat(bystander.standardBound()).isCloseTo(1.5, within(1e-7));
    assertThat(bystander.exact()).isFalse();
    assertThat(bystander.exactness()).contains("lower bound", "standard BIC bound");
    CalibratedReport bidders = CalibratedSolver.solve(read("calibrated-two-bidders"), SolveOptions.defaults());
    assertThat(bidders.exact()).isTrue();
    assertThat(bidders.exactness()).startsWith("exact: the best public-signal two-stage mechanism meets");
  }

  /**
   * max sum_{w,θ} f(θ,w) sum_i τ_i(w,θ) over q(x|w,θ) >= 0 and free τ_i(w,θ), for a single-item problem (outcome 0
   * none, outcome 1 + i agent i wins; agent i values winning at its type's value), subject to: each q(·|w,θ) sums to
   * 1; for every agent i, type θ_i and report r: sum_{θ_-i, w} f(θ,w) [v_i(θ_i) (q(1+i|w,θ) - q(1+i|w,r,θ_-i)) -
   * τ_i(w,θ) + τ_i(w,r,θ_-i)] >= 0; and sum_{θ_-i, w} f(θ,w) [v_i(θ_i) q(1+i|w,θ) - τ_i(w,θ)] >= 0.
   */
  static double independentStandardBound(Problem problem) {
    int n = problem.agentCount();
    int w = problem.stateCount();
    var profiles = problem.profiles();
    int k = profiles.count();
    ExpressionsBasedModel model = new ExpressionsBasedModel();
    Variable[][][] q = new Variable[w][k][n + 1];
    Variable[][][] tau = new Variable[w][k][n];
    for (int s = 0; s < w; s++) {
      for (int p = 0; p < k; p++) {
        Expression sum = model.addExpression("sum_" + s + "_" + p).level(1);
        for (int x = 0; x <= n; x++) {
          q[s][p][x] = model.addVariable("q_" + s + "_" + p + "_" + x).lower(0);
          sum.set(q[s][p][x], 1);
        }
        for (int i = 0; i < n; i++) {
          double f = problem.prior().probability(p, s).doubleValue();
          tau[s][p][i] = model.addVariable("t_" + s + "_" + p + "_" + i).weight(f);
        }
      }
    }
    for (int i = 0; i < n; i++) {
      int types = profiles.typeCount(i);
      for (int t = 0; t < types; t++) {
        double v = problem.agents().get(i).types().get(t).attributes().get("value").doubleValue();
        Expression ir = model.addExpression("ir_" + i + "_" + t).lower(0);
        for (int r = -1; r < types; r++) {
          if (r == t) {
            continue;
          }
          Expression ic = r < 0 ? null : model.addExpression("ic_" + i + "_" + t + "_" + r).lower(0);
          for (int p = 0; p < k; p++) {
            if (profiles.typeOf(p, i) != t) {
              continue;
            }
            for (int s = 0; s < w; s++) {
              double f = problem.prior().probability(p, s).doubleValue();
              if (r < 0) {
                ir.add(q[s][p][1 + i], f * v).add(tau[s][p][i], -f);
              } else {
                int lie = profiles.withType(p, i, r);
                ic.add(q[s][p][1 + i], f * v).add(q[s][lie][1 + i], -f * v)
                    .add(tau[s][p][i], -f).add(tau[s][lie][i], f);
              }
            }
          }
        }
      }
    }
    Optimisation.Result result = model.maximise();
    assertThat(result.getState().isOptimal()).as("ojAlgo state %s", result.getState()).isTrue();
    return result.getValue();
  }
}
