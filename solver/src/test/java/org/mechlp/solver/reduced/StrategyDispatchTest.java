package org.mechlp.solver.reduced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.math3.fraction.BigFraction;
import org.junit.jupiter.api.Test;
import org.mechlp.model.IrKind;
import org.mechlp.model.Problem;
import org.mechlp.model.json.ProblemReader;
import org.mechlp.solver.MechanismSolver;
import org.mechlp.solver.options.SolveOptions;
import org.mechlp.solver.options.SolveOptions.Strategy;
import org.mechlp.solver.report.SolveReport;
import org.mechlp.solver.report.SolveStatus;

/** {@link MechanismSolver} hands BIC single-item problems to the reduced form when asked or when they are large. */
class StrategyDispatchTest {
  private static Problem instance(String name) throws Exception {
    return ProblemReader.read(Path.of(System.getProperty("instances.dir"), name + ".json"));
  }

  /** n i.i.d. bidders with values 1/k, ..., k/k, equally likely. */
  private static Problem iidAuction(int n, int k) {
    BigFraction[][] values = new BigFraction[n][k];
    BigFraction[][] probabilities = new BigFraction[n][k];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < k; j++) {
        values[i][j] = new BigFraction(j + 1, k);
        probabilities[i][j] = new BigFraction(1, k);
      }
    }
    return Auctions.auction(values, probabilities, IrKind.INTERIM);
  }

  @Test
  void autoUsesTheReducedFormAboveTheProfileThresholdAndMatchesDiscreteMyerson() {
    // 5 bidders with 8 values: 32,768 profiles > 20,000, so AUTO goes to the reduced form and builds no ex post LP.
    Problem problem = iidAuction(5, 8);
    SolveReport report = MechanismSolver.solve(problem, SolveOptions.defaults());

    BigFraction[] values = new BigFraction[8];
    BigFraction[] probabilities = new BigFraction[8];
    for (int j = 0; j < 8; j++) {
      values[j] = new BigFraction(j + 1, 8);
      probabilities[j] = new BigFraction(1, 8);
    }
    // Closed form (docs/THEORY.md, Classical results): the optimal BIC revenue is E[max_i phi_bar(theta_i)^+] for
    // i.i.d. bidders.
    double myerson = DiscreteMyerson.iidRevenue(values, probabilities, 5).doubleValue();
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(myerson, within(1e-9));
    assertThat(report.strategy().strategy()).isEqualTo("reduced");
    assertThat(report.strategy().reason()).startsWith("auto: BIC single item with independent types, 32,768 type");
    assertThat(report.mechanism()).isNull();
    assertThat(report.interim()).hasSize(5 * 8);
    // The interim view carries each type's winning probability and payment; the top type wins most often.
    assertThat(report.interim().get(7).outcomeProbabilities()[1])
        .isGreaterThan(Arrays.stream(report.interim().get(4).outcomeProbabilities()).max().orElseThrow());
  }

  @Test
  void autoKeepsTheFullLpForSmallProblems() throws Exception {
    SolveReport report = MechanismSolver.solve(instance("myerson-two-bidders-bic"), SolveOptions.defaults());

    assertThat(report.strategy().strategy()).isEqualTo("full");
    assertThat(report.objective()).isCloseTo(2, within(1e-9));
  }

  @Test
  void requestedReducedFormOnASmallProblemExpandsToAVerifiedExPostMechanism() throws Exception {
    SolveReport report =
        MechanismSolver.solve(
            instance("myerson-two-bidders-bic"), SolveOptions.defaults().withStrategy(Strategy.REDUCED));

    // Golden value 2 (discrete virtual values (-1, 1, 3)), reached through the interim rule and its expansion.
    assertThat(report.status()).isEqualTo(SolveStatus.OPTIMAL);
    assertThat(report.objective()).isCloseTo(2, within(1e-9));
    assertThat(report.mechanism()).isNotNull();
    assertThat(report.strategy().reason()).startsWith("requested;").contains("verified against every row");
  }

  @Test
  void requestedReducedFormOnAProblemItDoesNotFitIsAnErrorWithTheReason() {
    assertThatThrownBy(
            () ->
                MechanismSolver.solve(
                    instance("myerson-two-bidders"), SolveOptions.defaults().withStrategy(Strategy.REDUCED)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--strategy reduced: the reduced form needs ic = bic");
  }
}
