package org.mechlp.solver.datadriven;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.file.Paths;
import java.util.List;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.DataDrivenProblem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.lp.Row;
import org.mechlp.solver.lp.Sense;
import org.mechlp.solver.report.SolveStatus;

/**
 * The data-driven families' rows derived by hand, and data-driven VCG's epsilon on the shipped instances against
 * the hand derivations in their descriptions.
 */
class DataDrivenFamiliesTest {
  private static DataDrivenProblem instance(String name) throws Exception {
    return DataDrivenProblem.of(ProblemReader.read(Paths.get("../instances/" + name + ".json")));
  }

  private static BigFraction f(int n, int d) {
    return new BigFraction(n, d);
  }

  /** Types of data-driven-biased in file order. */
  private static final int LO_L = 0;
  private static final int HI_L = 2;
  private static final int HI_H = 3;

  @Test
  void posteriorIcRowOfTheBiasedInstanceMatchesTheHandDerivation() throws Exception {
    // data-driven-biased: hi_H gets b, hi_L gets a (7/5 > 1/2 = E[omega | L], 7/5 < 3/2 = E[omega | H]).
    // f(zero | H) = 1/4, f(two | H) = 3/4; the guess is right with probability 3/4, whatever the outcome. So
    // P(guess zero | H) = 1/4 * 3/4 + 3/4 * 1/4 = 3/8 and P(guess two | H) = 5/8, and the row "hi_H does not gain
    // by reporting hi_L" reads -3/8 p(hi_H, zero) - 5/8 p(hi_H, two) + 3/8 p(hi_L, zero) + 5/8 p(hi_L, two) >= 7/5
    // (the agent's value is 0 from b at truth and 7/5 from a after the lie).
    DataDrivenData data = new DataDrivenData(instance("data-driven-biased"));
    DataDrivenLp built = DataDrivenLp.build(data);
    PosteriorIcFamily ic = (PosteriorIcFamily) built.lp().families().get(0);
    Row row = ic.rowOf(new int[] {0, HI_H, HI_L});
    DataDrivenLayout layout = built.layout();
    assertThat(row.sense()).isEqualTo(Sense.GE);
    assertThat(row.rhs()).isEqualTo(f(7, 5));
    assertThat(coefficient(row, layout.transfer(0, HI_H, 0))).isEqualTo(f(-3, 8));
    assertThat(coefficient(row, layout.transfer(0, HI_H, 1))).isEqualTo(f(-5, 8));
    assertThat(coefficient(row, layout.transfer(0, HI_L, 0))).isEqualTo(f(3, 8));
    assertThat(coefficient(row, layout.transfer(0, HI_L, 1))).isEqualTo(f(5, 8));
    assertThat(row.columns()).hasSize(4);
    assertThat(row.name()).isEqualTo("ic-posterior[agent:hi_H->hi_L]");
    // One row per (type, misreport): 4 types x 3 misreports.
    assertThat(ic.rowCount()).isEqualTo(12);
  }

  @Test
  void exPostIrRowDividesByTheProbabilityOfTheEstimate() throws Exception {
    // hi_L gets a, worth 7/5 whatever the state, so after any estimate its IR row is 7/5 - p(hi_L, e) >= 0,
    // written -p(hi_L, e) >= -7/5.
    DataDrivenProblem p = instance("data-driven-biased");
    DataDrivenData data = new DataDrivenData(p);
    DataDrivenLayout layout = new DataDrivenLayout(data, data.efficientAllocation());
    Row row = new EstimateIrFamily(layout).rowOf(new int[] {0, HI_L, 1});
    assertThat(row.columns()).containsExactly(layout.transfer(0, HI_L, 1));
    assertThat(row.coefficients()).containsExactly(BigFraction.MINUS_ONE);
    assertThat(row.rhs()).isEqualTo(f(-7, 5));
  }

  @Test
  void vcgWithTheBiasedEstimatorGainsThreeTwentiethsAsDerivedByHand() throws Exception {
    DataDrivenData data = new DataDrivenData(instance("data-driven-biased"));
    DataDrivenCheck check = DataDrivenChecker.check(data, DataDrivenVcg.build(data, DataDrivenVcg.H.ZERO), 0);
    // epsilon = 7/5 - E[guess value | H] = 7/5 - 5/4 (the instance's description).
    assertThat(check.gains().get(0).epsilon()).isEqualTo(f(3, 20));
    assertThat(check.gains().get(0).argmax()).contains("hi_H").endsWith("reports hi_L");
    // beta(b) = +-1/4, beta(a) = 0: the bound 2 sup |beta| = 1/2.
    assertThat(DataDrivenVcg.bound(data)[0]).isEqualTo(f(1, 2));
    assertThat(check.passes()).isFalse();
  }

  @Test
  void vcgIsExactUnderFullRevelationAndUnderAnUnbiasedAffineEstimator() throws Exception {
    for (String name : List.of("data-driven-impossibility", "data-driven-ad-auction")) {
      DataDrivenData data = new DataDrivenData(instance(name));
      for (DataDrivenVcg.H h : DataDrivenVcg.H.values()) {
        DataDrivenCheck check = DataDrivenChecker.check(data, DataDrivenVcg.build(data, h), 0);
        assertThat(check.gains()).as(name + " " + h).allSatisfy(g -> assertThat(g.epsilon()).isEqualTo(BigFraction.ZERO));
      }
    }
  }

  @Test
  void consistentSequenceEpsilonIsTheProbabilityOfAWrongGuess() throws Exception {
    // data-driven-consistent: epsilon_N = e_N = P(Bin(N, 3/4) < N/2) + P(Bin(N, 3/4) = N/2) / 2 (description),
    // computed here independently with BigInteger binomials; Chernoff gives e_N <= (sqrt(3)/2)^N.
    DataDrivenProblem p = instance("data-driven-consistent");
    List<Integer> sizes = List.of(1, 2, 4, 8, 16, 32, 64);
    List<EstimatorSequence.Point> points = EstimatorSequence.run(p, sizes, DataDrivenVcg.H.ZERO);
    for (EstimatorSequence.Point point : points) {
      int n = point.samples();
      BigFraction e = wrongGuess(n);
      assertThat(point.epsilon()[0]).as("N = " + n).isEqualTo(e);
      assertThat(point.bound()[0]).as("N = " + n).isEqualTo(e.multiply(2));
      assertThat(e.doubleValue()).isLessThanOrEqualTo(Math.pow(Math.sqrt(3) / 2, n) + 1e-15);
    }
    assertThat(points.get(0).epsilon()[0]).isEqualTo(f(1, 4));
    assertThat(points.get(2).epsilon()[0]).isEqualTo(f(5, 32));
  }

  private static BigFraction wrongGuess(int n) {
    BigFraction sum = BigFraction.ZERO;
    for (int k = 0; 2 * k <= n; k++) {
      BigInteger choose = BigInteger.ONE;
      for (int i = 0; i < k; i++) {
        choose = choose.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
      }
      BigFraction p = new BigFraction(choose.multiply(BigInteger.valueOf(3).pow(k)), BigInteger.valueOf(4).pow(n));
      sum = sum.add(2 * k == n ? p.divide(2) : p);
    }
    return sum;
  }

  @Test
  void theImpossibilityInstanceIsInfeasibleOnlyWithoutData() throws Exception {
    DataDrivenReport report = DataDrivenSolver.solve(instance("data-driven-impossibility"), SolveOptions.defaults(),
        true);
    assertThat(report.dataDriven().status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.dataDriven().certification().certified()).isTrue();
    assertThat(report.messageDriven().status()).isEqualTo(SolveStatus.INFEASIBLE);
    assertThat(report.messageDriven().infeasibility().certified()).isTrue();
    // The Farkas certificate only needs agent a's posterior IC rows when b is t0L (hand derivation).
    assertThat(report.messageDriven().conflict()).allSatisfy(c -> assertThat(c).contains("ic-posterior[a:")
        .contains("|b=t0L]"));
  }

  private static BigFraction coefficient(Row row, int column) {
    for (int k = 0; k < row.columns().length; k++) {
      if (row.columns()[k] == column) {
        return row.coefficients()[k];
      }
    }
    return BigFraction.ZERO;
  }

  @Test
  void anHTableShiftsEachPaymentByItsValueAndLeavesEpsilonAlone() throws Exception {
    // Groves: h_i depends on the others' reports only, so it moves agent i's payoff from every report at a given
    // true profile by the same amount and cannot change the gain from misreporting (docs/THEORY.md, Data-driven VCG).
    DataDrivenData data = new DataDrivenData(instance("data-driven-biased"));
    int profiles = data.profileCount;
    BigFraction[][] h = new BigFraction[1][profiles];
    java.util.Arrays.fill(h[0], f(7, 3));
    var zero = DataDrivenVcg.build(data, DataDrivenVcg.H.ZERO);
    var shifted = DataDrivenVcg.build(data, h);
    for (int t = 0; t < profiles; t++) {
      for (int e = 0; e < data.estimates; e++) {
        assertThat(shifted.transfers()[0][t][e]).isEqualTo(zero.transfers()[0][t][e].add(f(7, 3)));
      }
    }
    // 3/20: the epsilon derived by hand in the instance's description, for any h.
    assertThat(DataDrivenChecker.check(data, shifted, 0).gains().get(0).epsilon()).isEqualTo(f(3, 20));
  }
}
