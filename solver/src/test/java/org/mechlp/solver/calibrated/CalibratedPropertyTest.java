package org.mechlp.solver.calibrated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.commons.math3.fraction.BigFraction;
import org.mechlp.model.CalibrationSpec;
import org.mechlp.model.CalibrationSpec.Disclosure;
import org.mechlp.model.Problem;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.report.SolveStatus;

/**
 * Properties of calibrated solves on random one-buyer, one-good problems with two types and two states (integer
 * values 0..5, random positive joint priors). They follow from docs/THEORY.md, Calibrated mechanisms and hold whatever
 * the numbers.
 */
class CalibratedPropertyTest {
  private static final double TOLERANCE = 1e-7;

  /** Values[type][state] and joint prior weights[type][state]. */
  record Data(int[][] values, int[][] weights) {
    @Override
    public String toString() {
      return "values " + java.util.Arrays.deepToString(values) + ", joint weights "
          + java.util.Arrays.deepToString(weights);
    }
  }

  @Provide
  Arbitrary<Data> problems() {
    Arbitrary<int[][]> values = Arbitraries.integers().between(0, 5).array(int[].class).ofSize(2)
        .array(int[][].class).ofSize(2);
    Arbitrary<int[][]> weights = Arbitraries.integers().between(1, 4).array(int[].class).ofSize(2)
        .array(int[][].class).ofSize(2);
    return Combinators.combine(values, weights).as(Data::new);
  }

  static Problem build(Data data, CalibrationSpec calibration) {
    int total = 0;
    for (int[] row : data.weights()) {
      for (int w : row) {
        total += w;
      }
    }
    BigFraction[][] joint = new BigFraction[2][2];
    for (int t = 0; t < 2; t++) {
      for (int s = 0; s < 2; s++) {
        joint[t][s] = new BigFraction(data.weights()[t][s], total);
      }
    }
    return CalibratedExamples.oneBuyer("random", data.values(), joint, calibration);
  }

  static CalibratedReport solve(Data data, CalibrationSpec calibration) {
    CalibratedReport report = CalibratedSolver.solve(build(data, calibration), SolveOptions.defaults());
    // The null rule (no sale, no payment) is IC and IR at every posterior, so every LP is feasible and bounded.
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    return report;
  }

  @Property(tries = 30)
  void theOptimumIsBracketedByItsBenchmarks(@ForAll("problems") Data data) {
    CalibratedReport report = solve(data, CalibrationSpec.optimal());

    // docs/THEORY.md, sandwich: max(full transparency, no disclosure) <= calibrated <= standard BIC.
    assertThat(report.objective())
        .isGreaterThanOrEqualTo(Math.max(report.fullTransparency(), report.noDisclosure()) - TOLERANCE)
        .isLessThanOrEqualTo(report.standardBound() + TOLERANCE);
    assertThat(report.verification().maxViolation()).isLessThanOrEqualTo(1e-9);
  }

  @Property(tries = 30)
  void privateValuesMakeFullTransparencyOptimal(@ForAll("problems") Data data) {
    // Make values state-independent: each type keeps its state-0 value in both states.
    int[][] values = {{data.values()[0][0], data.values()[0][0]}, {data.values()[1][0], data.values()[1][0]}};
    CalibratedReport report = solve(new Data(values, data.weights()), CalibrationSpec.optimal());

    // docs/THEORY.md T2: under private values V is convex, so full disclosure attains cav V.
    assertThat(report.objective()).isCloseTo(report.fullTransparency(), within(TOLERANCE));
    assertThat(report.exact()).isTrue();
  }

  @Property(tries = 30)
  void aFixedSignalNeverBeatsOptimalDisclosure(@ForAll("problems") Data data) {
    CalibrationSpec fixed =
        new CalibrationSpec(
            Disclosure.FIXED,
            List.of("a", "b"),
            List.of(
                List.of(new BigFraction(2, 3), new BigFraction(1, 4)),
                List.of(new BigFraction(1, 3), new BigFraction(3, 4))),
            20,
            12,
            true,
            true,
            false);
    double fixedValue = solve(data, fixed).objective();
    double optimal = solve(data, CalibrationSpec.optimal()).objective();

    assertThat(fixedValue).isLessThanOrEqualTo(optimal + TOLERANCE);
  }

  @Property(tries = 30)
  void everySignalsRuleIsAProperLottery(@ForAll("problems") Data data) {
    CalibratedReport report = solve(data, CalibrationSpec.optimal());

    double total = 0;
    for (SignalRule signal : report.signals()) {
      total += signal.probability();
      for (double[] lottery : signal.allocation()) {
        assertThat(lottery[0] + lottery[1]).isCloseTo(1, within(1e-7));
      }
    }
    assertThat(total).isCloseTo(1, within(1e-7));
    // The induced signal structure pi(s | w) sums to 1 over signals in every state.
    for (int w = 0; w < 2; w++) {
      double column = 0;
      for (double[] row : report.signalStructure()) {
        column += row[w];
      }
      assertThat(column).isCloseTo(1, within(1e-7));
    }
  }

  @Property(tries = 30)
  void everyReportedRuleIsIcAndIrUnderItsPosterior(@ForAll("problems") Data data) {
    Problem problem = build(data, CalibrationSpec.optimal());
    CalibratedReport report = CalibratedSolver.solve(problem, SolveOptions.defaults());
    // Re-derived here from the data, independently of the solver's rows: the agent of type t after a signal with
    // posterior mu believes state w with probability proportional to mu(w) p(t | w), p(t | w) = f(t, w) / f(w).
    for (SignalRule signal : report.signals()) {
      BigFraction[] mu = new BigFraction[2];
      for (int w = 0; w < 2; w++) {
        mu[w] = org.mechlp.model.Fractions.rationalize(signal.posterior()[w]);
      }
      for (int t = 0; t < 2; t++) {
        BigFraction belief0 = likelihood(data, t, 0).multiply(mu[0]);
        BigFraction belief1 = likelihood(data, t, 1).multiply(mu[1]);
        BigFraction mass = belief0.add(belief1);
        if (mass.getNumerator().signum() == 0) {
          continue;
        }
        // Expected value of the good for type t under its belief.
        BigFraction value =
            belief0.multiply(data.values()[t][0]).add(belief1.multiply(data.values()[t][1])).divide(mass);
        BigFraction truthful = utility(signal, t, value);
        // IR with outside option 0, and IC against the other report, in exact arithmetic after rationalizing the
        // solver's rule; only the rationalization's rounding (below 1e-9) may remain.
        assertThat(truthful.doubleValue()).isGreaterThanOrEqualTo(-1e-9);
        assertThat(truthful.subtract(utility(signal, 1 - t, value)).doubleValue()).isGreaterThanOrEqualTo(-1e-9);
      }
    }
  }

  private static BigFraction likelihood(Data data, int type, int state) {
    int stateWeight = data.weights()[0][state] + data.weights()[1][state];
    return new BigFraction(data.weights()[type][state], stateWeight);
  }

  /** The utility of an agent valuing the good at {@code value} from the rule's entry for {@code report}. */
  private static BigFraction utility(SignalRule signal, int report, BigFraction value) {
    BigFraction sold = org.mechlp.model.Fractions.rationalize(signal.allocation()[report][1]);
    BigFraction pays = org.mechlp.model.Fractions.rationalize(signal.transfers()[report]);
    return sold.multiply(value).subtract(pays);
  }
}
